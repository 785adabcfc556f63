using System.Globalization;
using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Ledger;

/// <summary>
/// The ledger page's period and cut-off words (a bulletin's figure links here): found from–to, as of an instant, the
/// standing then, and the unit without its sub-units; and the days closed (a dashboard's closures per week links here).
/// Words the page cannot read are ignored, like its other filters.
/// </summary>
internal sealed record LedgerCutQuery(string? FoundFrom, string? FoundTo, string? AsOf, string? Standing, bool? UnitOnlyValue,
    string? ClosedFromText = null, string? ClosedToText = null)
{
    private DateOnly? From => Day(FoundFrom);
    private DateOnly? To => Day(FoundTo);
    private DateOnly? ClosedFrom => Day(ClosedFromText);
    private DateOnly? ClosedTo => Day(ClosedToText);
    private DateTime? Instant => DateTimeOffset.TryParse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
        ? value.UtcDateTime
        : null;
    private CutStanding? StandingValue => Enum.TryParse<CutStanding>(Standing, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    public bool UnitOnly => UnitOnlyValue == true;

    public bool IsCut => From is not null || To is not null || Instant is not null || StandingValue is not null;

    public bool IsClosedRange => ClosedFrom is not null || ClosedTo is not null;

    public LedgerQuery ApplyTo(LedgerQuery query) => query with
    {
        FoundFrom = From, FoundTo = To, AsOf = Instant, Standing = StandingValue, UnitOnly = UnitOnly, ClosedFrom = ClosedFrom, ClosedTo = ClosedTo,
    };

    /// <summary>The words to carry through the filter form, as the link gave them.</summary>
    public IEnumerable<(string Name, string Value)> Parameters => LedgerLink.Parameters(ApplyTo(new LedgerQuery()));

    /// <summary>What the list shows, in a sentence above it.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (From is not null || To is not null)
        {
            parts.Add($"发现日期 {(From is { } f ? LedgerLink.Date(f) : "不限")} 至 {(To is { } t ? LedgerLink.Date(t) : "不限")}");
        }
        if (IsClosedRange)
        {
            parts.Add($"销号日期 {(ClosedFrom is { } f ? LedgerLink.Date(f) : "不限")} 至 {(ClosedTo is { } t ? LedgerLink.Date(t) : "不限")}");
        }
        if (UnitOnly)
        {
            parts.Add("仅本单位（不含下级）");
        }
        var at = Instant is { } instant ? $"截至 {ChinaTime.Format(instant)[..16]}" : "截至现在";
        parts.Add(StandingValue is { } standing ? $"{at}{LedgerTerms.Name(standing)}的事项" : $"{at}已登记的事项");
        return (IsCut ? "按通报口径查看：" : "按统计口径查看：") + string.Join("，", parts) + "。";
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
