using System.Globalization;
using Duban.Core.Common;
using Duban.Core.Signals;
using Microsoft.AspNetCore.WebUtilities;

namespace Duban.Components.Pages.Signals;

/// <summary>
/// The signal pages' links and figures. A link carries the campaign and time the page was asked for, so the list a
/// board cell opens counts the same computation as the cell.
/// </summary>
internal static class SignalPages
{
    public static string BoardOf(int? campaign, string? asOf) => With("/signals", ("asOf", asOf), ("campaign", campaign is { } c ? Text(c) : null));

    public static string Flag(int id) => $"/signals/{Text(id)}";

    public static string List(int? campaign, string? asOf, int? unit = null, SignalKind? kind = null, bool undismissed = true) =>
        With("/signals/list", ("unit", unit is { } u ? Text(u) : null), ("kind", kind?.ToString()), ("undismissed", undismissed ? "true" : null),
            ("asOf", asOf), ("campaign", campaign is { } c ? Text(c) : null));

    public static string Unit(int unitId, int? campaign, string? asOf, SignalKind? kind = null) =>
        With($"/signals/units/{Text(unitId)}", ("kind", kind?.ToString()), ("asOf", asOf), ("campaign", campaign is { } c ? Text(c) : null));

    /// <summary>How strong a flag is, in the detector's own unit (days, requests, a similarity).</summary>
    public static string Strength(decimal strength) => strength.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A time to the minute, in China time.</summary>
    public static string Time(DateTime utc) => ChinaTime.Format(utc)[..16];

    /// <summary>Which computation a page shows, in a sentence: its time, the period units are judged over, when it was made.</summary>
    public static string Describe(SignalComputationInfo c) =>
        $"{c.CampaignName}，按 {Time(c.AsOf)} 的数据计算（{(c.Current ? "当前" : "指定时点")}），走秀场、灯下黑按 {c.PeriodFrom:yyyy-MM-dd} 至 {c.PeriodTo:yyyy-MM-dd} 判断；" +
        $"计算于 {Time(c.ComputedAt)}，用时 {Text(c.Milliseconds)} 毫秒。";

    private static string With(string path, params (string Name, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => KeyValuePair.Create(q.Name, q.Value)));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
