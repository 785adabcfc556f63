namespace Duban.Core.Common;

/// <summary>Refusals every feature shares, in the words users see.</summary>
public static class CommonErrors
{
    /// <summary>A save that would change nothing: refused, so nobody believes a change was made.</summary>
    public static DubanException NothingChanged() => new(ErrorKind.Validation, "没有修改：内容与原来相同，未保存。");

    public static DubanException NotADate(string label, string field) =>
        new(ErrorKind.Validation, $"{label}不是有效的日期，请写成 2026-06-30 的形式。", field);

    public static DubanException NotAYesOrNo(string label, string field) =>
        new(ErrorKind.Validation, $"{label}只能是 true（同意）或 false（不同意）。", field);

    public static DubanException NotANumber(string label, string field) => new(ErrorKind.Validation, $"{label}应为编号（数字）。", field);

    public static DubanException Required(string label) => new(ErrorKind.Validation, $"{label}不能为空。", label);

    public static DubanException TooLong(string label, int maxLength, int length) =>
        new(ErrorKind.Validation, $"{label}不能超过 {maxLength} 个字符（当前 {length} 个）。", label);

    public static DubanException NotDefined(string name, Enum value) => new(ErrorKind.Validation,
        $"参数 {name} 的取值“{value}”无效，可选值为：{string.Join("、", Enum.GetNames(value.GetType()))}。", name);

    public static DubanException Stale() => new(ErrorKind.Conflict, "该记录已被他人修改，您的修改未保存。请刷新后查看最新内容再修改。");

    public static DubanException NotAJsonObject() =>
        new(ErrorKind.Validation, "请求内容应为 JSON 对象，如 {\"reason\": \"……\", \"version\": 3}。");
}
