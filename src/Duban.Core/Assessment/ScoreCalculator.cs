namespace Duban.Core.Assessment;

/// <summary>An event that counts for a unit, and the record behind it (so every point can be opened).</summary>
public sealed record ScoreEvent(ScoreEventKind Kind, string RecordType, int RecordId, string? Code = null);

/// <summary>A unit's share: <paramref name="Part"/> of <paramref name="Whole"/> (no whole: the indicator scores nothing).</summary>
public sealed record ScoreRate(ScoreRateKind Kind, int Part, int Whole);

/// <summary>
/// One indicator's line of a unit's result: the points after cap and floor (<paramref name="Uncapped"/> before), how
/// many events (or the share's whole) it counted, and the events themselves in a fixed order.
/// </summary>
public sealed record ScoreLine(string Indicator, string Name, bool Enabled, decimal Points, decimal Uncapped, int Count,
    IReadOnlyList<ScoreEvent> Events, string? Veto = null);

/// <summary>A unit's score: base + Σ lines' points, and the veto that bars it, if any.</summary>
public sealed record UnitScore(decimal Base, IReadOnlyList<ScoreLine> Lines, string? Veto)
{
    public decimal Total => Base + Lines.Sum(l => l.Points);
}

/// <summary>
/// Scores one unit on a scheme from its events and shares, deterministically: the same inputs give the same lines,
/// events in the same order and the same total to the point (decimal arithmetic, two places).
/// </summary>
public static class ScoreCalculator
{
    public static UnitScore Score(ScoringScheme scheme, IReadOnlyList<ScoreEvent> events, IReadOnlyList<ScoreRate> rates)
    {
        var lines = new List<ScoreLine>();
        string? veto = null;
        foreach (var indicator in scheme.Indicators)
        {
            var line = Line(indicator, events, rates);
            lines.Add(line);
            veto ??= line.Veto;
        }
        return new UnitScore(scheme.Base, lines, veto);
    }

    private static ScoreLine Line(Indicator indicator, IReadOnlyList<ScoreEvent> events, IReadOnlyList<ScoreRate> rates)
    {
        if (!indicator.Enabled)
        {
            return new ScoreLine(indicator.Code, indicator.Name, false, 0m, 0m, 0, []);
        }
        switch (indicator.Kind)
        {
            case IndicatorKind.PerEvent:
            {
                var counted = Of(indicator.Event, events);
                var raw = indicator.PointsEach * counted.Count;
                return new ScoreLine(indicator.Code, indicator.Name, true, Bound(raw, indicator), raw, counted.Count, counted);
            }
            case IndicatorKind.Rate:
            {
                var rate = rates.FirstOrDefault(r => r.Kind == indicator.Rate);
                if (rate is null || rate.Whole == 0)
                {
                    return new ScoreLine(indicator.Code, indicator.Name, true, 0m, 0m, 0, []);
                }
                var percent = rate.Part * 100m / rate.Whole;
                var band = indicator.Bands!.OrderBy(b => b.FromPercent).LastOrDefault(b => percent >= b.FromPercent);
                var raw = Math.Round((band?.Points ?? 0m) * indicator.Weight, 2, MidpointRounding.AwayFromZero);
                return new ScoreLine(indicator.Code, indicator.Name, true, Bound(raw, indicator), raw, rate.Whole, []);
            }
            default:
            {
                var counted = Of(indicator.Event, events);
                return new ScoreLine(indicator.Code, indicator.Name, true, 0m, 0m, counted.Count, counted,
                    counted.Count > 0 ? indicator.VetoText : null);
            }
        }
    }

    private static List<ScoreEvent> Of(ScoreEventKind? kind, IReadOnlyList<ScoreEvent> events) =>
        [.. events.Where(e => e.Kind == kind).OrderBy(e => e.RecordType, StringComparer.Ordinal).ThenBy(e => e.RecordId)];

    private static decimal Bound(decimal points, Indicator indicator) =>
        Math.Round(Math.Max(Math.Min(points, indicator.Cap ?? decimal.MaxValue), indicator.Floor ?? decimal.MinValue), 2, MidpointRounding.AwayFromZero);
}
