using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Signals;

namespace Duban.Tests.Domain.Signals;

/// <summary>
/// Each detector at its threshold: just below (no flag), at it (a flag with its evidence), above it; looked at from a
/// fixed time, as a fake clock would give it. Weekdays only: 2026-11-30 is a Monday.
/// </summary>
public sealed class DetectorTests
{
    private static readonly DateTime Monday = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly WorkCalendar Calendar = new(new WeekendsOff());

    private static SignalItem Item(IReadOnlyList<SignalStep> steps, ItemState state = ItemState.InProgress, DateOnly? due = null,
        DateTime? closedAt = null, DeadlineKind deadline = DeadlineKind.Date, ReportingPeriod? period = null, params string[] measures) =>
        new(1, "ZG-2026-0001", 7, state, deadline, period, due ?? new DateOnly(2026, 12, 31), Monday.AddDays(-90), closedAt,
            closedAt is { } at ? ChinaTime.DateOf(at) : null, measures.Length == 0 ? ["建立值班签到台账，每日由科长核对"] : measures, steps);

    private static SignalStep Step(ItemEventKind kind, int daysAgo, int? from = null, int? to = null, DateOnly? oldDue = null, DateOnly? newDue = null) =>
        new(kind, Monday.AddDays(-daysAgo), "张三", from, to, oldDue, newDue);

    private static List<SignalFinding> Detect(ISignalDetector detector, params SignalItem[] items) =>
        [.. detector.Detect(new SignalContext(items, Monday, Calendar, new SignalOptions()))];

    [Fact]
    public void Broken_promise_at_two_extension_requests_or_a_close_after_an_extended_deadline()
    {
        var detector = new BrokenPromiseDetector();
        var once = Step(ItemEventKind.ExtensionRequested, 30, oldDue: new(2026, 11, 1), newDue: new(2026, 11, 20));
        var twice = Step(ItemEventKind.ExtensionRequested, 10, oldDue: new(2026, 11, 20), newDue: new(2026, 12, 10));

        Assert.Empty(Detect(detector, Item([once])));
        var flag = Assert.Single(Detect(detector, Item([once, twice])));
        Assert.Equal((SignalKind.BrokenPromise, 2m, 2), (flag.Kind, flag.Strength, flag.Evidence.Count));
        Assert.Contains("2026-11-20 → 2026-12-10", flag.Evidence[1].What);

        var granted = Step(ItemEventKind.ExtensionApproved, 29);
        Assert.Empty(Detect(detector, Item([once, granted], ItemState.Closed, new DateOnly(2026, 11, 20), Monday.AddDays(-12))));
        var late = Assert.Single(Detect(detector, Item([once, granted], ItemState.Closed, new DateOnly(2026, 11, 20), Monday.AddDays(-5))));
        Assert.Contains("延期后的期限 2026-11-20", late.Evidence[^1].What);
        // Without an extension, a late close is not a broken promise.
        Assert.Empty(Detect(detector, Item([], ItemState.Closed, new DateOnly(2026, 11, 20), Monday.AddDays(-5))));
    }

