using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Signals;

namespace Duban.Tests.Infrastructure;

/// <summary>The item-level ailments, planted in the ordinary units, each with its near misses.</summary>
public sealed partial class PlantedLedger
{
    private void Extend(RectificationItem item, int day, int newDue, bool? approve)
    {
        item.RequestExtension(Day(newDue), "涉及多个部门，协调需要时间", Liaison, At(day, 90));
        if (approve is { } decided)
        {
            item.DecideExtension(decided, decided ? null : "理由不充分，请按原期限完成", Supervisor, At(day + 1, 90));
        }
    }

    /// <summary>打白条: two or three extension requests however decided, or a close after a deadline already extended.</summary>
    private void PlantBrokenPromises(IReadOnlyList<Unit> units)
    {
        bool?[][] decisions = [[true, true], [true, false], [false, true], [true, null], [false, false], [true, true, true]];
        int[] requested = [-30, -18, -8];
        int[] extendedTo = [30, 45, 60];
        foreach (var decided in decisions)
        {
            var item = Started(Any(units), found: -70, due: 5);
            Report(item, -50);
            for (var n = 0; n < decided.Length; n++)
            {
                Extend(item, requested[n], extendedTo[n], decided[n]);
            }
            Report(item, -4);
            Plant(SignalKind.BrokenPromise, item);
        }
        for (var n = 0; n < 6; n++)
        {
            var item = Started(Any(units), found: -90 + n, due: -50 + n);
            Report(item, -60 + n);
            Extend(item, -55 + n, -35 + n, approve: true);
            Report(item, -40 + n);
            Close(item, SpreadDay(-34 + n, -5, -35 + n));
            Plant(SignalKind.BrokenPromise, item);
        }

        // One extension, still within it or closed in time; refused and late; late with none.
        for (var n = 0; n < 3; n++)
        {
            var item = Started(Any(units), found: -60, due: 10);
            Report(item, -40, -10);
            Extend(item, -20 - n, 40 + n, approve: true);
            Near(SignalKind.BrokenPromise, item);
        }
        for (var n = 0; n < 2; n++)
        {
            var item = Started(Any(units), found: -80, due: -40);
            Report(item, -60);
            Extend(item, -45, -20, approve: true);
            Close(item, SpreadDay(-35, -24, -20));
            Near(SignalKind.BrokenPromise, item);
        }
        var refused = Started(Any(units), found: -80, due: -40);
        Report(refused, -60);
        Extend(refused, -45, -20, approve: false);
        Close(refused, SpreadDay(-35, -25, -40));
        Near(SignalKind.BrokenPromise, refused);
        for (var n = 0; n < 2; n++)
        {
            var late = Started(Any(units), found: -85, due: -50);
            Report(late, -60);
            Close(late, SpreadDay(-45, -30, -50));
            Near(SignalKind.BrokenPromise, late);
        }
    }

