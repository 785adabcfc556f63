using System.Buffers;
using System.Text;

namespace Duban.Core.Common;

/// <summary>
/// Cleans text as typed, pasted or read from a file, before anything checks or stores it: invisible characters must
/// not make an empty field look filled in, reorder what a reader sees (a right-to-left override turns
/// "gnp.exe" into "exe.png" on screen) or reach the database (NUL).
/// </summary>
public static class InputText
{
    // Everything the slow path may change; plain text (almost all of it) passes untouched after one scan. Line breaks
    // and tabs are plain in a multi-line field.
    private const string Invisible =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u061C\u200B\u200C\u200D\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF";

    private static readonly SearchValues<char> SuspiciousInLine = SearchValues.Create(Invisible + "\t\n\r");
    private static readonly SearchValues<char> SuspiciousInText = SearchValues.Create(Invisible);

    /// <summary>
    /// NFC; C0/C1 control characters and bidirectional overrides, embeddings, isolates and marks removed; whitespace
    /// and zero-width characters trimmed from both ends, so a text made only of them is empty. A multi-line field
    /// keeps its line breaks and tabs; a single-line one turns each line break or tab into a space.
    /// </summary>
    public static string Clean(string? text, bool multiLine = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        if (!text.AsSpan().ContainsAny(multiLine ? SuspiciousInText : SuspiciousInLine) && !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            var trimmed = text.Trim();
            return trimmed.IsNormalized() ? trimmed : trimmed.Normalize();
        }
        var lines = multiLine ? text : text.ReplaceLineEndings(" ");
        var kept = new StringBuilder(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var c = lines[i];
            if (char.IsHighSurrogate(c) && i + 1 < lines.Length && char.IsLowSurrogate(lines[i + 1]))
            {
                kept.Append(c).Append(lines[++i]);
            }
            else if (c == '\t' || (multiLine && c is '\r' or '\n'))
            {
                kept.Append(multiLine ? c : ' ');
            }
            else if (!char.IsControl(c) && !IsBidiControl(c) && !char.IsSurrogate(c))
            {
                kept.Append(c);
            }
        }
        // A lone surrogate is dropped above, so normalising cannot throw.
        var cleaned = Trim(kept.ToString());
        return cleaned.IsNormalized() ? cleaned : cleaned.Normalize();
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsZeroWidth(char c) => c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    private static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && (char.IsWhiteSpace(text[start]) || IsZeroWidth(text[start])))
        {
            start++;
        }
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsZeroWidth(text[end - 1])))
        {
            end--;
        }
        return text[start..end];
    }
}
