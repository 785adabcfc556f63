using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Slips;
using Microsoft.Extensions.Time.Testing;

namespace Duban.Tests.Domain.Supervision;

/// <summary>
/// Which items qualify for a slip and in which colour, at each boundary, on a fake clock: a yellow window of 7
/// calendar days (the ledger's), red after 15 working days overdue (weekends off).
/// </summary>
public sealed class SlipColourTests
{
    private static readonly WorkCalendar Calendar = new(new WeekendsOff());

    // Wednesday 25 November 2026, 10:00 in Beijing.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, ChinaTime.Offset));

    private SlipDays Days => SlipDays.Of(ChinaTime.Today(_clock), 7, 15, Calendar);

    private SlipColour? ColourOf(string dueOn, bool hadSlip = false, ItemState state = ItemState.InProgress, DeadlineKind kind = DeadlineKind.Date)
    {
        var due = DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture);
        return SlipColourRule.Qualifies(state, kind, due, Days) ? SlipColourRule.Of(due, hadSlip, Days) : null;
    }

    [Theory]
    [InlineData("2026-12-03", null)]          // 8 days ahead: beyond the yellow window
    [InlineData("2026-12-02", SlipColour.Blue)] // the window's last day
    [InlineData("2026-11-25", SlipColour.Blue)] // due today: not yet overdue
    [InlineData("2026-11-24", SlipColour.Yellow)] // one day overdue
    [InlineData("2026-11-04", SlipColour.Yellow)] // 15 working days overdue (5 Nov … 25 Nov)
    [InlineData("2026-11-03", SlipColour.Red)]  // 16 working days overdue
    [InlineData("2026-01-05", SlipColour.Red)]
    public void Colour_by_due_date_at_the_boundaries(string dueOn, SlipColour? expected) => Assert.Equal(expected, ColourOf(dueOn));

    [Fact]
    public void Red_counts_working_days_so_a_weekend_does_not_turn_a_slip_red()
    {
        // Monday 30 November: 22 calendar days after 8 November, but only 16 working days (10 Nov … 30 Nov) and 15 after 9 November.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, ChinaTime.Offset));

        Assert.Equal(SlipColour.Yellow, ColourOf("2026-11-09"));
        Assert.Equal(SlipColour.Red, ColourOf("2026-11-08"));
        Assert.Equal(SlipColour.Red, ColourOf("2026-11-06"));
    }

    [Fact]
    public void The_next_day_a_yellow_item_at_the_limit_turns_red_and_a_blue_one_due_today_turns_yellow()
    {
        Assert.Equal((SlipColour.Yellow, SlipColour.Blue), (ColourOf("2026-11-04")!.Value, ColourOf("2026-11-25")!.Value));

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal((SlipColour.Red, SlipColour.Yellow), (ColourOf("2026-11-04")!.Value, ColourOf("2026-11-25")!.Value));
    }

    [Fact]
    public void The_day_changes_at_midnight_in_Beijing_not_in_UTC()
    {
        // 23:59 on the 25th in Beijing is 15:59 UTC; one minute later it is the 26th in Beijing, still the 25th in UTC.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 23, 59, 0, ChinaTime.Offset));
        Assert.Equal(SlipColour.Blue, ColourOf("2026-11-25"));

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(SlipColour.Yellow, ColourOf("2026-11-25"));
    }

    [Theory]
    [InlineData("2026-12-02")]
    [InlineData("2026-11-24")]
    public void An_item_that_already_had_a_slip_gets_a_red_one(string dueOn) => Assert.Equal(SlipColour.Red, ColourOf(dueOn, hadSlip: true));

    [Fact]
    public void An_item_that_had_a_slip_but_is_no_longer_near_its_deadline_does_not_qualify() =>
        Assert.Null(ColourOf("2026-12-31", hadSlip: true));

    [Theory]
    [InlineData(ItemState.Draft)]
    [InlineData(ItemState.Submitted)]
    [InlineData(ItemState.Closed)]
    public void Only_assigned_or_in_progress_items_qualify(ItemState state) => Assert.Null(ColourOf("2026-11-01", state: state));

    [Theory]
    [InlineData(ItemState.Assigned)]
    [InlineData(ItemState.InProgress)]
    public void Assigned_and_in_progress_items_qualify(ItemState state) => Assert.Equal(SlipColour.Red, ColourOf("2026-11-01", state: state));

    [Theory]
    [InlineData(DeadlineKind.Immediate)]
    [InlineData(DeadlineKind.Ongoing)]
    public void Only_items_with_a_date_deadline_qualify(DeadlineKind kind) => Assert.Null(ColourOf("2026-11-01", kind: kind));

    [Fact]
    public void Blue_is_exactly_the_ledgers_yellow_light_and_yellow_or_red_its_red_light()
    {
        var today = ChinaTime.Today(_clock);
        for (var offset = -30; offset <= 10; offset++)
        {
            var due = today.AddDays(offset);
            var light = LightRule.Of(false, DeadlineKind.Date, due, today, 7);
            var colour = ColourOf(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(light switch { Light.Yellow => "blue", Light.Red => "overdue", _ => "none" },
                colour switch { SlipColour.Blue => "blue", SlipColour.Yellow or SlipColour.Red => "overdue", _ => "none" });
        }
    }
}
