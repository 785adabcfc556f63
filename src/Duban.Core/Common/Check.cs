namespace Duban.Core.Common;

/// <summary>Input checks shared by every feature, each failing with a Chinese message naming the field.</summary>
public static class Check
{
    /// <summary>
    /// The cleaned text (see <see cref="InputText.Clean"/>), checked for presence and length. Callers store what this
    /// returns, never the raw input. A multi-line field (descriptions, reasons, reports) keeps its line breaks.
    /// </summary>
    public static string Text(string? value, string label, int maxLength, bool required = true, bool multiLine = false)
    {
        var cleaned = InputText.Clean(value, multiLine);
        if (required && cleaned.Length == 0)
        {
            throw CommonErrors.Required(label);
        }
        if (cleaned.Length > maxLength)
        {
            throw CommonErrors.TooLong(label, maxLength, cleaned.Length);
        }
        return cleaned;
    }

    public static string? OptionalText(string? value, string label, int maxLength, bool multiLine = false)
    {
        var text = Text(value, label, maxLength, required: false, multiLine: multiLine);
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A date people mean: years 2000–2099. A date far outside is a typing mistake, and the China-time arithmetic on
    /// the edges of the calendar (0001-01-01, 9999-12-31) overflows.
    /// </summary>
    public static DateOnly Date(DateOnly date, string label, string field) =>
        date.Year is >= 2000 and <= 2099 ? date : throw new DubanException(ErrorKind.Validation, $"{label}（{date:yyyy-MM-dd}）不在 2000 年至 2099 年之间。", field);

    public static void That(bool condition, string message, ErrorKind kind = ErrorKind.Validation)
    {
        if (!condition)
        {
            throw new DubanException(kind, message);
        }
    }
}
