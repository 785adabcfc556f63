using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Signals;

namespace Duban.Tests.Infrastructure;

/// <summary>虚假空, planted in the ordinary units: pairs of items of two units sharing a text or a file, and the near misses.</summary>
public sealed partial class PlantedLedger
{
    /// <summary>Two items of different units (or, for a near miss, of one), in progress; the caller writes what they share.</summary>
    private (RectificationItem, RectificationItem) Pair(Unit first, Unit second, IReadOnlyList<string>? firstMeasures = null,
        IReadOnlyList<string>? secondMeasures = null)
    {
        var a = Started(first, found: -40, due: 30, measures: firstMeasures);
        var b = Started(second, found: -35, due: 35, measures: secondMeasures);
        return (a, b);
    }

    private static string Text(string template, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);

    /// <summary>
    /// 虚假空: measures and reports copied word for word, with the unit's name changed, with a day changed too, retyped
    /// with a phrase added; one evidence file in two units. Both items of a pair are flagged.
    /// </summary>
    private async Task PlantCopiedWorkAsync(IReadOnlyList<Unit> units)
    {
        var pairs = new List<(RectificationItem, RectificationItem)>();
        foreach (var measure in PlantedTexts.CopiedMeasures)
        {
            var (x, y) = TwoUnits(units);
            var pair = Pair(x, y, [Text(measure, x.Name)], [Text(measure, x.Name)]);
            Report(pair.Item1, -8);
            Report(pair.Item2, -6);
            pairs.Add(pair);
        }
        foreach (var report in PlantedTexts.CopiedReports)
        {
            var (x, y) = TwoUnits(units);
            var (a, b) = Pair(x, y);
            a.ReportProgress(Text(report, x.Name), Liaison, At(-12, 60));
            b.ReportProgress(Text(report, x.Name), Liaison, At(-9, 60));
            pairs.Add((a, b));
        }
        foreach (var report in PlantedTexts.RenamedReports)
        {
            var (x, y) = TwoUnits(units);
            var (a, b) = Pair(x, y);
            a.ReportProgress(Text(report, x.Name), Liaison, At(-14, 60));
            b.ReportProgress(Text(report, y.Name), Liaison, At(-7, 60));
            pairs.Add((a, b));
        }
        var (rx, ry) = TwoUnits(units);
        var redated = Pair(rx, ry);
        redated.Item1.ReportProgress(Text(PlantedTexts.RedatedReport, rx.Name, 3), Liaison, At(-11, 60));
        redated.Item2.ReportProgress(Text(PlantedTexts.RedatedReport, ry.Name, 5), Liaison, At(-5, 60));
        pairs.Add(redated);
        var (tx, ty) = TwoUnits(units);
        var retyped = Pair(tx, ty);
        retyped.Item1.ReportProgress(Text(PlantedTexts.RetypedReport, tx.Name), Liaison, At(-16, 60));
        retyped.Item2.ReportProgress(PlantedTexts.Retyped(Text(PlantedTexts.RetypedReport, tx.Name)), Liaison, At(-3, 60));
        pairs.Add(retyped);
        for (var n = 0; n < 2; n++)
        {
            var (x, y) = TwoUnits(units);
            var (a, b) = Pair(x, y);
            var file = await NewFileAsync();
            Attach(a, file, At(-20));
            Attach(b, file, At(-10));
            Report(a, -19);
            Report(b, -9);
            pairs.Add((a, b));
        }
        foreach (var (a, b) in pairs)
        {
            Plant(SignalKind.CopiedWork, a);
            Plant(SignalKind.CopiedWork, b);
        }

        // Copied within one unit; short texts alike; one template filled in twice; a copy with two figures changed; one file twice
        // in a unit or withdrawn from one side.
        var near = new List<(RectificationItem, RectificationItem)>();
        var one = Any(units);
        near.Add(Pair(one, one, [Text(PlantedTexts.OneUnitMeasure, one.Name)], [Text(PlantedTexts.OneUnitMeasure, one.Name)]));
        var (sx, sy) = TwoUnits(units);
        near.Add(Pair(sx, sy, [PlantedTexts.ShortMeasure], [PlantedTexts.ShortMeasure]));
        var (px, py) = TwoUnits(units);
        var shortReports = Pair(px, py);
        shortReports.Item1.ReportProgress(PlantedTexts.ShortReport, Liaison, At(-10, 60));
        shortReports.Item2.ReportProgress(PlantedTexts.ShortReport, Liaison, At(-4, 60));
        near.Add(shortReports);
        var (fx, fy) = TwoUnits(units);
        var template = Pair(fx, fy);
        template.Item1.ReportProgress(Text(PlantedTexts.TemplateReport, fx.Name, 6, 3, 2), Liaison, At(-9, 60));
        template.Item2.ReportProgress(Text(PlantedTexts.TemplateReport, fy.Name, 9, 5, 4), Liaison, At(-8, 60));
        near.Add(template);
        var (gx, gy) = TwoUnits(units);
        var refigured = Pair(gx, gy);
        refigured.Item1.ReportProgress(Text(PlantedTexts.RefiguredReport, gx.Name, 12, 10), Liaison, At(-9, 60));
        refigured.Item2.ReportProgress(Text(PlantedTexts.RefiguredReport, gx.Name, 14, 11), Liaison, At(-7, 60));
        near.Add(refigured);
        var same = Any(units);
        var sameUnit = Pair(same, same);
        var shared = await NewFileAsync();
        Attach(sameUnit.Item1, shared, At(-15));
        Attach(sameUnit.Item2, shared, At(-12));
        near.Add(sameUnit);
        var (wx, wy) = TwoUnits(units);
        var withdrawn = Pair(wx, wy);
        var mistaken = await NewFileAsync();
        Attach(withdrawn.Item1, mistaken, At(-25));
        _withdrawals.Add((withdrawn.Item1, mistaken.Sha256, -24));
        Attach(withdrawn.Item2, mistaken, At(-13));
        near.Add(withdrawn);
        foreach (var (a, b) in near)
        {
            Report(a, -6);
            Report(b, -5);
            Near(SignalKind.CopiedWork, a);
            Near(SignalKind.CopiedWork, b);
        }
    }
}
