using Duban.Core.Ledger;

namespace Duban.Core.Signals;

/// <summary>
/// 中梗阻: an item in one state past its limit — assigned and not started for 5 working days (setting), in progress past
/// its deadline (a date, or 立行立改's seven days; an ongoing item's date is its next report, which 慵懒散 watches),
/// submitted and not verified for 5 working days (this one is the verifier's, not the unit's).
/// </summary>
public sealed class StuckDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.Stuck;

    public string Rule(SignalOptions options) =>
        $"交办后 {options.StuckAssignedWorkdays} 个工作日未开始整改，整改中超过期限，或提交审核后 {options.StuckSubmittedWorkdays} 个工作日未审核（审核方的问题）。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        foreach (var item in context.ItemsThen)
        {
            var (state, since) = StateAt(item);
            var days = context.Calendar.WorkdaysBetween(Common.ChinaTime.DateOf(since), context.Today);
            var (stuck, what) = state switch
            {
                ItemState.Assigned => (days >= context.Options.StuckAssignedWorkdays, "交办后未开始整改"),
                ItemState.InProgress => (item.DeadlineKind != DeadlineKind.Ongoing && item.DueOn < context.Today, $"整改中，已超过期限 {item.DueOn:yyyy-MM-dd}"),
                ItemState.Submitted => (days >= context.Options.StuckSubmittedWorkdays, "提交审核后未审核（审核方的问题）"),
                _ => (false, string.Empty),
            };
            if (stuck)
            {
                // In progress, how strong is how far past the deadline, not how long since it started.
                var strength = state == ItemState.InProgress ? context.Calendar.WorkdaysBetween(item.DueOn, context.Today) : days;
                yield return new SignalFinding(Kind, item.UnitId, item.Id, item.Code, strength, [new SignalEvidence(what, since, ItemId: item.Id)])
                {
                    Episode = $"{(int)state}@{since:yyyyMMddHHmmss}",
                };
            }
        }
    }

    /// <summary>The state the item was in at the context's time, and since when, from its steps.</summary>
    private static (ItemState State, DateTime Since) StateAt(SignalItem item)
    {
        var state = ItemState.Draft;
        var since = item.CreatedAt;
        foreach (var step in item.Steps.OrderBy(s => s.At))
        {
            ItemState? next = step.Kind switch
            {
                // A reassignment (转办) leaves the state as it was: an item moved while in progress stays in progress.
                ItemEventKind.Assigned => ItemState.Assigned,
                ItemEventKind.Started or ItemEventKind.Returned or ItemEventKind.Reopened => ItemState.InProgress,
                ItemEventKind.Submitted => ItemState.Submitted,
                ItemEventKind.Closed => ItemState.Closed,
                _ => null,
            };
            if (next is { } changed && changed != state)
            {
                (state, since) = (changed, step.At);
            }
        }
        return (state, since);
    }
}
