namespace Duban.Core.Signals;

/// <summary>
/// 走秀场: a unit that closed at least half (setting) of its items closed in the period within the 3 days (setting) before
/// one of their deadlines or before an assessment cut-off, with at least 5 (setting) such closures.
/// </summary>
public sealed class ShowClosureDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.ShowClosure;

    public string Rule(SignalOptions options) =>
        $"期间内销号的问题中，{options.ShowSharePercent}% 以上在期限或考核截止前 {options.ShowWindowDays} 天内集中销号，且不少于 {options.ShowMinClosures} 项。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        var window = context.Options.ShowWindowDays;
        bool JustBefore(DateOnly closed, DateOnly deadline) => closed <= deadline && closed.DayNumber >= deadline.DayNumber - window;
        foreach (var unit in context.ItemsThen.Where(i => i.ClosedOn is { } on && i.ClosedAt <= context.AsOf && on >= context.From && on <= context.To)
                     .GroupBy(i => i.UnitId))
        {
            var closed = unit.ToList();
            var bunched = closed.Where(i => JustBefore(i.ClosedOn!.Value, i.DueOn) || context.CutOffs.Any(c => JustBefore(i.ClosedOn!.Value, c))).ToList();
            if (bunched.Count >= context.Options.ShowMinClosures && bunched.Count * 100 >= context.Options.ShowSharePercent * closed.Count)
            {
                yield return new SignalFinding(Kind, unit.Key, null, null, Math.Round(bunched.Count * 100m / closed.Count, 1),
                    [.. bunched.Select(i => new SignalEvidence($"{i.Code} 于 {i.ClosedOn:yyyy-MM-dd} 销号，期限 {i.DueOn:yyyy-MM-dd}", i.ClosedAt, ItemId: i.Id))])
                {
                    Episode = $"{context.From:yyyyMMdd}",
                };
            }
        }
    }
}
