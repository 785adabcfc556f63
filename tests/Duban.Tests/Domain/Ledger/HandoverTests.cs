using Duban.Core.Common;
using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

/// <summary>转办 with the new unit's people, 已退回 until resubmitted, evidence withdrawn, and days beside the light.</summary>
public class HandoverTests
{
    private static readonly ItemNames People = new([], [new NamedRef(10, "张三"), new NamedRef(11, "李四"), new NamedRef(12, "王五")]);

    [Fact]
    public void Reassigning_to_a_named_person_replaces_the_old_one_and_records_both()
    {
        var item = Item(ItemState.InProgress);

        item.Reassign(new Handover(8, "/1/2/8/", 12, LeaderStays: true), "职责调整", People, Supervisor, Now);

        Assert.Equal((8, 12, 10), (item.UnitId, item.ResponsiblePersonId, item.LeaderPersonId));
        var handover = item.History[^1];
        Assert.Equal([new FieldChange("责任人", "李四", "王五")], handover.Changes);
        Assert.Equal("职责调整", handover.Text);
    }

    [Fact]
    public void Reassigning_without_a_person_clears_the_old_ones_and_says_so()
    {
        var item = Item(ItemState.InProgress);

        item.Reassign(new Handover(8, "/1/2/8/", null, LeaderStays: false), "职责调整", People, Supervisor, Now);

        Assert.Equal((null, null), (item.ResponsiblePersonId, item.LeaderPersonId));
        Assert.Equal([new FieldChange("责任人", "李四", null), new FieldChange("责任领导", "张三", null)], item.History[^1].Changes);
        Assert.Contains("原单位的责任人已清除", item.History[^1].Text);
    }

    [Fact]
    public void A_returned_item_stays_returned_through_progress_until_it_is_submitted_again()
    {
        var item = Item(ItemState.Submitted);
        item.Return("缺少会议记录", OtherSupervisor, Now);
        item.ReportProgress("补充中", Liaison, Now);

        Assert.Equal("缺少会议记录", item.PendingReturn?.Text);

        item.Submit(null, Liaison, Now);
        Assert.Null(item.PendingReturn);
    }

    [Fact]
    public void A_reopened_item_is_not_a_returned_one()
    {
        var item = Item(ItemState.Closed);

        item.Reopen("抽查发现反弹", Supervisor, Now);

        Assert.Null(item.PendingReturn);
    }

    [Fact]
    public void Withdrawn_evidence_no_longer_counts_and_cannot_be_withdrawn_twice_or_after_submission()
    {
        var item = Item(ItemState.InProgress);

        item.WithdrawEvidence(0, Liaison, Now);

        Assert.False(item.HasEvidence);
        Assert.True(item.Evidence[0].IsWithdrawn);
        Assert.Equal(ItemEventKind.EvidenceWithdrawn, item.History[^1].Kind);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<DubanException>(() => item.WithdrawEvidence(0, Liaison, Now)).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<DubanException>(() => item.WithdrawEvidence(99, Liaison, Now)).Kind);
        item.Submit(null, Liaison, Now);
        Assert.Contains("销号需要至少一份佐证材料", Assert.Throws<DubanException>(() => item.Close(null, null, OtherSupervisor, Now)).Message);
        Assert.Contains("不能撤回", Assert.Throws<DubanException>(() => item.WithdrawEvidence(0, Liaison, Now)).Message);
    }

    [Theory]
    [InlineData(Light.Red, -12, "已逾期 12 天")]
    [InlineData(Light.Red, -1, "已逾期 1 天")]
    [InlineData(Light.Yellow, 0, "今天到期")]
    [InlineData(Light.Yellow, 5, "剩余 5 天")]
    [InlineData(Light.Green, 30, null)]
    [InlineData(Light.None, -3, null)]
    public void The_light_reads_in_days(Light light, int daysLeft, string? expected) =>
        Assert.Equal(expected, LedgerTerms.DaysText(light, daysLeft));
}
