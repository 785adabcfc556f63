using Duban.Core.Assessment;
using Duban.Core.Common;

namespace Duban.Tests.Domain.Assessment;

/// <summary>
/// Adjustments and appeals on a unit's result as entities: an adjustment needs a reason and a decider other than its
/// proposer and only before publication; an appeal only after publication and within the window; an upheld appeal
/// changes its line and the total by the difference, nothing else; publication waits for pending adjustments.
/// </summary>
public sealed class ReviewTests
{
    private static readonly DateTime At = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewActor Supervisor = new(7, "督查员");
    private static readonly ReviewActor Leader = new(8, "王建国");
    private static readonly ReviewFile Basis = new("依据.pdf", "application/pdf", 100, new string('a', 64));

    private static AssessmentResult Result()
    {
        var score = ScoreCalculator.Score(ScoringScheme.Default,
        [
            new(ScoreEventKind.ClosedOnTime, ScoreRecords.Item, 1, "ZG-1"),
            new(ScoreEventKind.RedAtCutOff, ScoreRecords.Item, 2, "ZG-2"),
            new(ScoreEventKind.RedAtCutOff, ScoreRecords.Item, 3, "ZG-3"),
            new(ScoreEventKind.RedSlip, ScoreRecords.Slip, 4, "督〔2026〕1号"),
        ], []);
        return AssessmentResult.Create(3, "/1/2/3/", "综合科", null, null, score);
    }

    [Fact]
    public void A_result_totals_base_plus_lines_and_an_approved_adjustment_counts_once_decided_by_another_person()
    {
        var result = Result();
        Assert.Equal(100m + 1m - 2m - 4m, result.Total);

        Assert.Throws<DubanException>(() => AssessmentAdjustment.Propose(result, 2m, "  ", Basis, Supervisor, At));
        Assert.Throws<DubanException>(() => AssessmentAdjustment.Propose(result, 0m, "加分", Basis, Supervisor, At));
        Assert.Contains("依据文件", Assert.Throws<DubanException>(() => AssessmentAdjustment.Propose(result, 2m, "加分", null, Supervisor, At)).Message);
        var adjustment = AssessmentAdjustment.Propose(result, 2m, "专项任务加分", Basis, Supervisor, At);
        var own = Assert.Throws<DubanException>(() => adjustment.Decide(true, null, Supervisor, At));
        Assert.Contains("四眼", own.Message);
        adjustment.Decide(true, null, Leader, At);
        result.Adjust(adjustment.Points);

        Assert.Equal((ReviewState.Approved, 97m), (adjustment.State, result.Total));
        Assert.Throws<DubanException>(() => adjustment.Decide(false, null, Leader, At));
    }

    [Fact]
    public void Nothing_is_adjusted_after_publication_and_no_appeal_comes_before_it_or_after_the_window()
    {
        var result = Result();
        var line = result.Breakdown!.Lines.Single(l => l.Indicator == "red");
        var early = Assert.Throws<DubanException>(() => AssessmentAppeal.File(result, null, new DateOnly(2026, 12, 1), line, [], "有误", null, Leader, At));
        Assert.Contains("尚未发布", early.Message);

        result.MarkPublished();
        Assert.Contains("已发布", Assert.Throws<DubanException>(() => AssessmentAdjustment.Propose(result, 1m, "加分", Basis, Supervisor, At)).Message);
        Assert.Contains("已发布", Assert.Throws<DubanException>(() => result.Adjust(1m)).Message);
        var due = new DateOnly(2026, 12, 7);
        var first = AssessmentAppeal.File(result, due, due, line, [], "有误", null, Leader, At);
        Assert.Contains("待处理的申诉", Assert.Throws<DubanException>(() => AssessmentAppeal.File(result, due, due, line, [first], "再申诉", null, Leader, At)).Message);
        var late = Assert.Throws<DubanException>(() => AssessmentAppeal.File(result, due, due.AddDays(1), line, [], "有误", null, Leader, At));
        Assert.Contains("申诉期已于 2026-12-07 结束", late.Message);
        Assert.Throws<DubanException>(() => AssessmentAppeal.File(result, due, due, line, [], "", null, Leader, At));
    }

