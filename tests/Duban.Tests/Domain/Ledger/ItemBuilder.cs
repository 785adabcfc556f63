using Duban.Core.Ledger;

namespace Duban.Tests.Domain.Ledger;

/// <summary>Builds items in any state through the item's own methods, as the workflow would.</summary>
internal static class ItemBuilder
{
    public static readonly DateTime Now = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = new(2026, 6, 1);
    public static readonly ItemActor Liaison = new(5, "demo-liaison");
    public static readonly ItemActor Supervisor = new(3, "demo-supervisor");
    public static readonly ItemActor OtherSupervisor = new(9, "supervisor-2");
    public static readonly ItemNames Names = new([new NamedRef(1, "推拖绕"), new NamedRef(2, "慵懒散")], [new NamedRef(10, "张三"), new NamedRef(11, "李四")]);

    public static ItemDetails Details(DeadlineKind kind = DeadlineKind.Date, DateOnly? dueOn = null, DateOnly? foundOn = null,
        ReportingPeriod? period = null) =>
        new([1, 2], ItemSource.SelfInspection, "公文办理超时限", "按时办结", ["建立提醒", "每周通报"], 10, 11,
            foundOn ?? Today.AddDays(-10), kind, kind == DeadlineKind.Date ? dueOn ?? Today.AddDays(30) : null, period);

    public static RectificationItem Item(ItemState state, ItemDetails? details = null, bool withEvidence = true)
    {
        var item = RectificationItem.Register(1, 2026, 1, 7, "/1/2/7/", details ?? Details(), Supervisor, Now);
        if (state >= ItemState.Assigned)
        {
            item.Assign(Supervisor, Now);
        }
        if (state >= ItemState.InProgress)
        {
            item.Start(Liaison, Now);
            if (withEvidence)
            {
                item.AddEvidence(new EvidenceFile("a.pdf", "application/pdf", 10, new string('a', 64), Liaison, Now), Liaison, Now);
            }
        }
        if (state >= ItemState.Submitted)
        {
            item.Submit(null, Liaison, Now);
        }
        if (state >= ItemState.Closed)
        {
            item.Close(null, "同意", Supervisor, Now);
        }
        return item;
    }
}
