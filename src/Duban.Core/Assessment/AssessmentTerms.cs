namespace Duban.Core.Assessment;

public enum RunState
{
    /// <summary>Computed; adjustments may still be proposed and approved.</summary>
    Computed = 0,

    /// <summary>Published by Leadership: a frozen ranking; only upheld appeals change it.</summary>
    Published = 1,

    /// <summary>Set aside before publication (a trial, a wrong period): kept, never published.</summary>
    Discarded = 2,
}

public enum RunAction
{
    Publish,
    Discard,
}

public enum ResultAction
{
    Adjust,
    Appeal,
}

public enum ReviewState
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

public enum AdjustmentAction
{
    Approve,
    Reject,
}

public enum AppealAction
{
    Uphold,
    Reject,
}

/// <summary>Chinese names of the assessment's terms, one place for pages, exports and messages.</summary>
public static class AssessmentTerms
{
    public static string Name(RunState state) => state switch
    {
        RunState.Computed => "待发布",
        RunState.Published => "已发布",
        _ => "已作废",
    };

    public static string AdjustmentName(ReviewState state) => state switch
    {
        ReviewState.Pending => "待审批",
        ReviewState.Approved => "已同意",
        _ => "未同意",
    };

    public static string AppealName(ReviewState state) => state switch
    {
        ReviewState.Pending => "待处理",
        ReviewState.Approved => "申诉成立",
        _ => "申诉不成立",
    };

    public static string Name(ScoreEventKind kind) => kind switch
    {
        ScoreEventKind.ClosedOnTime => "按期销号",
        ScoreEventKind.ClosedLate => "逾期销号",
        ScoreEventKind.ReturnedAtVerification => "审核退回",
        ScoreEventKind.RedAtCutOff => "截止时亮红灯",
        ScoreEventKind.FailedCheck => "回头看复查不合格",
        ScoreEventKind.YellowSlip => "黄色督办单",
        ScoreEventKind.RedSlip => "红色督办单",
        ScoreEventKind.BulletinCriticism => "情况通报批评",
        ScoreEventKind.BulletinPraise => "情况通报表扬",
        ScoreEventKind.MissingReport => "未按时报送",
        ScoreEventKind.RedLineFinding => "廉政红线问题",
        _ => "病相问题（已认定）",
    };

    public static string Name(ScoreRateKind kind) => kind switch
    {
        ScoreRateKind.OnTimeRate => "按期完成率（按期销号 / 期间销号）",
        ScoreRateKind.FirstPassRate => "审核一次通过率（未被退回的销号 / 期间销号）",
        ScoreRateKind.SelfFoundShare => "自查发现占比（自查自纠 / 期间发现）",
        ScoreRateKind.ReportTimeliness => "按时报送率（按时报送 / 期间应报）",
        _ => "学习教育参与率",
    };

    public static string Name(IndicatorKind kind) => kind switch
    {
        IndicatorKind.PerEvent => "按事件计分",
        IndicatorKind.Rate => "按比率分档",
        _ => "一票否决",
    };

    /// <summary>What an event's record is called in the breakdown and the API's <c>type</c>.</summary>
    public static string RecordName(string recordType) => recordType switch
    {
        ScoreRecords.Item => "整改事项",
        ScoreRecords.Check => "回头看复查",
        ScoreRecords.Slip => "督办单",
        ScoreRecords.Bulletin => "情况通报",
        ScoreRecords.Signal => "病相提示",
        _ => recordType,
    };
}

/// <summary>The record types behind score events, as the API names them.</summary>
public static class ScoreRecords
{
    public const string Item = "item";
    public const string Check = "check";
    public const string Slip = "slip";
    public const string Bulletin = "bulletin";
    public const string Signal = "signal";
}