    [Fact]
    public void An_upheld_appeal_changes_exactly_its_line_and_the_total_by_the_difference()
    {
        var result = Result();
        result.MarkPublished();
        var before = result.Breakdown!.Lines.ToList();
        var red = before.Single(l => l.Indicator == "red");
        var appeal = AssessmentAppeal.File(result, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 1), red, [], "一项已批准延期", null, Leader, At);

        appeal.Uphold(-1m, "申诉成立", Supervisor, At);
        result.Correct(appeal.LinePoints, appeal.CorrectedPoints!.Value, result.Veto);

        Assert.Equal(100m + 1m - 1m - 4m, result.Total);
        var points = before.Select(l => l.Indicator == "red" ? AssessmentAppeal.CurrentPoints(l, [appeal]) : AssessmentAppeal.CurrentPoints(l, []));
        Assert.Equal(before.Select(l => l.Indicator == "red" ? -1m : l.Points), points);
        Assert.Equal(result.Total, result.Base + points.Sum());
    }

    [Fact]
    public void Publication_waits_for_pending_adjustments()
    {
        var run = AssessmentRun.Create(1, "活动", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), At,
            AssessmentScheme.Create(ScoringScheme.Default, null, 1, "系统", At), new Grading(), false, 9, 7, "督查员", At);
        Assert.Equal("活动 2026年第四季度考核", run.Title);
        Assert.Contains("还有 1 项分值调整", Assert.Throws<DubanException>(() => run.Publish(1, null, 8, "王建国", At, new DateOnly(2026, 12, 7))).Message);
        Assert.Contains("已经发布", Assert.Throws<DubanException>(() => run.Publish(0, "另一份", 8, "王建国", At, new DateOnly(2026, 12, 7))).Message);
        run.Publish(0, null, 8, "王建国", At, new DateOnly(2026, 12, 7));
        Assert.Equal((RunState.Published, new DateOnly(2026, 12, 7)), (run.State, run.AppealDueOn));
        Assert.Throws<DubanException>(() => run.Publish(0, null, 8, "王建国", At, new DateOnly(2026, 12, 7)));
        Assert.Throws<DubanException>(run.Discard);
    }

    [Fact]
    public void A_breakdown_keeps_its_events_as_short_arrays_and_reads_them_back_unchanged()
    {
        var result = Result();
        var json = result.Breakdown!.LinesJson;

        Assert.Contains("[6,\"slip\",4,\"督〔2026〕1号\"]", json);
        Assert.DoesNotContain("recordType", json);
        Assert.Equal(ScoreCalculator.Score(ScoringScheme.Default,
        [
            new(ScoreEventKind.ClosedOnTime, ScoreRecords.Item, 1, "ZG-1"),
            new(ScoreEventKind.RedAtCutOff, ScoreRecords.Item, 2, "ZG-2"),
            new(ScoreEventKind.RedAtCutOff, ScoreRecords.Item, 3, "ZG-3"),
            new(ScoreEventKind.RedSlip, ScoreRecords.Slip, 4, "督〔2026〕1号"),
        ], []).Lines.SelectMany(l => l.Events), result.Breakdown.Lines.SelectMany(l => l.Events));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-31", "2026年1月")]
    [InlineData("2026-07-01", "2026-09-30", "2026年第三季度")]
    [InlineData("2026-01-01", "2026-12-31", "2026年度")]
    [InlineData("2026-01-05", "2026-02-04", "2026-01-05至2026-02-04")]
    public void A_period_is_named_by_its_shape(string from, string to, string name) =>
        Assert.Equal(name, AssessmentRun.PeriodName(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
}