    /// <summary>中梗阻: assigned and not started, in progress past a date or 立行立改 deadline, submitted and not verified.</summary>
    private void PlantStuck(IReadOnlyList<Unit> units)
    {
        var limit = Options.StuckAssignedWorkdays;
        foreach (var workdays in new[] { limit, limit + 1, limit + 3, limit + 7 })
        {
            Plant(SignalKind.Stuck, Assigned(Any(units), WorkdaysAgo(workdays)));
        }
        foreach (var due in new[] { -1, -4, -9, -20 })
        {
            var item = Started(Any(units), found: -60, due: due);
            Report(item, -30, -6);
            Plant(SignalKind.Stuck, item);
        }
        foreach (var found in new[] { -20, -12 })
        {
            var item = Started(Any(units), found, deadline: DeadlineKind.Immediate);
            Report(item, -3);
            Plant(SignalKind.Stuck, item);
        }
        foreach (var workdays in new[] { Options.StuckSubmittedWorkdays, Options.StuckSubmittedWorkdays + 2, 10, 15 })
        {
            var submitted = WorkdaysAgo(workdays);
            var item = Started(Any(units), found: -50);
            Report(item, submitted - 2);
            item.Submit("已按措施完成整改，请审核", Liaison, At(submitted, 120));
            Plant(SignalKind.Stuck, item);
        }

        // A day short of each limit; due today or tomorrow; reassigned while in progress; an ongoing item's report due, within grace.
        foreach (var workdays in new[] { limit - 1, limit - 1, 1 })
        {
            Near(SignalKind.Stuck, Assigned(Any(units), WorkdaysAgo(workdays)));
        }
        foreach (var due in new[] { 0, 1 })
        {
            var item = Started(Any(units), found: -40, due: due);
            Report(item, -20, -2);
            Near(SignalKind.Stuck, item);
        }
        for (var n = 0; n < 2; n++)
        {
            var submitted = WorkdaysAgo(Options.StuckSubmittedWorkdays - 1);
            var item = Started(Any(units), found: -45);
            Report(item, submitted - 3);
            item.Submit(null, Liaison, At(submitted, 120));
            Near(SignalKind.Stuck, item);
        }
        var (from, to) = TwoUnits(units);
        var moved = Started(from, found: -50);
        Report(moved, -30);
        Move(moved, to, -14);
        Report(moved, -12, -3);
        Near(SignalKind.Stuck, moved);
        Near(SignalKind.PassedBuck, moved);
        var ongoing = OngoingSince(Any(units), SilentSince(ReportingPeriod.Monthly, 4 - Options.IdleGraceDays) + 1, ReportingPeriod.Monthly);
        Near(SignalKind.Stuck, ongoing);
        Near(SignalKind.Idle, ongoing);
    }

    private void Move(RectificationItem item, Unit to, int day) =>
        item.Reassign(new Handover(to.Id, to.Path, null, false), "职责调整，转由对口单位办理", NoNames, Supervisor, At(day, 120));

    private void SendBack(RectificationItem item, int submitted, int returned)
    {
        item.Submit(null, Liaison, At(submitted, 120));
        item.Return("佐证材料不足以证明整改到位，请补充", Supervisor, At(returned, 120));
    }

    /// <summary>推拖绕: moved on twice, moved back to a unit it had left, or sent back at verification twice.</summary>
    private void PlantPassedBuck(IReadOnlyList<Unit> units)
    {
        for (var n = 0; n < 4; n++)
        {
            var path = units.OrderBy(_ => _random.Next()).Take(3).ToList();
            var item = n % 2 == 0 ? Started(path[0], found: -50) : Assigned(path[0], found: -40);
            Move(item, path[1], -30 + n);
            Move(item, path[2], -20 + n);
            if (item.State == ItemState.Assigned)
            {
                item.Start(Liaison, At(-18 + n));
            }
            Report(item, -10, -3);
            Plant(SignalKind.PassedBuck, item);
        }
        for (var n = 0; n < 3; n++)
        {
            var (home, away) = TwoUnits(units);
            var item = Started(home, found: -55);
            Report(item, -40);
            Move(item, away, -30);
            Move(item, home, -15 - n);
            Report(item, -6);
            Plant(SignalKind.PassedBuck, item);
        }
        for (var n = 0; n < 5; n++)
        {
            var item = Started(Any(units), found: -60);
            Report(item, -45);
            SendBack(item, -40, -38);
            Report(item, -33);
            SendBack(item, -30, -28);
            Report(item, -22);
            if (n < 3)
            {
                Report(item, -8);
            }
            else
            {
                Close(item, -5 - n);
            }
            Plant(SignalKind.PassedBuck, item);
        }

        // Moved on once; sent back once and then closed; moved once and sent back once.
        for (var n = 0; n < 2; n++)
        {
            var (first, second) = TwoUnits(units);
            var item = Started(first, found: -45);
            Move(item, second, -25);
            Report(item, -20, -4);
            Near(SignalKind.PassedBuck, item);
        }
        for (var n = 0; n < 2; n++)
        {
            var item = Started(Any(units), found: -50);
            Report(item, -40);
            SendBack(item, -35, -33);
            Report(item, -25);
            Close(item, -15 + n);
            Near(SignalKind.PassedBuck, item);
        }
        var (a, b) = TwoUnits(units);
        var both = Started(a, found: -50);
        Move(both, b, -40);
        Report(both, -35);
        SendBack(both, -30, -28);
        Report(both, -12);
        Near(SignalKind.PassedBuck, both);
    }

