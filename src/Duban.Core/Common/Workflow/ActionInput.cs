using System.Globalization;

namespace Duban.Core.Common.Workflow;

/// <summary>
/// What a person sent with an action, from a JSON body or a page form alike: values by field name (case does not
/// matter), the version they saw, and an uploaded file. Reading a value checks its kind and says in Chinese which
/// field is wrong.
/// </summary>
public sealed class ActionInput
{
    private readonly Dictionary<string, string?> _values;

    public ActionInput(IEnumerable<KeyValuePair<string, string?>> values, Stream? file = null, string? fileName = null)
    {
        _values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
        File = file;
        FileName = fileName;
    }

    public static ActionInput None { get; } = new([]);

    /// <summary>Everything sent besides the file, by field name (a refused page form comes back filled from it).</summary>
    public IReadOnlyDictionary<string, string?> Values => _values;

    public Stream? File { get; }

    public string? FileName { get; }

    /// <summary>The record's version the person saw; a newer one on save means someone else changed it (409).</summary>
    public int? Version => Number("version", "版本号");

    public string? Text(string name) => _values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public DateOnly? Date(string name, string label) => Text(name) is { } text
        ? DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw CommonErrors.NotADate(label, name)
        : null;

    public bool? Decision(string name, string label) => Text(name)?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" or "approve" => true,
        "false" or "refuse" => false,
        _ => throw CommonErrors.NotAYesOrNo(label, name),
    };

    /// <summary>Numbers sent as a JSON array (the API) or separated by commas (a page's multiple choice); none when absent.</summary>
    public IReadOnlyList<int> Numbers(string name, string label)
    {
        var text = Text(name)?.Trim().TrimStart('[').TrimEnd(']');
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw CommonErrors.NotANumber(label, name))];
    }

    public int? Number(string name, string label) => Text(name) is { } text
        ? int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw CommonErrors.NotANumber(label, name)
        : null;
}
