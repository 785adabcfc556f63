using System.Linq.Expressions;
using Duban.Core.Common;

namespace Duban.Core.Ledger;

/// <summary>
/// The warning light (亮灯), defined once: one condition per light over (closed, deadline kind, due date, today, last
/// yellow day). Queries use the conditions as they are (each stays a plain comparison a database can index); memory
/// (the item, the list rows, the tally, the bench's ceiling) uses the same conditions compiled.
/// </summary>
public static class LightRule
{
    // In the order they are tried; the first that holds is the light.
    private static readonly (Light Light, Expression<Func<bool, DeadlineKind, DateOnly, DateOnly, DateOnly, bool>> When)[] Conditions =
    [
        (Light.None, (closed, kind, dueOn, today, yellowUntil) => closed),
        (Light.Red, (closed, kind, dueOn, today, yellowUntil) => !closed && dueOn < today),
        (Light.Yellow, (closed, kind, dueOn, today, yellowUntil) => !closed && dueOn >= today && (kind == DeadlineKind.Immediate || dueOn <= yellowUntil)),
        (Light.Green, (closed, kind, dueOn, today, yellowUntil) => !closed && dueOn > yellowUntil && kind != DeadlineKind.Immediate),
    ];

    private static readonly (Light Light, Func<bool, DeadlineKind, DateOnly, DateOnly, DateOnly, bool> When)[] Compiled =
        [.. Conditions.Select(c => (c.Light, c.When.Compile()))];

    /// <summary>The light of an item in memory.</summary>
    public static Light Of(bool closed, DeadlineKind kind, DateOnly dueOn, DateOnly today, int yellowDays)
    {
        var yellowUntil = WorkCalendar.AddDays(today, yellowDays);
        foreach (var (light, when) in Compiled)
        {
            if (when(closed, kind, dueOn, today, yellowUntil))
            {
                return light;
            }
        }
        throw new InvalidOperationException("The light conditions cover every item.");
    }

    /// <summary>Items showing <paramref name="light"/> today, as a database predicate.</summary>
    public static Expression<Func<RectificationItem, bool>> Is(Light light, DateOnly today, int yellowDays)
    {
        var item = Expression.Parameter(typeof(RectificationItem), "i");
        return Expression.Lambda<Func<RectificationItem, bool>>(Condition(light, item, today, yellowDays), item);
    }

    /// <summary>Each item's unit and light today, as a database projection (for counting by unit and light).</summary>
    public static Expression<Func<RectificationItem, UnitLight>> OfItem(DateOnly today, int yellowDays)
    {
        var item = Expression.Parameter(typeof(RectificationItem), "i");
        Expression light = Expression.Constant(Conditions[^1].Light);
        foreach (var (each, _) in Conditions.Reverse().Skip(1))
        {
            light = Expression.Condition(Condition(each, item, today, yellowDays), Expression.Constant(each), light);
        }
        return Expression.Lambda<Func<RectificationItem, UnitLight>>(Expression.MemberInit(Expression.New(typeof(UnitLight)),
            Expression.Bind(typeof(UnitLight).GetProperty(nameof(UnitLight.UnitId))!, Expression.Property(item, nameof(RectificationItem.UnitId))),
            Expression.Bind(typeof(UnitLight).GetProperty(nameof(UnitLight.Light))!, light)), item);
    }

    /// <summary>An item's unit and light, as <see cref="OfItem"/> projects them.</summary>
    public sealed class UnitLight
    {
        public int UnitId { get; init; }
        public Light Light { get; init; }
    }

    private static Expression Condition(Light light, ParameterExpression item, DateOnly today, int yellowDays)
    {
        var when = Conditions.Single(c => c.Light == light).When;
        // Captured values, not constants, so the database sees parameters and reuses its plan from day to day.
        var days = new { Today = today, YellowUntil = WorkCalendar.AddDays(today, yellowDays) };
        return Common.Expressions.Apply(when,
            Expression.Equal(Expression.Property(item, nameof(RectificationItem.State)), Expression.Constant(ItemState.Closed)),
            Expression.Property(item, nameof(RectificationItem.DeadlineKind)),
            Expression.Property(item, nameof(RectificationItem.DueOn)),
            Expression.Property(Expression.Constant(days), "Today"),
            Expression.Property(Expression.Constant(days), "YellowUntil"));
    }
}
