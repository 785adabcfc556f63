namespace Duban.Core.Supervision.Draws;

/// <summary>What a draw picks from: the campaign's closed items (for 回头看) or the units (for spot inspections).</summary>
public enum DrawPopulation
{
    ClosedItems = 0,
    Units = 1,
}

public static class DrawTerms
{
    public const string ClosedItemsName = "closedItems";
    public const string UnitsName = "units";

    public static string ApiName(DrawPopulation population) => population switch
    {
        DrawPopulation.ClosedItems => ClosedItemsName,
        DrawPopulation.Units => UnitsName,
        _ => throw new ArgumentOutOfRangeException(nameof(population), population, null),
    };

    public static string Name(DrawPopulation population) => population switch
    {
        DrawPopulation.ClosedItems => "已销号事项",
        DrawPopulation.Units => "单位",
        _ => throw new ArgumentOutOfRangeException(nameof(population), population, null),
    };

    /// <summary>The population a request names ("closedItems" or "units", any case); refused when it names none.</summary>
    public static DrawPopulation Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CLOSEDITEMS" => DrawPopulation.ClosedItems,
        "UNITS" => DrawPopulation.Units,
        _ => throw DrawErrors.PopulationRequired(),
    };
}
