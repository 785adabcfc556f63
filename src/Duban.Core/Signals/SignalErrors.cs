using Duban.Core.Common;

namespace Duban.Core.Signals;

/// <summary>Every refusal of the signals, in the words users see.</summary>
public static class SignalErrors
{
    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"病相提示（编号 {id}）不存在。");

    public static DubanException RoleMayNot(string actionName) => new(ErrorKind.Forbidden, $"您的角色无权{actionName}这条病相提示。");

    public static DubanException NotInState(string state) => new(ErrorKind.Conflict, $"这条病相提示已{state}，不能再办理。");

    public static DubanException NotSeen() => new(ErrorKind.Conflict, "按当前数据已不再提示这一病相，无需说明。");

    public static DubanException Stale() => new(ErrorKind.Conflict, "这条病相提示已被他人处理或重新计算，请刷新后再试。");

    public static DubanException BadAsOf(string? value) =>
        new(ErrorKind.Validation, $"计算时点“{value}”无法识别，请填写日期（如 2026-12-31）或日期时间（如 2026-12-31T18:00:00+08:00）。", "asOf");

    public static DubanException AsOfOutOfRange() => new(ErrorKind.Validation, "计算时点须在 2000 年至 2099 年之间。", "asOf");

    public static DubanException BadKind(string? value) =>
        new(ErrorKind.Validation, $"病相“{value}”无法识别，请填写 打白条、虚假空、走秀场、中梗阻、推拖绕、灯下黑、慵懒散、守摊子 之一。", "kind");

    public static DubanException BadState(string? value) =>
        new(ErrorKind.Validation, $"状态“{value}”无法识别，请填写 待说明、已说明、已认定、已排除 之一（或 Open、Explained、Accepted、Dismissed）。", "state");

    public static DubanException NoCampaign() => new(ErrorKind.Validation, "还没有活动，无法计算病相。", "campaign");
}
