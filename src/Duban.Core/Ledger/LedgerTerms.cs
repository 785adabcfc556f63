namespace Duban.Core.Ledger;

/// <summary>草稿 → 已交办 → 整改中 → 待审核 → 已销号.</summary>
public enum ItemState
{
    Draft = 0,
    Assigned = 1,
    InProgress = 2,
    Submitted = 3,
    Closed = 4,
}

/// <summary>Where a problem was found (问题来源).</summary>
public enum ItemSource
{
    SelfInspection = 0,
    SuperiorInspection = 1,
    AnnouncedInspection = 2,
    CovertVisit = 3,
    RandomCheck = 4,
    PublicReport = 5,
    LeaderInstruction = 6,
    Other = 7,
    ThematicInspection = 8,
    Revisit = 9,
}

/// <summary>A deadline is a date, 立行立改 (at once) or 长期坚持 (ongoing, reported every period).</summary>
public enum DeadlineKind
{
    Date = 0,
    Immediate = 1,
    Ongoing = 2,
}

public enum ReportingPeriod
{
    Monthly = 1,
    Quarterly = 3,
}

/// <summary>The warning light (亮灯); computed from the clock, never stored. Closed items have none.</summary>
public enum Light
{
    None = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
}

public static class LedgerTerms
{
    public static string Name(ItemState state) => state switch
    {
        ItemState.Draft => "草稿",
        ItemState.Assigned => "已交办",
        ItemState.InProgress => "整改中",
        ItemState.Submitted => "待审核",
        ItemState.Closed => "已销号",
        _ => state.ToString(),
    };

    public static string Name(ItemSource source) => source switch
    {
        ItemSource.SelfInspection => "自查自纠",
        ItemSource.SuperiorInspection => "上级督查",
        ItemSource.AnnouncedInspection => "明查",
        ItemSource.CovertVisit => "暗访",
        ItemSource.RandomCheck => "随机抽查",
        ItemSource.PublicReport => "群众反映",
        ItemSource.LeaderInstruction => "领导批示",
        ItemSource.Other => "其他",
        ItemSource.ThematicInspection => "专项督查",
        ItemSource.Revisit => "回头看",
        _ => source.ToString(),
    };

    /// <summary>A deadline as the ledger writes it: the date, or 立行立改 / 长期坚持.</summary>
    public static string DeadlineText(DeadlineKind kind, DateOnly? dueOn) => kind == DeadlineKind.Date
        ? dueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
        : Name(kind);

    public static string Name(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Date => "限期整改",
        DeadlineKind.Immediate => "立行立改",
        DeadlineKind.Ongoing => "长期坚持",
        _ => kind.ToString(),
    };

    public static string Name(ReportingPeriod period) => period switch
    {
        ReportingPeriod.Monthly => "每月报告",
        ReportingPeriod.Quarterly => "每季度报告",
        _ => period.ToString(),
    };

    /// <summary>
    /// How the light reads in days beside it: 已逾期 N 天 when red, 剩余 N 天 (今天到期 on the day) when yellow, nothing
    /// otherwise. <paramref name="daysLeft"/> is the due date minus today, in calendar days, as the light counts them.
    /// </summary>
    public static string? DaysText(Light light, int daysLeft) => light switch
    {
        Light.Red => $"已逾期 {-daysLeft} 天",
        Light.Yellow when daysLeft == 0 => "今天到期",
        Light.Yellow => $"剩余 {daysLeft} 天",
        _ => null,
    };

    public static string Name(Light light) => light switch
    {
        Light.Red => "红灯（已超期）",
        Light.Yellow => "黄灯（临近期限）",
        Light.Green => "绿灯（正常）",
        _ => "—",
    };

    public static string Name(CutStanding standing) => standing switch
    {
        CutStanding.Closed => "已销号",
        CutStanding.ClosedOnTime => "按期销号",
        CutStanding.ClosedLate => "逾期销号",
        CutStanding.Open => "未销号",
        CutStanding.Overdue => "逾期未完成（红灯）",
        _ => standing.ToString(),
    };
}
