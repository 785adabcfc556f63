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

    public static void That(bool condition, string message, ErrorKind kind = ErrorKind.Validation)
    {
        if (!condition)
        {
            throw new DubanException(kind, message);
        }
    }
}
