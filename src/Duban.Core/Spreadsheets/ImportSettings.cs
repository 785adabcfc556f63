using Duban.Core.Documents;

namespace Duban.Core.Spreadsheets;

/// <summary>Import settings (configuration section "Import"): each office's own names and limits.</summary>
public sealed class ImportSettings
{
    public const string Section = "Import";

    /// <summary>Other names for units, alias → unit name (e.g. 办公室 → 区政府办公室).</summary>
    public Dictionary<string, string> UnitAliases { get; init; } = [];

    public int MaxRows { get; set; } = 100_000;

    /// <summary>The largest file the import page accepts.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxColumns { get; set; } = 200;

    /// <summary>How large an .xlsx may unpack to (its parts are zipped); more is refused as a likely zip bomb.</summary>
    public long MaxUnpackedBytes { get; set; } = 300L * 1024 * 1024;

    public SheetLimits Limits => new(MaxRows, MaxColumns, MaxUnpackedBytes);
}
