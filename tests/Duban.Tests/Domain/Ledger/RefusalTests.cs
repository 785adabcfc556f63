using Duban.Core.Common;
using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

public class RefusalTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_without_reason_is_refused(string? reason)
    {
        var item = Item(ItemState.Submitted);

        var error = Assert.Throws<DubanException>(() => item.Return(reason, Supervisor, Now));

        Assert.Equal("退回必须填写理由。", error.Message);
        Assert.Equal(ItemState.Submitted, item.State);
    }

    [Fact]
    public void Reopen_without_reason_is_refused() =>
        Assert.Equal("重新打开必须填写理由。", Assert.Throws<DubanException>(() => Item(ItemState.Closed).Reopen(" ", Supervisor, Now)).Message);

    [Fact]
    public void Closing_ones_own_submission_is_refused_by_the_four_eyes_rule()
    {
        var item = Item(ItemState.InProgress);
        item.Submit(null, Supervisor, Now);

        var error = Assert.Throws<DubanException>(() => item.Close(null, null, Supervisor, Now));

        Assert.Contains("四眼原则", error.Message);
        Assert.Equal(ItemState.Submitted, item.State);
    }

    [Fact]
    public void Closing_without_evidence_needs_a_written_reason()
    {
        var item = Item(ItemState.Submitted, withEvidence: false);

        var error = Assert.Throws<DubanException>(() => item.Close("  ", null, OtherSupervisor, Now));
        Assert.Contains("至少一份佐证材料", error.Message);

        item.Close("现场核查，无书面材料", null, OtherSupervisor, Now);
        Assert.Equal(ItemState.Closed, item.State);
        Assert.Equal("现场核查，无书面材料", item.NoEvidenceReason);
    }

    [Fact]
    public void An_extension_must_be_later_than_the_deadline_and_give_a_reason()
    {
        var item = Item(ItemState.InProgress);

        Assert.Contains("必须晚于当前期限", Assert.Throws<DubanException>(() => item.RequestExtension(item.DueOn, "理由", Liaison, Now)).Message);
        Assert.Equal("申请延期必须填写理由。", Assert.Throws<DubanException>(() => item.RequestExtension(item.DueOn.AddDays(5), null, Liaison, Now)).Message);
    }

    [Fact]
    public void A_second_extension_request_waits_for_the_first_decision()
    {
        var item = Item(ItemState.InProgress);
        item.RequestExtension(item.DueOn.AddDays(10), "客观原因", Liaison, Now);

        var error = Assert.Throws<DubanException>(() => item.RequestExtension(item.DueOn.AddDays(20), "再延", Liaison, Now));

        Assert.Contains("待审批的延期申请", error.Message);
    }

    [Fact]
    public void Deciding_without_a_pending_request_is_refused() =>
        Assert.Contains("没有待审批的延期申请", Assert.Throws<DubanException>(() => Item(ItemState.InProgress).DecideExtension(true, null, Supervisor, Now)).Message);

    [Theory]
    [InlineData(DeadlineKind.Immediate)]
    [InlineData(DeadlineKind.Ongoing)]
    public void Only_dated_items_can_be_extended(DeadlineKind kind)
    {
        var item = Item(ItemState.InProgress, Details(kind));

        Assert.False(item.CanBe(ItemAction.RequestExtension));
        Assert.Throws<DubanException>(() => item.RequestExtension(Today.AddDays(90), "理由", Liaison, Now));
    }

    [Fact]
    public void Approving_an_extension_keeps_the_old_deadline_in_the_history()
    {
        var item = Item(ItemState.InProgress);
        var old = item.DueOn;
        item.RequestExtension(old.AddDays(15), "等待上级批复", Liaison, Now);

        item.DecideExtension(true, "同意", Supervisor, Now);

        Assert.Equal(old.AddDays(15), item.DueOn);
        var approved = item.History[^1];
        Assert.Equal(ItemEventKind.ExtensionApproved, approved.Kind);
        Assert.Equal(old, approved.OldDueOn);
        Assert.Null(item.PendingExtensionDueOn);
    }

    [Fact]
    public void Refusing_an_extension_needs_a_reason_and_keeps_the_deadline()
    {
        var item = Item(ItemState.InProgress);
        var old = item.DueOn;
        item.RequestExtension(old.AddDays(15), "理由", Liaison, Now);

        Assert.Throws<DubanException>(() => item.DecideExtension(false, null, Supervisor, Now));
        item.DecideExtension(false, "理由不充分", Supervisor, Now);

        Assert.Equal(old, item.DueOn);
        Assert.Equal(ItemEventKind.ExtensionRefused, item.History[^1].Kind);
    }

    [Fact]
    public void Reassignment_needs_a_reason_and_another_unit_and_leaves_a_trail()
    {
        var item = Item(ItemState.InProgress);

        Assert.Throws<DubanException>(() => item.Reassign(new Handover(8, "/1/2/8/", null, false), "", Names, Supervisor, Now));
        Assert.Equal("转办的目标单位与当前责任单位相同。", Assert.Throws<DubanException>(() => item.Reassign(new Handover(7, "/1/2/7/", null, false), "x", Names, Supervisor, Now)).Message);
        item.Reassign(new Handover(8, "/1/2/8/", null, false), "职责调整", Names, Supervisor, Now);
        item.Reassign(new Handover(7, "/1/2/7/", null, false), "退回原单位", Names, Supervisor, Now);

        var trail = item.History.Where(e => e.Kind == ItemEventKind.Reassigned).Select(e => (e.FromUnitId, e.ToUnitId)).ToList();
        Assert.Equal([(7, 8), (8, 7)], trail);
        Assert.Equal("/1/2/7/", item.UnitPath);
    }

    [Fact]
    public void Registering_checks_the_fields()
    {
        Assert.Equal("问题描述不能为空。", Assert.Throws<DubanException>(() => Item(ItemState.Draft, Details() with { Problem = " " })).Message);
        Assert.Equal("请至少填写一条整改措施。", Assert.Throws<DubanException>(() => Item(ItemState.Draft, Details() with { Measures = ["", " "] })).Message);
        Assert.Equal("限期整改的事项必须填写整改期限。", Assert.Throws<DubanException>(() => Item(ItemState.Draft, Details() with { DueOn = null })).Message);
        Assert.Equal("整改期限不能早于发现日期。", Assert.Throws<DubanException>(() => Item(ItemState.Draft, Details(dueOn: Today.AddDays(-20)))).Message);
        Assert.Contains("不能超过 2000 个字符", Assert.Throws<DubanException>(() => Item(ItemState.Draft, Details() with { Problem = new string('问', 2001) })).Message);
        Assert.Contains("最多 20 条", Assert.Throws<DubanException>(() => Item(ItemState.Draft, Details() with { Measures = [.. Enumerable.Range(0, 21).Select(i => $"措施{i}")] })).Message);
    }

    [Fact]
    public void Validating_applies_the_registration_rules_without_an_item()
    {
        RectificationItem.Validate(Details());
        Assert.Equal("整改期限不能早于发现日期。", Assert.Throws<DubanException>(() => RectificationItem.Validate(Details(dueOn: Today.AddDays(-20)))).Message);
        Assert.Equal("请至少填写一条整改措施。", Assert.Throws<DubanException>(() => RectificationItem.Validate(Details() with { Measures = [] })).Message);
    }

    [Fact]
    public void An_edit_names_what_changed_and_an_edit_without_changes_is_refused_and_records_nothing()
    {
        var item = Item(ItemState.InProgress);
        var count = item.History.Count;

        var error = Assert.Throws<DubanException>(() =>
            item.Edit(ItemViews.DetailsOf(item), ItemBuilder.Names, Liaison, Now, mayChangeDeadline: false, mayChangeFindings: false));
        Assert.Equal("没有修改：内容与原来相同，未保存。", error.Message);
        Assert.Equal(count, item.History.Count);

        item.Edit(ItemViews.DetailsOf(item) with { Problem = "新的问题描述", Measures = ["一", "二", "三"] }, ItemBuilder.Names, Liaison, Now, mayChangeDeadline: false, mayChangeFindings: false);
        Assert.Equal("修改了问题描述、整改措施", item.History[^1].Text);
    }

    [Fact]
    public void Progress_needs_words()
    {
        var item = Item(ItemState.InProgress);

        Assert.Equal("整改进展不能为空。", Assert.Throws<DubanException>(() => item.ReportProgress("", Liaison, Now)).Message);
    }
}