    /// <summary>
    /// The latest day an ongoing item may have last reported on to be at least <paramref name="excess"/> days past its
    /// period plus the grace days by asOf (the day after it is the furthest back still within).
    /// </summary>
    private int SilentSince(ReportingPeriod period, int excess)
    {
        var day = -1;
        while (-day - (Day(day).AddMonths((int)period).DayNumber - Day(day).DayNumber + Options.IdleGraceDays) < excess)
        {
            day--;
        }
        return day;
    }

    /// <summary>An ongoing item (长期坚持) reporting every period, last on the day given.</summary>
    private RectificationItem OngoingSince(Unit unit, int lastReport, ReportingPeriod period)
    {
        var item = Started(unit, found: lastReport - 40, deadline: DeadlineKind.Ongoing, period: period);
        Report(item, lastReport - 20, lastReport);
        return item;
    }

    /// <summary>慵懒散: no report for over 30 days (from the last, or from the assignment), or past an ongoing item's period and grace.</summary>
    private void PlantIdle(IReadOnlyList<Unit> units)
    {
        foreach (var silent in new[] { 31, 33, 35, 45, 50, 60 })
        {
            var item = Started(Any(units), found: -silent - 30, due: 20);
            Report(item, -silent - 15, -silent);
            Plant(SignalKind.Idle, item);
        }
        foreach (var assigned in new[] { -32, -40 })
        {
            Plant(SignalKind.Idle, Started(Any(units), assigned, due: 15));
        }
        foreach (var (period, over) in new[] { (ReportingPeriod.Monthly, 1), (ReportingPeriod.Monthly, 15), (ReportingPeriod.Quarterly, 1) })
        {
            Plant(SignalKind.Idle, OngoingSince(Any(units), SilentSince(period, over), period));
        }
        var waiting = Started(Any(units), found: -70);
        Report(waiting, -55, -40);
        waiting.Submit(null, Liaison, At(WorkdaysAgo(10), 120));
        Plant(SignalKind.Idle, waiting);
        Plant(SignalKind.Stuck, waiting);

        // Exactly the limit; an ongoing item just within its period and grace; a quarter's report not yet due; closed; never assigned.
        for (var n = 0; n < 2; n++)
        {
            var item = Started(Any(units), found: -70, due: 25);
            Report(item, -50, -Options.IdleDays);
            Near(SignalKind.Idle, item);
        }
        for (var n = 0; n < 2; n++)
        {
            Near(SignalKind.Idle, OngoingSince(Any(units), SilentSince(ReportingPeriod.Monthly, 1) + 1, ReportingPeriod.Monthly));
        }
        Near(SignalKind.Idle, OngoingSince(Any(units), -60, ReportingPeriod.Quarterly));
        var closed = Started(Any(units), found: -95, due: 10);
        Report(closed, -90);
        Close(closed, SpreadDay(-25, -15, 10));
        Near(SignalKind.Idle, closed);
        Near(SignalKind.Idle, Draft(Any(units), found: -60));
    }

    /// <summary>守摊子: every measure a set phrase; beside them, phrases with a date, a number or a name, or beside a concrete measure.</summary>
    private void PlantNoAmbition(IReadOnlyList<Unit> units)
    {
        foreach (var measures in PlantedTexts.Generic)
        {
            var item = Started(Any(units), found: -30, measures: measures);
            Report(item, -10);
            Plant(SignalKind.NoAmbition, item);
        }
        foreach (var measures in PlantedTexts.AlmostGeneric)
        {
            var item = Started(Any(units), found: -30, measures: measures);
            Report(item, -10);
            Near(SignalKind.NoAmbition, item);
        }
    }
}
