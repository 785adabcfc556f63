using System.Globalization;

namespace Duban.Components.Shared;

/// <summary>Query-string words on the pages: what the filters do not know is ignored rather than failing the page.</summary>
internal static class QueryWords
{
    public static T? Word<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    public static int? Number(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
