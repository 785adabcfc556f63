using Duban.Core.Common;

namespace Duban.Core.Assessment;

/// <summary>
/// What happened that a scheme may count, each backed by a record (an item, a check, a slip, a bulletin). Numbered: a
/// breakdown keeps each event's kind as its number (<see cref="CompactEventConverter"/>), so a number never changes.
/// </summary>
public enum ScoreEventKind
{
    ClosedOnTime = 0,
    ClosedLate = 1,
    ReturnedAtVerification = 2,
    RedAtCutOff = 3,
    FailedCheck = 4,
    YellowSlip = 5,
    RedSlip = 6,
    BulletinCriticism = 7,
    BulletinPraise = 8,
    MissingReport = 9,
    RedLineFinding = 10,

    /// <summary>A 病相 flag a Supervisor accepted in the period: off in the default scheme, on where the office decides so.</summary>
    SignalAccepted = 11,
}

/// <summary>The shares a scheme may score on a scale.</summary>
public enum ScoreRateKind
{
    OnTimeRate,
    FirstPassRate,
    SelfFoundShare,
    ReportTimeliness,

    /// <summary>Learning participation: no data until the learning module exists, so off in the default scheme.</summary>
    LearningParticipation,
}

public enum IndicatorKind
{
    /// <summary>Points for each event of a kind (+1 per item closed on time, −2 per item returned…).</summary>
    PerEvent,

    /// <summary>Points from the band a share falls in, times a weight.</summary>
    Rate,

    /// <summary>一票否决: any event of the kind bars the unit from a grade (不得评为优秀); no points.</summary>
    Veto,
}

/// <summary>One band of a rate scale: from this percentage up (to the next band), these points before the weight.</summary>
public sealed record RateBand(decimal FromPercent, decimal Points);

/// <summary>
/// One indicator of a scheme. A per-event indicator counts <paramref name="Event"/> at <paramref name="PointsEach"/>;
/// a rate indicator scores <paramref name="Rate"/> on <paramref name="Bands"/> times <paramref name="Weight"/>; a veto
/// names what it bars in <paramref name="VetoText"/>. <paramref name="Cap"/> and <paramref name="Floor"/> bound the
/// indicator's points; an indicator whose data does not exist yet is listed but off (<paramref name="Enabled"/>).
/// </summary>
public sealed record Indicator(string Code, string Name, IndicatorKind Kind, bool Enabled = true, ScoreEventKind? Event = null,
    decimal PointsEach = 0, ScoreRateKind? Rate = null, IReadOnlyList<RateBand>? Bands = null, decimal Weight = 1, decimal? Cap = null,
    decimal? Floor = null, string? VetoText = null);

/// <summary>
/// A scoring scheme: a base score and its indicators, checked when made (a cap below its floor, a rate without bands,
/// a per-event indicator without an event, two indicators with one code are refused in Chinese). Versioned: a result
/// keeps the version it used.
/// </summary>
public sealed class ScoringScheme
{
    public string Name { get; }
    public int Version { get; }
    public decimal Base { get; }
    public IReadOnlyList<Indicator> Indicators { get; }

    public ScoringScheme(string name, int version, decimal baseScore, IReadOnlyList<Indicator> indicators)
    {
        Name = Check.Text(name, "方案名称", 100);
        Version = version;
        Base = baseScore;
        foreach (var indicator in indicators)
        {
            Validate(indicator);
        }
        if (indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DubanException(ErrorKind.Validation, $"指标代码“{twice.Key}”重复。", "indicators");
        }
        Indicators = indicators;
    }

    private static void Validate(Indicator indicator)
    {
        var name = $"指标“{indicator.Name}”";
        if (indicator.Cap is { } cap && indicator.Floor is { } floor && cap < floor)
        {
            throw new DubanException(ErrorKind.Validation, $"{name}的上限（{cap}）不能低于下限（{floor}）。", "indicators");
        }
        switch (indicator.Kind)
        {
            case IndicatorKind.PerEvent when indicator.Event is null:
                throw new DubanException(ErrorKind.Validation, $"{name}按事件计分，请选择计分的事件。", "indicators");
            case IndicatorKind.Rate when indicator.Rate is null || indicator.Bands is not { Count: > 0 }:
                throw new DubanException(ErrorKind.Validation, $"{name}按比率计分，请选择比率并填写分档。", "indicators");
            case IndicatorKind.Rate when indicator.Weight < 0:
                throw new DubanException(ErrorKind.Validation, $"{name}的权重不能为负数。", "indicators");
            case IndicatorKind.Veto when indicator.Event is null || string.IsNullOrWhiteSpace(indicator.VetoText):
                throw new DubanException(ErrorKind.Validation, $"{name}是一票否决项，请选择事件并写明否决的后果。", "indicators");
        }
    }

