using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Signals;

namespace Duban.Tests.Infrastructure;

/// <summary>The unit-level ailments, each in units of their own, and the ordinary work around the item-level ones.</summary>
public sealed partial class PlantedLedger
{
    private static readonly ItemSource[] Others =
        [ItemSource.AnnouncedInspection, ItemSource.CovertVisit, ItemSource.RandomCheck, ItemSource.SuperiorInspection, ItemSource.PublicReport, ItemSource.ThematicInspection];

    /// <summary>
    /// Ordinary work in each unit: a draft, one just assigned, two in progress and reporting, one just submitted, one
    /// closed well before its deadline, one ongoing and reporting; one or two of them found by an inspection.
    /// </summary>
    private async Task PlantBackgroundAsync(IReadOnlyList<Unit> units)
    {
        foreach (var unit in units)
        {
            Draft(unit, found: -_random.Next(3, 20));
            Assigned(unit, WorkdaysAgo(_random.Next(1, Options.StuckAssignedWorkdays)), source: Others[_random.Next(Others.Length)]);
            for (var n = 0; n < 2; n++)
            {
                var found = -_random.Next(40, 90);
                var item = Started(unit, found, due: _random.Next(10, 60), measures: [NextMeasure(unit), NextMeasure(unit)]);
                Report(item, found + 15, -_random.Next(2, 25));
            }
            var submitted = WorkdaysAgo(_random.Next(1, Options.StuckSubmittedWorkdays));
            var waiting = Started(unit, found: -60, source: unit.Id % 2 == 0 ? ItemSource.SuperiorInspection : ItemSource.SelfInspection);
            Report(waiting, submitted - 10);
            waiting.Submit(null, Liaison, At(submitted, 120));
            var due = -_random.Next(-20, 30);
            var closed = Started(unit, found: due - 60, due: due);
            Report(closed, due - 40);
            Attach(closed, await NewFileAsync(), At(due - 35));
            Close(closed, SpreadDay(due - 30, Math.Min(due - Options.ShowWindowDays - 1, -2), due));
            OngoingSince(unit, -_random.Next(3, 25), _random.Next(2) == 0 ? ReportingPeriod.Monthly : ReportingPeriod.Quarterly);
        }
    }

    /// <summary>An item closed on the day given (deadline and day as offsets), found 20–30 days before, in the period.</summary>
    private void ClosedOn(Unit unit, int due, int closed)
    {
        var item = Started(unit, found: Math.Max(-PeriodDays, closed - _random.Next(20, 30)), due: due);
        Report(item, closed - 3);
        Close(item, closed);
    }

    /// <summary>Closed within the window before its own deadline.</summary>
    private void ClosedBeforeDeadline(Unit unit)
    {
        var due = -_random.Next(3, PeriodDays - 8);
        ClosedOn(unit, due, due - _random.Next(Options.ShowWindowDays + 1));
    }

    /// <summary>Closed within the window before a cut-off, its own deadline weeks later.</summary>
    private void ClosedBeforeCutOff(Unit unit)
    {
        var cutOff = CutOffDays[_random.Next(CutOffDays.Length)];
        ClosedOn(unit, cutOff + _random.Next(15, 60), cutOff - _random.Next(Options.ShowWindowDays + 1));
    }

    /// <summary>Closed well before its deadline and away from the cut-offs.</summary>
    private void ClosedSpread(Unit unit)
    {
        var due = _random.Next(-60, 40);
        ClosedOn(unit, due, SpreadDay(Math.Max(-PeriodDays + 5, Math.Min(due, -2) - 40), Math.Min(-2, due - Options.ShowWindowDays - 1), due));
    }

    private static void Repeat(int times, Action<Unit> close, Unit unit)
    {
        for (var n = 0; n < times; n++)
        {
            close(unit);
        }
    }

