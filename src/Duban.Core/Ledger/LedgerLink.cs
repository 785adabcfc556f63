using System.Globalization;

namespace Duban.Core.Ledger;

/// <summary>
/// A ledger query written as the query string the ledger page and <c>/api/v1/items</c> both read, so a figure
/// computed elsewhere (a bulletin's) opens the list it counted.
/// </summary>
public static class LedgerLink
{
    public const string Page = "/ledger";

    public static string For(LedgerQuery query) =>
        Page + "?" + string.Join("&", Parameters(query).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    public static IEnumerable<(string Name, string Value)> Parameters(LedgerQuery query)
    {
        if (query.CampaignId is { } campaign)
        {
            yield return ("campaign", Number(campaign));
        }
        if (query.UnitId is { } unit)
        {
            yield return ("unit", Number(unit));
        }
        if (query.UnitOnly)
        {
            yield return ("unitOnly", "true");
        }
        if (query.Source is { } source)
        {
            yield return ("source", source.ToString());
        }
        if (query.FoundFrom is { } from)
        {
            yield return ("foundFrom", Date(from));
        }
        if (query.FoundTo is { } to)
        {
            yield return ("foundTo", Date(to));
        }
        if (query.AsOf is { } asOf)
        {
            yield return ("asOf", Instant(asOf));
        }
        if (query.Standing is { } standing)
        {
            yield return ("standing", standing.ToString());
        }
        if (query.State is { } state)
        {
            yield return ("state", state.ToString());
        }
        if (query.Light is { } light)
        {
            yield return ("light", light.ToString());
        }
        if (query.ClosedFrom is { } closedFrom)
        {
            yield return ("closedFrom", Date(closedFrom));
        }
        if (query.ClosedTo is { } closedTo)
        {
            yield return ("closedTo", Date(closedTo));
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant in ISO 8601, which both the page and the API parse back to the same instant.</summary>
    public static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