public class DeadlineEditTests
{
    [Fact]
    public void After_assignment_only_a_supervisor_moves_the_deadline_and_the_history_keeps_both_dates()
    {
        var item = ItemBuilder.Item(ItemState.InProgress);
        var old = item.DueOn;
        var later = ItemViews.DetailsOf(item) with { DueOn = old.AddDays(60) };

        var error = Assert.Throws<DubanException>(() => item.Edit(later, ItemBuilder.Names, ItemBuilder.Liaison, ItemBuilder.Now, mayChangeDeadline: false, mayChangeFindings: false));
        Assert.Contains("延期申请", error.Message);
        Assert.Equal(old, item.DueOn);

        item.Edit(later, ItemBuilder.Names, ItemBuilder.Supervisor, ItemBuilder.Now, mayChangeDeadline: true, mayChangeFindings: true);
        Assert.Equal(old.AddDays(60), item.DueOn);
        Assert.Equal((old, old.AddDays(60)), (item.History[^1].OldDueOn!.Value, item.History[^1].NewDueOn!.Value));
    }

    [Fact]
    public void A_draft_deadline_can_still_be_set_by_whoever_drafts_it()
    {
        var item = ItemBuilder.Item(ItemState.Draft);

        item.Edit(ItemViews.DetailsOf(item) with { DueOn = item.DueOn.AddDays(5) }, ItemBuilder.Names, ItemBuilder.Liaison, ItemBuilder.Now, mayChangeDeadline: false, mayChangeFindings: false);

        Assert.Equal(ItemState.Draft, item.State);
    }