    /// <summary>
    /// 走秀场: units closing at least five items, half or more of their closures, in the days before a deadline or a
    /// cut-off; beside them four such closures, five of eleven, closures spread out, closures a day too early, and
    /// bunched closures before the period.
    /// </summary>
    private void PlantShowClosures(List<Unit> units)
    {
        (int BeforeDeadline, int BeforeCutOff, int Spread)[] planted =
            [(5, 0, 0), (5, 0, 0), (5, 0, 0), (6, 0, 4), (6, 0, 4), (5, 0, 5), (0, 5, 0), (0, 5, 0), (3, 2, 2), (3, 2, 2)];
        (int BeforeDeadline, int BeforeCutOff, int Spread)[] near = [(4, 0, 0), (2, 2, 1), (3, 2, 6), (0, 0, 8)];
        foreach (var (unit, (deadline, cutOff, spread), n) in units.Zip(planted.Concat(near)).Select((p, n) => (p.First, p.Second, n)))
        {
            Repeat(deadline, ClosedBeforeDeadline, unit);
            Repeat(cutOff, ClosedBeforeCutOff, unit);
            Repeat(spread, ClosedSpread, unit);
            (n < planted.Length ? (Action<SignalKind, Unit>)Plant : Near)(SignalKind.ShowClosure, unit);
        }
        var early = units[planted.Length + near.Length];
        for (var n = 0; n < Options.ShowMinClosures; n++)
        {
            var due = -10 - 9 * n;
            while (Bunched(due - Options.ShowWindowDays - 1, due))
            {
                due--;
            }
            ClosedOn(early, due, due - Options.ShowWindowDays - 1);
        }
        Near(SignalKind.ShowClosure, early);
        var before = units[planted.Length + near.Length + 1];
        for (var n = 0; n < Options.ShowMinClosures; n++)
        {
            var due = -PeriodDays - 5 - n;
            var item = Started(before, found: due - 30, due: due);
            Report(item, due - 10);
            Close(item, due - n % (Options.ShowWindowDays + 1));
        }
        Report(Started(before, found: -20), -5);
        Near(SignalKind.ShowClosure, before);
    }

    /// <summary>An item in progress, found on the day given by the source given, reporting.</summary>
    private void Found(Unit unit, int found, ItemSource source)
    {
        var item = Started(unit, found, due: _random.Next(20, 60), source: source);
        Report(item, -_random.Next(2, 20));
    }

    private void FoundInPeriod(Unit unit, int others, int self)
    {
        for (var n = 0; n < others + self; n++)
        {
            Found(unit, -_random.Next(25, PeriodDays - 5), n < others ? Others[_random.Next(Others.Length)] : ItemSource.SelfInspection);
        }
    }

    /// <summary>
    /// 灯下黑: units where others found three or more problems and the unit itself under a fifth, or that registered
    /// none in the period; beside them exactly a fifth self-found, two found by others, a quarter, and a third problem
    /// found by others before the period.
    /// </summary>
    private void PlantBlindSpots(IReadOnlyList<Unit> units)
    {
        (int Others, int Self)[] planted = [(3, 0), (3, 0), (3, 0), (5, 1), (5, 1), (4, 0), (4, 0), (0, 0), (0, 0)];
        (int Others, int Self)[] near = [(4, 1), (2, 0), (3, 1), (6, 2), (2, 0)];
        foreach (var (unit, (others, self), n) in units.Zip(planted.Concat(near)).Select((p, n) => (p.First, p.Second, n)))
        {
            FoundInPeriod(unit, others, self);
            (n < planted.Length ? (Action<SignalKind, Unit>)Plant : Near)(SignalKind.BlindSpot, unit);
        }
        Found(units[^2], -PeriodDays - 10, ItemSource.RandomCheck);
        var old = units[^1];
        Found(old, -PeriodDays - 30, ItemSource.SelfInspection);
        Found(old, -PeriodDays - 15, ItemSource.SelfInspection);
        Plant(SignalKind.BlindSpot, old);
    }
}