    [Fact]
    public void Stuck_after_five_working_days_assigned_or_submitted_and_in_progress_past_the_deadline()
    {
        var detector = new StuckDetector();
        // Assigned on Tuesday 2026-11-24 (10:00 China time): four working days to Monday; on Monday 2026-11-23, five.
        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Assigned, 6)])));
        var assigned = Assert.Single(Detect(detector, Item([Step(ItemEventKind.Assigned, 7)])));
        Assert.Equal(5m, assigned.Strength);
        Assert.Single(Detect(detector, Item([Step(ItemEventKind.Assigned, 14)])));

        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Assigned, 20), Step(ItemEventKind.Started, 19)], due: new DateOnly(2026, 11, 30))));
        Assert.Contains("已超过期限", Assert.Single(Detect(detector, Item([Step(ItemEventKind.Assigned, 20), Step(ItemEventKind.Started, 19)],
            due: new DateOnly(2026, 11, 29)))).Evidence[0].What);

        var submitted = Item([Step(ItemEventKind.Assigned, 20), Step(ItemEventKind.Started, 19), Step(ItemEventKind.Submitted, 6)]);
        Assert.Empty(Detect(detector, submitted));
        Assert.Contains("审核方", Assert.Single(Detect(detector, submitted with { Steps = [.. submitted.Steps.Take(2), Step(ItemEventKind.Submitted, 7)] }))
            .Evidence[0].What);
        // Looked at from before the submission, the item was in progress and not stuck.
        Assert.Empty(detector.Detect(new SignalContext([submitted with { Steps = [.. submitted.Steps.Take(2), Step(ItemEventKind.Submitted, 7)] }],
            Monday.AddDays(-8), Calendar, new SignalOptions())));
    }

    [Fact]
    public void Stuck_takes_a_reassignment_for_no_change_of_state_and_an_immediate_deadline_for_a_deadline()
    {
        var detector = new StuckDetector();
        // Moved to another unit while in progress, the item stays in progress there: not waiting to be started.
        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Assigned, 30), Step(ItemEventKind.Started, 29), Step(ItemEventKind.Reassigned, 14, from: 7, to: 8),
            Step(ItemEventKind.Progress, 3)])));
        // Moved before it was started, it still waits to be started, since it was first assigned.
        var moved = Assert.Single(Detect(detector, Item([Step(ItemEventKind.Assigned, 17), Step(ItemEventKind.Reassigned, 3, from: 7, to: 8)], ItemState.Assigned)));
        Assert.Equal((11m, "交办后未开始整改"), (moved.Strength, moved.Evidence[0].What));
        // 立行立改 is due seven days after it was found: in progress past that, it is stuck; an ongoing item's date is its next report.
        List<SignalStep> started = [Step(ItemEventKind.Assigned, 20), Step(ItemEventKind.Started, 19)];
        Assert.Single(Detect(detector, Item(started, due: new DateOnly(2026, 11, 29), deadline: DeadlineKind.Immediate)));
        Assert.Empty(Detect(detector, Item(started, due: new DateOnly(2026, 11, 30), deadline: DeadlineKind.Immediate)));
        Assert.Empty(Detect(detector, Item(started, due: new DateOnly(2026, 11, 29), deadline: DeadlineKind.Ongoing, period: ReportingPeriod.Monthly)));
    }

    [Fact]
    public void Passed_buck_at_two_reassignments_a_return_to_a_unit_it_left_or_two_returns()
    {
        var detector = new PassedBuckDetector();
        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Reassigned, 20, from: 7, to: 8)])));
        Assert.Single(Detect(detector, Item([Step(ItemEventKind.Reassigned, 20, from: 7, to: 8), Step(ItemEventKind.Reassigned, 10, from: 8, to: 9)])));
        Assert.Single(Detect(detector, Item([Step(ItemEventKind.Reassigned, 20, from: 7, to: 8)]) with { Steps =
            [Step(ItemEventKind.Reassigned, 20, from: 7, to: 8), Step(ItemEventKind.Reassigned, 10, from: 8, to: 7)] }));
        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Returned, 20)])));
        Assert.Equal(2m, Assert.Single(Detect(detector, Item([Step(ItemEventKind.Returned, 20), Step(ItemEventKind.Returned, 10)]))).Strength);
    }

    [Fact]
    public void Idle_past_thirty_days_or_an_ongoing_items_period_plus_seven()
    {
        var detector = new IdleDetector();
        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Assigned, 60), Step(ItemEventKind.Progress, 30)])));
        Assert.Equal(31m, Assert.Single(Detect(detector, Item([Step(ItemEventKind.Assigned, 60), Step(ItemEventKind.Progress, 31)]))).Strength);
        Assert.Contains("交办后", Assert.Single(Detect(detector, Item([Step(ItemEventKind.Assigned, 45)]))).Evidence[0].What);
        Assert.Empty(Detect(detector, Item([Step(ItemEventKind.Assigned, 60)], ItemState.Closed, closedAt: Monday.AddDays(-1))));

        // Monthly reports: a report on 2026-10-23 (38 days before) is due again by 2026-11-23, plus seven days: 2026-11-30.
        var monthly = Item([Step(ItemEventKind.Assigned, 90), Step(ItemEventKind.Progress, 38)], deadline: DeadlineKind.Ongoing, period: ReportingPeriod.Monthly);
        Assert.Empty(Detect(detector, monthly));
        Assert.Single(Detect(detector, monthly with { Steps = [monthly.Steps[0], Step(ItemEventKind.Progress, 39)] }));
    }

    [Theory]
    [InlineData("加强学习，提高认识", true)]
    [InlineData("进一步加强思想认识，严格落实", true)]
    [InlineData("高度重视、严格落实、举一反三", true)]
    [InlineData("加强学习，每月组织1次集中学习", false)]
    [InlineData("严格落实值班制度，由科长每日核对签到", false)]
    [InlineData("12月15日前完成制度修订", false)]
    public void A_measure_is_generic_only_when_nothing_concrete_is_left(string measure, bool generic) =>
        Assert.Equal(generic, NoAmbitionDetector.IsGeneric(measure, SignalOptions.StandardPhrases));

    [Fact]
    public void No_ambition_when_every_measure_is_generic()
    {
        var detector = new NoAmbitionDetector();
        Assert.Empty(Detect(detector, Item([], measures: ["加强学习", "建立台账，每周五核对"])));
        var flag = Assert.Single(Detect(detector, Item([], measures: ["加强学习", "提高认识", "严格落实"])));
        Assert.Equal(3, flag.Evidence.Count);
    }

    [Fact]
    public void A_draft_is_no_one_s_work_yet()
    {
        Assert.Single(Detect(new NoAmbitionDetector(), Item([], measures: ["高度重视，加强学习"])));
        Assert.Empty(Detect(new NoAmbitionDetector(), Item([], ItemState.Draft, measures: ["高度重视，加强学习"])));
    }

    [Theory]
    [InlineData("2026-11-25", "2026-11-25T15:59:59Z")]
    [InlineData("2026-11-25T10:00+08", "2026-11-25T02:00:00Z")]
    [InlineData("2026-11-25T10:00:00+08:00", "2026-11-25T02:00:00Z")]
    [InlineData("2026-11-25T02:00:00Z", "2026-11-25T02:00:00Z")]
    [InlineData("2026-11-25 10:00", "2026-11-25T02:00:00Z")]
    public void A_time_to_look_from_is_china_time_unless_it_names_its_offset(string text, string utc)
    {
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
            SignalTerms.ParseAsOf(text));
    }
}
