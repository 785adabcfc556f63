using Duban.Core.Common;

namespace Duban.Core.Audit;

/// <summary>What the audit log refuses, in the words users see.</summary>
public static class AuditErrors
{
    public const string FromOutOfRange = "开始日期应在 2000 年至 2100 年之间。";
    public const string ToOutOfRange = "结束日期应在 2000 年至 2100 年之间。";

    public static DubanException BadDate(string label) => new(ErrorKind.Validation, $"{label}格式不正确，应为 2026-06-30 的形式。");
}
