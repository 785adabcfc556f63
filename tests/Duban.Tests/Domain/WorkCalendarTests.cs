using Duban.Core.Common;

namespace Duban.Tests.Domain;

/// <summary>Working days under the weekends-off rule, across month, year and leap-day boundaries, and the rule as a seam.</summary>
public class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = new(new WeekendsOff());

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-06-01", true)]
    [InlineData("2026-06-03", true)]
    [InlineData("2026-06-05", true)]
    [InlineData("2026-06-06", false)]
    [InlineData("2026-06-07", false)]
    public void Monday_to_Friday_are_worked_and_weekends_are_off(string day, bool worked) =>
        Assert.Equal(worked, Calendar.IsWorkday(Day(day)));

    [Theory]
    [InlineData("2026-06-05", 1, "2026-06-08")]
    [InlineData("2026-06-01", 5, "2026-06-08")]
    [InlineData("2026-06-06", 1, "2026-06-08")]
    [InlineData("2026-06-07", 0, "2026-06-07")]
    [InlineData("2026-06-03", 0, "2026-06-03")]
    [InlineData("2026-06-01", 10, "2026-06-15")]
    public void Adding_working_days_skips_weekends(string from, int workdays, string expected) =>
        Assert.Equal(Day(expected), Calendar.AddWorkdays(Day(from), workdays));

    [Theory]
    [InlineData("2026-06-08", -1, "2026-06-05")]
    [InlineData("2026-06-06", -1, "2026-06-05")]
    [InlineData("2026-06-15", -10, "2026-06-01")]
    [InlineData("2027-01-01", -1, "2026-12-31")]
    [InlineData("2026-03-02", -1, "2026-02-27")]
    public void Negative_counts_go_back(string from, int workdays, string expected) =>
        Assert.Equal(Day(expected), Calendar.AddWorkdays(Day(from), workdays));

    [Theory]
    [InlineData("2026-02-27", 1, "2026-03-02")]
    [InlineData("2026-12-31", 1, "2027-01-01")]
    [InlineData("2026-12-31", 2, "2027-01-04")]
    [InlineData("2028-02-28", 1, "2028-02-29")]
    [InlineData("2028-02-29", 1, "2028-03-01")]
    public void Counting_crosses_month_year_and_leap_day_boundaries(string from, int workdays, string expected) =>
        Assert.Equal(Day(expected), Calendar.AddWorkdays(Day(from), workdays));

    [Theory]
    [InlineData("2026-06-01", "2026-06-05", 4)]
    [InlineData("2026-06-05", "2026-06-08", 1)]
    [InlineData("2026-06-06", "2026-06-07", 0)]
    [InlineData("2026-06-03", "2026-06-03", 0)]
    [InlineData("2026-06-08", "2026-06-05", -1)]
    [InlineData("2026-01-01", "2026-12-31", 260)]
    [InlineData("2028-02-28", "2028-03-01", 2)]
    public void Working_days_between_count_after_the_earlier_date_up_to_the_later(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkdaysBetween(Day(from), Day(to)));

    [Fact]
    public void Counting_the_days_between_undoes_adding_them()
    {
        foreach (var from in Enumerable.Range(0, 14).Select(i => new DateOnly(2026, 12, 24).AddDays(i)))
        {
            foreach (var workdays in new[] { 1, 3, 7, 30 })
            {
                Assert.Equal(workdays, Calendar.WorkdaysBetween(from, Calendar.AddWorkdays(from, workdays)));
            }
        }
    }

    [Fact]
    public void Calendar_days_and_months_count_every_day_and_keep_to_the_months_end()
    {
        Assert.Equal(Day("2028-03-01"), WorkCalendar.AddDays(Day("2028-02-28"), 2));
        Assert.Equal(Day("2026-05-25"), WorkCalendar.AddDays(Day("2026-06-01"), -7));
        Assert.Equal(Day("2028-02-29"), WorkCalendar.AddMonths(Day("2028-01-31"), 1));
        Assert.Equal(Day("2027-02-28"), WorkCalendar.AddMonths(Day("2027-01-31"), 1));
        Assert.Equal(Day("2027-01-15"), WorkCalendar.AddMonths(Day("2026-10-15"), 3));
    }

    [Fact]
    public void Another_rule_changes_every_count_the_way_a_holiday_calendar_will()
    {
        // 国庆 2026: 10/1–10/7 off, Saturday 10/10 worked.
        var calendar = new WorkCalendar(new Holidays([.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))], [new DateOnly(2026, 10, 10)]));

        Assert.Equal(Day("2026-10-08"), calendar.AddWorkdays(Day("2026-09-30"), 1));
        Assert.Equal(Day("2026-10-10"), calendar.AddWorkdays(Day("2026-10-09"), 1));
        Assert.Equal(3, calendar.WorkdaysBetween(Day("2026-09-30"), Day("2026-10-11")));
    }

    [Fact]
    public void A_rule_without_working_days_is_refused_instead_of_searching_forever()
    {
        var calendar = new WorkCalendar(new NoWorkdays());

        Assert.Contains("没有工作日", Assert.Throws<InvalidOperationException>(() => calendar.AddWorkdays(Day("2026-06-01"), 1)).Message);
    }

    private sealed class Holidays(HashSet<DateOnly> off, HashSet<DateOnly> worked) : IWorkdayRule
    {
        public bool IsWorkday(DateOnly day) => worked.Contains(day) || (!off.Contains(day) && new WeekendsOff().IsWorkday(day));
    }

    private sealed class NoWorkdays : IWorkdayRule
    {
        public bool IsWorkday(DateOnly day) => false;
    }
}
