using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Slips;

namespace Duban.Tests.Domain.Supervision;

/// <summary>Issuing a slip (one unit, qualifying items, its worst colour) and its two steps, each once and in order.</summary>
public sealed class UrgeSlipTests
{
    private static readonly WorkCalendar Calendar = new(new WeekendsOff());
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly SlipDays Days = SlipDays.Of(Today, 7, 15, Calendar);
    private static readonly SlipActor Supervisor = new(1, "督查员");
    private static readonly SlipActor Head = new(2, "综合科科长");
    private static readonly DateTime At = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    private static SlipCandidate Item(int id, string dueOn, string unit = "综合科", int unitId = 4, bool hadSlip = false,
        ItemState state = ItemState.InProgress, int campaignId = 1) =>
        new(id, $"ZG-2026-{id:0000}", campaignId, unitId, $"/1/{unitId}/", unit, state, DeadlineKind.Date,
            DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), $"问题 {id}", hadSlip);

    private static SlipDraft Draft(params SlipCandidate[] items) => SlipDraft.Of(items, "请抓紧整改。", Today.AddDays(5), Days, Calendar);

    private static UrgeSlip Slip(params SlipCandidate[] items) => new(Draft(items), 2026, 12, Supervisor, At);

    [Fact]
    public void A_slip_takes_its_worst_items_colour_and_lists_each_with_its_working_days_overdue()
    {
        var slip = Slip(Item(1, "2026-12-01"), Item(2, "2026-11-20"), Item(3, "2026-11-03"));

        Assert.Equal(SlipColour.Red, slip.Colour);
        Assert.Equal([("ZG-2026-0003", 16, SlipColour.Red), ("ZG-2026-0002", 3, SlipColour.Yellow), ("ZG-2026-0001", 0, SlipColour.Blue)],
            slip.Items.Select(i => (i.ItemCode, i.OverdueDays, i.Colour)));
        Assert.Equal((2026, 12, "综合科", 4, "/1/4/"), (slip.Year, slip.Number, slip.UnitName, slip.UnitId, slip.UnitPath));
    }

    [Fact]
    public void A_slip_of_blue_items_is_blue_and_one_of_an_item_slipped_before_is_red()
    {
        Assert.Equal(SlipColour.Blue, Slip(Item(1, "2026-12-01"), Item(2, "2026-11-25")).Colour);
        Assert.Equal(SlipColour.Yellow, Slip(Item(1, "2026-12-01"), Item(2, "2026-11-24")).Colour);
        Assert.Equal(SlipColour.Red, Slip(Item(1, "2026-12-01", hadSlip: true)).Colour);
    }

    [Fact]
    public void Items_of_two_units_are_refused_naming_both()
    {
        var refused = Assert.Throws<DubanException>(() => Draft(Item(1, "2026-11-20"), Item(2, "2026-11-20", "秘书科", 5)));

        Assert.Equal(ErrorKind.Validation, refused.Kind);
        Assert.Contains("各单位一单", refused.Message);
        Assert.Contains("综合科、秘书科", refused.Message);
    }

    [Fact]
    public void Items_of_two_campaigns_are_refused() =>
        Assert.Contains("不同的活动", Assert.Throws<DubanException>(() => Draft(Item(1, "2026-11-20"), Item(2, "2026-11-20", campaignId: 2))).Message);

    [Fact]
    public void An_item_that_does_not_qualify_is_refused_by_its_code()
    {
        Assert.Contains("ZG-2026-0002 不符合", Assert.Throws<DubanException>(() => Draft(Item(1, "2026-11-20"), Item(2, "2026-12-31"))).Message);
        Assert.Contains("ZG-2026-0003 不符合", Assert.Throws<DubanException>(() => Draft(Item(3, "2026-11-20", state: ItemState.Submitted))).Message);
    }

    [Fact]
    public void No_items_a_missing_demand_or_a_reply_deadline_in_the_past_are_refused()
    {
        Assert.Equal("请至少选择一个整改事项。", Assert.Throws<DubanException>(() => Draft()).Message);
        Assert.Contains("督办要求不能为空", Assert.Throws<DubanException>(() =>
            SlipDraft.Of([Item(1, "2026-11-20")], "  ", Today, Days, Calendar)).Message);
        Assert.Contains("请填写反馈期限", Assert.Throws<DubanException>(() =>
            SlipDraft.Of([Item(1, "2026-11-20")], "请整改", null, Days, Calendar)).Message);
        Assert.Contains("反馈期限不能早于今天", Assert.Throws<DubanException>(() =>
            SlipDraft.Of([Item(1, "2026-11-20")], "请整改", Today.AddDays(-1), Days, Calendar)).Message);
        Assert.Equal(Today, SlipDraft.Of([Item(1, "2026-11-20")], "请整改", Today, Days, Calendar).ReplyDueOn);
    }

    [Fact]
    public void The_unit_signs_then_replies_each_once()
    {
        var slip = Slip(Item(1, "2026-11-20"));
        Assert.Equal(SlipState.ToAcknowledge, slip.StateOn(Today));

        Assert.Equal(ErrorKind.Conflict, Assert.Throws<DubanException>(() => slip.Reply("已整改", null, Head, At)).Kind);
        slip.Acknowledge(Head, At);
        Assert.Equal(SlipState.ToReply, slip.StateOn(Today));
        Assert.Contains("不能重复签收", Assert.Throws<DubanException>(() => slip.Acknowledge(Head, At)).Message);
        Assert.Contains("反馈内容不能为空", Assert.Throws<DubanException>(() => slip.Reply(" ", null, Head, At)).Message);

        slip.Reply("已完成整改。", new SlipFile("整改报告.pdf", "application/pdf", 10, new string('a', 64)), Head, At);

        Assert.Equal(SlipState.Replied, slip.StateOn(Today.AddDays(30)));
        Assert.Equal(("已完成整改。", "整改报告.pdf", "综合科科长"), (slip.ReplyText, slip.ReplyFileName, slip.RepliedByName));
        Assert.Contains("不能重复反馈", Assert.Throws<DubanException>(() => slip.Reply("再次反馈", null, Head, At)).Message);
        Assert.Equal(3, slip.Version);
    }

    [Fact]
    public void An_unanswered_slip_past_its_reply_deadline_is_overdue_signed_for_or_not()
    {
        var slip = Slip(Item(1, "2026-11-20"));
        var due = slip.ReplyDueOn;

        Assert.Equal(SlipState.ToAcknowledge, slip.StateOn(due));
        Assert.Equal(SlipState.Overdue, slip.StateOn(due.AddDays(1)));
        slip.Acknowledge(Head, At);
        Assert.Equal(SlipState.ToReply, slip.StateOn(due));
        Assert.Equal(SlipState.Overdue, slip.StateOn(due.AddDays(1)));
    }

    [Fact]
    public void The_transition_table_lets_the_units_head_and_liaison_act_and_waits_for_them()
    {
        var slip = Slip(Item(1, "2026-11-20"));
        var table = UrgeSlipWorkflow.Table;

        Assert.True(table.IsLegal(SlipAction.Acknowledge, slip));
        Assert.False(table.IsLegal(SlipAction.Reply, slip));
        slip.Acknowledge(Head, At);
        Assert.False(table.IsLegal(SlipAction.Acknowledge, slip));
        Assert.True(table.IsLegal(SlipAction.Reply, slip));
        Assert.Equal("请先签收督办单，再反馈。", table.RefuseState(SlipAction.Reply, Slip(Item(1, "2026-11-20"))).Message);
        Assert.All(table.Actions, a => Assert.Equal([Roles.UnitHead, Roles.Liaison], a.Grants.Select(g => g.Role)));
        Assert.All(table.Actions.SelectMany(a => a.Grants), g => Assert.True(g.Awaits));
    }
}
