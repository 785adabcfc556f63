using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Inspections;

namespace Duban.Tests.Domain.Supervision;

/// <summary>An inspection's states, 回避, the seal of a covert visit and publishing into items.</summary>
public class InspectionModelTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ItemActor Supervisor = new(3, "demo-supervisor");
    private static readonly Campaign Campaign = new("ZFJS-2026", "2026年作风建设年", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    private static readonly (int, string, string)[] Units = [(5, "/1/5/", "综合科"), (6, "/1/6/", "秘书科")];
    private static readonly Inspector FromOffice = new(20, "王督查", 7, "调研督查室");

    private static Inspection Plan(InspectionKind kind = InspectionKind.Announced, params Inspector[] inspectors) =>
        Inspection.Plan(Campaign, 12, kind, "第四季度作风督查", new DateOnly(2026, 11, 5), Units, inspectors.Length == 0 ? [FromOffice] : inspectors,
            ["工作纪律", " ", "工作纪律", "窗口服务"], Supervisor, Now);

    [Fact]
    public void A_new_inspection_is_planned_numbered_by_year_with_a_clean_check_list()
    {
        var inspection = Plan();

        Assert.Equal(("DC-2026-012", InspectionState.Planned), (inspection.Code, inspection.State));
        Assert.Equal(["工作纪律", "窗口服务"], inspection.CheckList);
        Assert.Equal([5, 6], inspection.Targets.Select(t => t.UnitId));
    }

    [Fact]
    public void An_inspector_of_a_target_unit_is_refused_naming_both()
    {
        var own = new Inspector(21, "李科员", 6, "秘书科");

        var refused = Assert.Throws<DubanException>(() => Plan(InspectionKind.Announced, FromOffice, own));

        Assert.Equal("督查人员“李科员”属于被督查单位“秘书科”，应当回避：不能督查本单位。", refused.Message);
    }

    [Fact]
    public void Without_units_inspectors_or_a_date_nothing_is_planned()
    {
        Assert.Contains("被督查单位", Assert.Throws<DubanException>(() =>
            Inspection.Plan(Campaign, 1, InspectionKind.Announced, "无单位", new DateOnly(2026, 11, 5), [], [FromOffice], [], Supervisor, Now)).Message);
        Assert.Contains("督查人员", Assert.Throws<DubanException>(() =>
            Inspection.Plan(Campaign, 1, InspectionKind.Announced, "无人员", new DateOnly(2026, 11, 5), Units, [], [], Supervisor, Now)).Message);
        Assert.Contains("计划督查日期", Assert.Throws<DubanException>(() =>
            Inspection.Plan(Campaign, 1, InspectionKind.Announced, "无日期", null, Units, [FromOffice], [], Supervisor, Now)).Message);
    }

    [Fact]
    public void The_states_go_planned_under_way_findings_recorded_published_and_no_step_is_skipped_or_repeated()
    {
        var inspection = Plan();
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<DubanException>(inspection.CompleteFindings).Kind);
        Assert.Throws<DubanException>(() => inspection.AddFinding(5, "综合科", "太早", [], FindingSeverity.General, null, Supervisor, Now));

        inspection.Start();
        inspection.AddFinding(5, "综合科", "值班脱岗", [], FindingSeverity.Serious, new DateOnly(2026, 12, 1), Supervisor, Now);
        Assert.Throws<DubanException>(() => inspection.Publish(_ => throw new InvalidOperationException(), Supervisor, Now));
        inspection.CompleteFindings();
        inspection.AddFinding(6, "秘书科", "文件积压", [], FindingSeverity.General, null, Supervisor, Now);
        inspection.Publish(f => Register(f), Supervisor, Now);

        Assert.Equal(InspectionState.Published, inspection.State);
        Assert.All(inspection.Findings, f => Assert.NotNull(f.Item));
        Assert.Contains("不能重复发布", Assert.Throws<DubanException>(() => inspection.Publish(f => Register(f), Supervisor, Now)).Message);
        Assert.Throws<DubanException>(() => inspection.AddFinding(5, "综合科", "发布后", [], FindingSeverity.General, null, Supervisor, Now));
    }

    [Fact]
    public void A_finding_is_only_for_a_target_unit_and_not_due_in_the_past()
    {
        var inspection = Plan();
        inspection.Start();

        Assert.Contains("不是本次督查的被督查单位", Assert.Throws<DubanException>(() =>
            inspection.AddFinding(9, "信息科", "不是对象", [], FindingSeverity.General, null, Supervisor, Now)).Message);
        Assert.Contains("不能早于今天", Assert.Throws<DubanException>(() =>
            inspection.AddFinding(5, "综合科", "过期", [], FindingSeverity.General, new DateOnly(2026, 11, 1), Supervisor, Now)).Message);
        Assert.Empty(inspection.Findings);
    }

    [Fact]
    public void A_covert_visit_and_its_findings_are_sealed_until_published()
    {
        var inspection = Plan(InspectionKind.Covert);
        inspection.Start();
        var finding = inspection.AddFinding(5, "综合科", "上班时间玩手机", [], FindingSeverity.General, null, Supervisor, Now);
        Assert.True(inspection.IsSealed);
        Assert.True(finding.Sealed);
        Assert.All(inspection.Targets, t => Assert.True(t.Sealed));

        inspection.CompleteFindings();
        inspection.Publish(f => Register(f), Supervisor, Now);

        Assert.False(inspection.IsSealed);
        Assert.False(finding.Sealed);
        Assert.All(inspection.Targets, t => Assert.False(t.Sealed));
    }

    [Fact]
    public void An_announced_inspection_is_not_sealed_and_its_findings_may_be_answered_once_before_publishing()
    {
        var inspection = Plan();
        inspection.Start();
        var finding = inspection.AddFinding(5, "综合科", "值班记录缺失", [], FindingSeverity.General, null, Supervisor, Now);
        Assert.False(finding.Sealed);

        inspection.Answer(finding, "系统故障，已补录", new ItemActor(30, "demo-liaison"), Now);

        Assert.Equal("系统故障，已补录", finding.Answer);
        Assert.Contains("不能重复提交", Assert.Throws<DubanException>(() => inspection.Answer(finding, "再说", Supervisor, Now)).Message);
        var covert = Plan(InspectionKind.Covert);
        covert.Start();
        var hidden = covert.AddFinding(5, "综合科", "暗访问题", [], FindingSeverity.General, null, Supervisor, Now);
        Assert.Contains("只有明查", Assert.Throws<DubanException>(() => covert.Answer(hidden, "申辩", Supervisor, Now)).Message);
    }

    [Fact]
    public void Every_change_moves_the_version_on_so_two_changes_from_one_reading_cannot_both_be_saved()
    {
        var inspection = Plan();
        var seen = new List<int> { inspection.Version };

        inspection.Start();
        seen.Add(inspection.Version);
        var finding = inspection.AddFinding(5, "综合科", "值班脱岗", [], FindingSeverity.General, null, Supervisor, Now);
        seen.Add(inspection.Version);
        inspection.Answer(finding, "已整改", new ItemActor(30, "demo-liaison"), Now);
        seen.Add(inspection.Version);
        inspection.CompleteFindings();
        seen.Add(inspection.Version);
        inspection.Publish(f => Register(f), Supervisor, Now);
        seen.Add(inspection.Version);

        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData(InspectionKind.Announced, ItemSource.AnnouncedInspection)]
    [InlineData(InspectionKind.Covert, ItemSource.CovertVisit)]
    [InlineData(InspectionKind.Thematic, ItemSource.ThematicInspection)]
    [InlineData(InspectionKind.Revisit, ItemSource.Revisit)]
    public void Each_kind_gives_its_items_their_source(InspectionKind kind, ItemSource source) =>
        Assert.Equal(source, InspectionTerms.SourceOf(kind));

    private static RectificationItem Register(InspectionFinding finding) => RectificationItem.Register(1, 2026, finding.Id + 100, finding.UnitId,
        finding.UnitPath, new ItemDetails([], ItemSource.CovertVisit, finding.Problem, null, ["整改"], null, null, new DateOnly(2026, 11, 2),
            DeadlineKind.Date, new DateOnly(2026, 12, 31), null), Supervisor, Now, sourceCode: "DC-2026-012");
}
