using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Slips;

/// <summary>
/// The days that decide a slip's colour today. <paramref name="YellowUntil"/>: the last due date within the ledger's
/// yellow window (<see cref="LightRule"/>, <see cref="LedgerOptions.YellowDays"/>), so 蓝 is exactly the ledger's
/// yellow light. <paramref name="RedUntil"/>: the last due date overdue by more than
/// <see cref="SupervisionOptions.RedAfterDays"/> working days (DOMAIN.md: limits are working days, so a holiday
/// does not turn a slip red).
/// </summary>
public sealed record SlipDays(DateOnly Today, DateOnly YellowUntil, DateOnly RedUntil)
{
    public static SlipDays Of(DateOnly today, int yellowDays, int redAfterDays, WorkCalendar calendar)
    {
        // Walk back from today, counting the working days after each date up to and including today.
        var redUntil = today;
        for (var overdue = 0; overdue <= redAfterDays;)
        {
            if (calendar.IsWorkday(redUntil))
            {
                overdue++;
            }
            redUntil = redUntil.AddDays(-1);
        }
        return new(today, WorkCalendar.AddDays(today, yellowDays), redUntil);
    }
}

/// <summary>
/// Which items a slip may be issued for, and in which colour, defined once as expressions: the proposal query uses
/// them as they are (plain comparisons the items' (State, DueOn, DeadlineKind) index answers), issuing compiles them.
/// An item qualifies while open (交办 or 整改中) with a date deadline that is past or within the yellow window. 蓝:
/// due within the window; 黄: overdue; 红: overdue by more than the setting, or the item already had a slip.
/// </summary>
public static class SlipColourRule
{
    private static readonly Expression<Func<ItemState, DeadlineKind, DateOnly, DateOnly, bool>> QualifiesWhen =
        (state, kind, dueOn, yellowUntil) =>
            (state == ItemState.Assigned || state == ItemState.InProgress) && kind == DeadlineKind.Date && dueOn <= yellowUntil;

    // The date first: most red items are red by it, so the database rarely has to ask for an earlier slip.
    private static readonly Expression<Func<DateOnly, bool, DateOnly, DateOnly, SlipColour>> ColourWhen =
        (dueOn, hadSlip, today, redUntil) =>
            dueOn <= redUntil || hadSlip ? SlipColour.Red : dueOn < today ? SlipColour.Yellow : SlipColour.Blue;

    private static readonly Func<ItemState, DeadlineKind, DateOnly, DateOnly, bool> QualifiesCompiled = QualifiesWhen.Compile();
    private static readonly Func<DateOnly, bool, DateOnly, DateOnly, SlipColour> ColourCompiled = ColourWhen.Compile();

    public static bool Qualifies(ItemState state, DeadlineKind kind, DateOnly dueOn, SlipDays days) =>
        QualifiesCompiled(state, kind, dueOn, days.YellowUntil);

    /// <summary>The colour of a qualifying item (ask <see cref="Qualifies"/> first).</summary>
    public static SlipColour Of(DateOnly dueOn, bool hadSlip, SlipDays days) => ColourCompiled(dueOn, hadSlip, days.Today, days.RedUntil);

    /// <summary>Items that qualify today, as a database predicate.</summary>
    public static Expression<Func<RectificationItem, bool>> Qualifying(SlipDays days)
    {
        var item = Expression.Parameter(typeof(RectificationItem), "i");
        // Captured values, not constants, so the database sees parameters and reuses its plan from day to day.
        var values = Expression.Constant(new DayValues(days.Today, days.YellowUntil, days.RedUntil));
        return Expression.Lambda<Func<RectificationItem, bool>>(Expressions.Apply(QualifiesWhen,
            Expression.Property(item, nameof(RectificationItem.State)),
            Expression.Property(item, nameof(RectificationItem.DeadlineKind)),
            Expression.Property(item, nameof(RectificationItem.DueOn)),
            Expression.Property(values, nameof(DayValues.YellowUntil))), item);
    }

    /// <summary>A qualifying item's colour as a database expression, given whether it had a slip.</summary>
    public static Expression<Func<DateOnly, bool, SlipColour>> Colour(SlipDays days)
    {
        var dueOn = Expression.Parameter(typeof(DateOnly), "dueOn");
        var hadSlip = Expression.Parameter(typeof(bool), "hadSlip");
        var values = Expression.Constant(new DayValues(days.Today, days.YellowUntil, days.RedUntil));
        return Expression.Lambda<Func<DateOnly, bool, SlipColour>>(Expressions.Apply(ColourWhen, dueOn, hadSlip,
            Expression.Property(values, nameof(DayValues.Today)), Expression.Property(values, nameof(DayValues.RedUntil))), dueOn, hadSlip);
    }

    private sealed record DayValues(DateOnly Today, DateOnly YellowUntil, DateOnly RedUntil);
}
