namespace Duban.Core.Common;

/// <summary>
/// Which days are working days (工作日). China's are Monday to Friday less the statutory holidays plus the make-up
/// days (调休) the State Council publishes each year; until that calendar is data, <see cref="WeekendsOff"/> answers.
/// </summary>
public interface IWorkdayRule
{
    bool IsWorkday(DateOnly day);
}

/// <summary>Monday to Friday are worked, every weekend is off.</summary>
public sealed class WeekendsOff : IWorkdayRule
{
    public bool IsWorkday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