    [Fact]
    public void Closing_withdraws_a_pending_extension_visibly()
    {
        var item = ItemBuilder.Item(ItemState.InProgress);
        item.RequestExtension(item.DueOn.AddDays(10), "理由", ItemBuilder.Liaison, ItemBuilder.Now);
        item.Submit(null, ItemBuilder.Liaison, ItemBuilder.Now);

        item.Close(null, null, ItemBuilder.OtherSupervisor, ItemBuilder.Now);

        Assert.Null(item.PendingExtensionDueOn);
        Assert.Contains(item.History, e => e.Kind == ItemEventKind.ExtensionRefused && e.Text!.Contains("撤销", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(9999)]
    public void Dates_far_outside_plausible_years_are_refused(int year) =>
        Assert.Contains("2000 年至 2100 年", Assert.Throws<DubanException>(() =>
            ItemBuilder.Item(ItemState.Draft, ItemBuilder.Details(foundOn: new DateOnly(year, 1, 1), dueOn: new DateOnly(year, 12, 1)))).Message);

    [Fact]
    public void An_undefined_reporting_period_is_refused() =>
        Assert.Contains("报告周期无效", Assert.Throws<DubanException>(() =>
            ItemBuilder.Item(ItemState.Draft, ItemBuilder.Details(DeadlineKind.Ongoing, period: (ReportingPeriod)200000))).Message);
}

public class FindingEditTests
{
    [Fact]
    public void An_edit_keeps_the_old_and_new_value_of_each_changed_field_by_name()
    {
        var item = ItemBuilder.Item(ItemState.InProgress);

        item.Edit(ItemViews.DetailsOf(item) with { Goal = "当日办结", CategoryIds = [2], ResponsiblePersonId = 10, DeadlineKind = DeadlineKind.Ongoing,
            ReportingPeriod = ReportingPeriod.Quarterly }, ItemBuilder.Names, ItemBuilder.Supervisor, ItemBuilder.Now, mayChangeDeadline: true, mayChangeFindings: true);

        Assert.Equal(
        [
            new FieldChange("整改目标", "按时办结", "当日办结"),
            new FieldChange("责任人", "李四", "张三"),
            new FieldChange("整改时限", item.History[^1].OldDueOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "长期坚持（每季度报告）"),
            new FieldChange("问题类别", "推拖绕、慵懒散", "慵懒散"),
        ], item.History[^1].Changes);
    }

    [Theory]
    [InlineData(ItemSource.AnnouncedInspection)]
    [InlineData(ItemSource.SuperiorInspection)]
    [InlineData(ItemSource.Other)]
    public void Only_a_supervisor_rewrites_what_someone_else_found(ItemSource source)
    {
        var item = ItemBuilder.Item(ItemState.InProgress, ItemBuilder.Details() with { Source = source });
        var details = ItemViews.DetailsOf(item);
        var version = item.Version;

        foreach (var rewrite in new[] { details with { Problem = "偶有延迟" }, details with { CategoryIds = [] }, details with { Source = ItemSource.SelfInspection } })
        {
            var error = Assert.Throws<DubanException>(() => item.Edit(rewrite, ItemBuilder.Names, ItemBuilder.Liaison, ItemBuilder.Now, mayChangeDeadline: false, mayChangeFindings: false));
            Assert.Contains("只能由督查人员修改", error.Message);
        }
        Assert.Equal(("公文办理超时限", version), (item.Problem, item.Version));

        item.Edit(details with { Goal = "当日办结", Measures = ["专人跟踪"], LeaderPersonId = null }, ItemBuilder.Names, ItemBuilder.Liaison, ItemBuilder.Now,
            mayChangeDeadline: false, mayChangeFindings: false);
        item.Edit(ItemViews.DetailsOf(item) with { Problem = "偶有延迟" }, ItemBuilder.Names, ItemBuilder.Supervisor, ItemBuilder.Now,
            mayChangeDeadline: true, mayChangeFindings: true);

        Assert.Equal(("偶有延迟", "当日办结", "专人跟踪"), (item.Problem, item.Goal, item.MeasuresText));
    }

    [Fact]
    public void What_the_unit_found_itself_it_may_rewrite()
    {
        var item = ItemBuilder.Item(ItemState.InProgress);

        item.Edit(ItemViews.DetailsOf(item) with { Problem = "公文办理偶有超时" }, ItemBuilder.Names, ItemBuilder.Liaison, ItemBuilder.Now,
            mayChangeDeadline: false, mayChangeFindings: false);

        Assert.Equal(new FieldChange("问题描述", "公文办理超时限", "公文办理偶有超时"), Assert.Single(item.History[^1].Changes));
    }
}
