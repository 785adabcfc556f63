using Duban.Core.Assessment;
using Duban.Core.Common;

namespace Duban.Tests.Domain.Assessment;

/// <summary>
/// The scoring core of the assessment issue (begun): every rule kind of the default scheme on hand-built events with
/// the points written out, caps, floors, the veto, indicators that are off, determinism, and refused schemes.
/// </summary>
public sealed class ScoreCalculatorTests
{
    private static ScoreEvent[] Events(ScoreEventKind kind, int count, string type = "item", int firstId = 1) =>
        [.. Enumerable.Range(firstId, count).Select(i => new ScoreEvent(kind, type, i, $"ZG-2026-{i:0000}"))];

    private static ScoreLine Line(UnitScore score, string code) => score.Lines.Single(l => l.Indicator == code);

    [Fact]
    public void Each_per_event_rule_counts_its_events_at_its_points()
    {
        ScoreEvent[] events =
        [
            .. Events(ScoreEventKind.ClosedOnTime, 4), .. Events(ScoreEventKind.ClosedLate, 2, firstId: 10),
            .. Events(ScoreEventKind.ReturnedAtVerification, 1, firstId: 20), .. Events(ScoreEventKind.RedAtCutOff, 3, firstId: 30),
            .. Events(ScoreEventKind.FailedCheck, 1, "check"), .. Events(ScoreEventKind.YellowSlip, 1, "slip"),
            .. Events(ScoreEventKind.RedSlip, 1, "slip", 2), .. Events(ScoreEventKind.BulletinCriticism, 3, "bulletin"),
            .. Events(ScoreEventKind.BulletinPraise, 1, "bulletin", 9), .. Events(ScoreEventKind.MissingReport, 1, "report"),
        ];

        var score = ScoreCalculator.Score(ScoringScheme.Default, events, []);

        // +4 −2 −2 −3 −3 −2 −4 −1.5 +1 −10 = −22.5
        Assert.Equal([("closed-on-time", 4m), ("closed-late", -2m), ("returned", -2m), ("red", -3m), ("failed-check", -3m), ("yellow-slip", -2m),
            ("red-slip", -4m), ("criticism", -1.5m), ("praise", 1m), ("missing-report", -10m)],
            score.Lines.Where(l => l.Count > 0).Select(l => (l.Indicator, l.Points)));
        Assert.Equal(77.5m, score.Total);
        Assert.Null(score.Veto);
        Assert.Equal([10, 11], Line(score, "closed-late").Events.Select(e => e.RecordId));
    }

    [Fact]
    public void A_cap_and_a_floor_bound_an_indicator_and_the_line_keeps_what_it_would_have_been()
    {
        var score = ScoreCalculator.Score(ScoringScheme.Default,
            [.. Events(ScoreEventKind.ClosedOnTime, 13), .. Events(ScoreEventKind.RedAtCutOff, 25, firstId: 100)], []);

        Assert.Equal((10m, 13m, 13), (Line(score, "closed-on-time").Points, Line(score, "closed-on-time").Uncapped, Line(score, "closed-on-time").Count));
        Assert.Equal((-20m, -25m), (Line(score, "red").Points, Line(score, "red").Uncapped));
        Assert.Equal(90m, score.Total);
    }

    [Theory]
    [InlineData(0, 10, -5)]   // 0 %
    [InlineData(59, 100, -5)] // just below 60 %
    [InlineData(6, 10, 0)]    // 60 %
    [InlineData(8, 10, 3)]    // 80 %
    [InlineData(94, 100, 3)]
    [InlineData(19, 20, 5)]   // 95 %
    [InlineData(0, 0, 0)]     // nothing closed: no share, no points
    public void A_rate_is_scored_by_the_band_it_reaches(int part, int whole, int points)
    {
        var score = ScoreCalculator.Score(ScoringScheme.Default, [], [new ScoreRate(ScoreRateKind.OnTimeRate, part, whole)]);

        Assert.Equal((decimal)points, Line(score, "on-time-rate").Points);
        Assert.Equal(100m + points, score.Total);
    }

    [Fact]
    public void A_red_line_finding_vetoes_without_points_and_an_indicator_that_is_off_is_listed_with_nothing()
    {
        var score = ScoreCalculator.Score(ScoringScheme.Default, Events(ScoreEventKind.RedLineFinding, 1, "finding"), []);

        Assert.Equal("不得评为优秀", score.Veto);
        Assert.Equal((0m, 1), (Line(score, "red-line").Points, Line(score, "red-line").Count));
        Assert.Equal((false, 0m), (Line(score, "learning").Enabled, Line(score, "learning").Points));
        Assert.Equal(100m, score.Total);
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_result_to_the_point()
    {
        var events = Events(ScoreEventKind.ClosedOnTime, 3).Concat(Events(ScoreEventKind.BulletinCriticism, 3, "bulletin")).ToList();
        var first = ScoreCalculator.Score(ScoringScheme.Default, events, [new ScoreRate(ScoreRateKind.OnTimeRate, 7, 9)]);
        events.Reverse();
        var second = ScoreCalculator.Score(ScoringScheme.Default, events, [new ScoreRate(ScoreRateKind.OnTimeRate, 7, 9)]);

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Lines.Select(l => (l.Indicator, l.Points, string.Join(",", l.Events.Select(e => e.RecordId)))),
            second.Lines.Select(l => (l.Indicator, l.Points, string.Join(",", l.Events.Select(e => e.RecordId)))));
        Assert.Equal(101.5m, first.Total);
    }

    [Fact]
    public void Schemes_that_cannot_be_scored_are_refused_in_chinese()
    {
        Assert.Equal("指标“按期完成整改”的上限（-1）不能低于下限（0）。", Assert.Throws<DubanException>(() => new ScoringScheme("方案", 1, 100m,
            [new Indicator("a", "按期完成整改", IndicatorKind.PerEvent, Event: ScoreEventKind.ClosedOnTime, PointsEach: 1m, Cap: -1m, Floor: 0m)])).Message);
        Assert.Contains("请选择比率并填写分档", Assert.Throws<DubanException>(() => new ScoringScheme("方案", 1, 100m,
            [new Indicator("b", "按期完成率", IndicatorKind.Rate, Rate: ScoreRateKind.OnTimeRate)])).Message);
        Assert.Contains("指标代码“c”重复", Assert.Throws<DubanException>(() => new ScoringScheme("方案", 1, 100m,
        [
            new Indicator("c", "一", IndicatorKind.PerEvent, Event: ScoreEventKind.ClosedLate, PointsEach: -1m),
            new Indicator("c", "二", IndicatorKind.PerEvent, Event: ScoreEventKind.ClosedLate, PointsEach: -1m),
        ])).Message);
        Assert.Contains("一票否决项", Assert.Throws<DubanException>(() => new ScoringScheme("方案", 1, 100m,
            [new Indicator("d", "红线", IndicatorKind.Veto, Event: ScoreEventKind.RedLineFinding)])).Message);
    }
}
