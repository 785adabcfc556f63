using Duban.Core.Common;

namespace Duban.Core.Signals;

/// <summary>
/// What every detector reads: the items with their histories, the time it looks from, the calendar and the thresholds;
/// for the unit-level rules, the units to judge, the period (found or closed in it) and the assessment cut-offs.
/// </summary>
public sealed record SignalContext(IReadOnlyList<SignalItem> Items, DateTime AsOf, WorkCalendar Calendar, SignalOptions Options)
{
    public IReadOnlyList<int> UnitIds { get; init; } = [];

    public DateOnly From { get; init; } = DateOnly.MinValue;

    public DateOnly To { get; init; } = DateOnly.MaxValue;

    public IReadOnlyList<DateOnly> CutOffs { get; init; } = [];

    private (IReadOnlyList<SignalItem> Items, DateTime AsOf, IReadOnlyList<SignalItem> Then)? _then;

    /// <summary>
    /// The items as they stood at <see cref="AsOf"/>: registered by then, with the steps taken by then. Made once and
    /// kept (every detector reads it; an item with nothing after that time is itself).
    /// </summary>
    public IReadOnlyList<SignalItem> ItemsThen
    {
        get
        {
            if (_then is not { } then || !ReferenceEquals(then.Items, Items) || then.AsOf != AsOf)
            {
                List<SignalItem> items = [.. Items.Where(i => i.CreatedAt <= AsOf)
                    .Select(i => i.Steps.All(s => s.At <= AsOf) ? i : i with { Steps = [.. i.Steps.Where(s => s.At <= AsOf)] })];
                _then = then = (Items, AsOf, items);
            }
            return then.Then;
        }
    }

    public DateOnly Today => ChinaTime.DateOf(AsOf);
}

/// <summary>
/// One ailment's rule. Each detector is its own small class reading the same context; adding a ninth touches no
/// other (they are found by <see cref="SignalDetectors.All"/>).
/// </summary>
public interface ISignalDetector
{
    SignalKind Kind { get; }

    /// <summary>The rule in a sentence, for the board.</summary>
    string Rule(SignalOptions options);

    IEnumerable<SignalFinding> Detect(SignalContext context);
}

public static class SignalDetectors
{
    public static IReadOnlyList<ISignalDetector> All { get; } =
        [new BrokenPromiseDetector(), new CopiedWorkDetector(), new ShowClosureDetector(), new StuckDetector(), new PassedBuckDetector(), new BlindSpotDetector(), new IdleDetector(),
            new NoAmbitionDetector()];
}
