namespace Duban.Core.Spreadsheets;

/// <summary>Import settings (configuration section "Import"): each office's own names and limits.</summary>
public sealed class ImportSettings
{
    public const string Section = "Import";

    /// <summary>Other names for units, alias → unit name (e.g. 办公室 → 区政府办公室).</summary>
    public Dictionary<string, string> UnitAliases { get; init; } = [];

    public int MaxRows { get; set; } = 100_000;

    public int MaxColumns { get; set; } = 200;

    public SheetLimits Limits => new(MaxRows, MaxColumns);
}
