namespace Duban.Core.Common;

/// <summary>
/// The one home of the domain's date arithmetic. Working days come from the <see cref="IWorkdayRule"/> (so a holiday
/// calendar changes every count at once); calendar days and months need no calendar data, so they are static and an
/// entity can count them without a calendar in hand.
/// </summary>
public sealed class WorkCalendar(IWorkdayRule rule)
{
    // Even the longest holiday leaves working days in a year: a rule without any would otherwise search forever.
    private const int MaxDaysOff = 366;

    public bool IsWorkday(DateOnly day) => rule.IsWorkday(day);

    /// <summary>
    /// The day that many working days after <paramref name="from"/> (before it when negative), not counting
    /// <paramref name="from"/> itself: Friday plus one is Monday. Zero is <paramref name="from"/>, worked or not.
    /// </summary>
    public DateOnly AddWorkdays(DateOnly from, int workdays)
    {
        var step = Math.Sign(workdays);
        var day = from;
        for (var left = Math.Abs((long)workdays); left > 0; left--)
        {
            day = NextWorkday(day, step);
        }
        return day;
    }

    /// <summary>
    /// The working days after the earlier date up to and including the later one, negative when <paramref name="to"/>
    /// is before <paramref name="from"/>: Friday to Monday is one. Going forward it undoes <see cref="AddWorkdays"/>.
    /// </summary>
    public int WorkdaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkdaysBetween(to, from);
        }
        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (rule.IsWorkday(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Calendar days, for what the domain counts in every day.</summary>
    public static DateOnly AddDays(DateOnly from, int days) => from.AddDays(days);

    /// <summary>Calendar months; a day the shorter month lacks becomes its last (1/31 plus a month is 2/28 or 2/29).</summary>
    public static DateOnly AddMonths(DateOnly from, int months) => from.AddMonths(months);

    private DateOnly NextWorkday(DateOnly day, int step)
    {
        var start = day;
        for (var tried = 0; tried < MaxDaysOff; tried++)
        {
            day = day.AddDays(step);
            if (rule.IsWorkday(day))
            {
                return day;
            }
        }
        throw new InvalidOperationException($"工作日历在 {start:yyyy-MM-dd} 前后 {MaxDaysOff} 天内没有工作日，请检查节假日安排。");
    }
}