    /// <summary>DOMAIN.md's example: 100, +1 per item on time, −1 late, −2 returned, −1 per red light, −3 per failed
    /// 回头看, −2 per 黄 / −4 per 红 slip, −0.5 per criticism, +1 per praise, −10 per missing report, the on-time rate
    /// on a scale, and an integrity red line barring 优秀.</summary>
    public static ScoringScheme Default { get; } = new("作风建设年度考核（默认方案）", 1, 100m,
    [
        new("closed-on-time", "按期完成整改", IndicatorKind.PerEvent, Event: ScoreEventKind.ClosedOnTime, PointsEach: 1m, Cap: 10m),
        new("closed-late", "逾期完成整改", IndicatorKind.PerEvent, Event: ScoreEventKind.ClosedLate, PointsEach: -1m),
        new("returned", "审核退回", IndicatorKind.PerEvent, Event: ScoreEventKind.ReturnedAtVerification, PointsEach: -2m),
        new("red", "截止时亮红灯", IndicatorKind.PerEvent, Event: ScoreEventKind.RedAtCutOff, PointsEach: -1m, Floor: -20m),
        new("failed-check", "回头看复查不合格", IndicatorKind.PerEvent, Event: ScoreEventKind.FailedCheck, PointsEach: -3m),
        new("yellow-slip", "黄色督办单", IndicatorKind.PerEvent, Event: ScoreEventKind.YellowSlip, PointsEach: -2m),
        new("red-slip", "红色督办单", IndicatorKind.PerEvent, Event: ScoreEventKind.RedSlip, PointsEach: -4m),
        new("criticism", "情况通报批评", IndicatorKind.PerEvent, Event: ScoreEventKind.BulletinCriticism, PointsEach: -0.5m),
        new("praise", "情况通报表扬", IndicatorKind.PerEvent, Event: ScoreEventKind.BulletinPraise, PointsEach: 1m),
        new("missing-report", "未按时报送", IndicatorKind.PerEvent, Event: ScoreEventKind.MissingReport, PointsEach: -10m),
        new("on-time-rate", "按期完成率", IndicatorKind.Rate, Rate: ScoreRateKind.OnTimeRate,
            Bands: [new(0m, -5m), new(60m, 0m), new(80m, 3m), new(95m, 5m)], Weight: 1m),
        new("red-line", "廉政红线问题", IndicatorKind.Veto, Event: ScoreEventKind.RedLineFinding, VetoText: "不得评为优秀"),
        new("first-pass-rate", "审核一次通过率", IndicatorKind.Rate, Rate: ScoreRateKind.FirstPassRate,
            Bands: [new(0m, -3m), new(80m, 0m), new(95m, 2m)], Weight: 1m),
        new("self-found-share", "自查发现问题占比", IndicatorKind.Rate, Rate: ScoreRateKind.SelfFoundShare,
            Bands: [new(0m, -2m), new(20m, 0m), new(50m, 2m)], Weight: 1m),
        new("report-timeliness", "按时报送率", IndicatorKind.Rate, Rate: ScoreRateKind.ReportTimeliness,
            Bands: [new(0m, -2m), new(90m, 0m), new(100m, 1m)], Weight: 1m),
        new("learning", "学习教育参与率", IndicatorKind.Rate, Enabled: false, Rate: ScoreRateKind.LearningParticipation,
            Bands: [new(0m, -2m), new(90m, 0m)], Weight: 1m),
        new("signals", "病相问题（已认定）", IndicatorKind.PerEvent, Enabled: false, Event: ScoreEventKind.SignalAccepted, PointsEach: -1m),
    ]);
}
