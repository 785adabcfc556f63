namespace Duban.Core.Common;

/// <summary>Input checks shared by every feature, each failing with a Chinese message naming the field.</summary>
public static class Check
{
    public static string Text(string? value, string label, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (required && trimmed.Length == 0)
        {
            throw new DubanException(ErrorKind.Validation, $"{label}不能为空。", label);
        }
        if (trimmed.Length > maxLength)
        {
            throw new DubanException(ErrorKind.Validation, $"{label}不能超过 {maxLength} 个字符（当前 {trimmed.Length} 个）。", label);
        }
        return trimmed;
    }

    public static string? OptionalText(string? value, string label, int maxLength)
    {
        var text = Text(value, label, maxLength, required: false);
        return text.Length == 0 ? null : text;
    }

    public static void That(bool condition, string message, ErrorKind kind = ErrorKind.Validation)
    {
        if (!condition)
        {
            throw new DubanException(kind, message);
        }
    }
}
