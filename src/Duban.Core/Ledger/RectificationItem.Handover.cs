using System.Linq.Expressions;

namespace Duban.Core.Ledger;

/// <summary>
/// Where a reassignment (转办) takes an item: the unit, the person of that unit who now answers for it (none: the
/// old one is cleared and the new unit names one), and whether the responsible leader stays (a leader above both units).
/// </summary>
public sealed record Handover(int UnitId, string UnitPath, int? ResponsiblePersonId, bool LeaderStays);

public sealed partial class RectificationItem
{
    /// <summary>
    /// Sent back at verification and not yet submitted again (已退回): in progress, and the latest submission,
    /// return or reopening is a return. A database predicate for lists, compiled for an item in memory, where events
    /// not yet saved have id 0: they come after the saved ones, in the order they happened.
    /// </summary>
    public static Expression<Func<RectificationItem, bool>> IsReturned { get; } = item => item.State == ItemState.InProgress
        && item.History.Where(e => e.Kind == ItemEventKind.Submitted || e.Kind == ItemEventKind.Returned || e.Kind == ItemEventKind.Reopened)
            .OrderBy(e => e.Id == 0).ThenBy(e => e.Id).Select(e => e.Kind).LastOrDefault() == ItemEventKind.Returned;

    private static readonly Func<RectificationItem, bool> IsReturnedNow = IsReturned.Compile();

    /// <summary>The return the unit is working on, with its reason; null unless the item is 已退回.</summary>
    public ItemEvent? PendingReturn => IsReturnedNow(this) ? _history.Last(e => e.Kind == ItemEventKind.Returned) : null;

    public void Return(string? reason, ItemActor by, DateTime at)
    {
        Require(ItemAction.Return);
        var why = RequireReason(reason, "退回");
        State = ItemState.InProgress;
        Record(new ItemEvent(ItemEventKind.Returned, by, at, why), at);
    }

    /// <summary>
    /// 转办: the trail of units stays in the history, so items bounced between units show. The people named on the
    /// item belong to the old unit: the new unit's responsible person replaces them, or they are cleared, and the
    /// history says which.
    /// </summary>
    public void Reassign(Handover to, string? reason, ItemNames names, ItemActor by, DateTime at)
    {
        Require(ItemAction.Reassign);
        if (to.UnitId == UnitId)
        {
            throw LedgerErrors.SameUnit();
        }
        var why = RequireReason(reason, "转办");
        var leader = to.LeaderStays ? LeaderPersonId : null;
        var changes = new List<FieldChange>();
        if (ResponsiblePersonId != to.ResponsiblePersonId)
        {
            changes.Add(new FieldChange(PersonField, names.Person(ResponsiblePersonId), names.Person(to.ResponsiblePersonId)));
        }
        if (LeaderPersonId != leader)
        {
            changes.Add(new FieldChange(LeaderField, names.Person(LeaderPersonId), names.Person(leader)));
        }
        var cleared = to.ResponsiblePersonId is null && (ResponsiblePersonId is not null || leader != LeaderPersonId);
        var from = UnitId;
        UnitId = to.UnitId;
        UnitPath = to.UnitPath;
        ResponsiblePersonId = to.ResponsiblePersonId;
        LeaderPersonId = leader;
        var text = cleared ? $"{why}\n（原单位的责任人已清除，请新责任单位指定责任人。）" : why;
        Record(new ItemEvent(ItemEventKind.Reassigned, by, at, text, fromUnitId: from, toUnitId: to.UnitId, changes: changes), at);
    }
}
