using System.Linq.Expressions;
using Duban.Core.Common;

namespace Duban.Core.Ledger;

/// <summary>Where an item stood at a cut-off time: what a bulletin counts.</summary>
public enum CutStanding
{
    /// <summary>Closed (销号) at the cut-off.</summary>
    Closed,

    /// <summary>Closed at the cut-off, on or before its deadline.</summary>
    ClosedOnTime,

    /// <summary>Closed at the cut-off, after its deadline.</summary>
    ClosedLate,

    /// <summary>Not closed at the cut-off.</summary>
    Open,

    /// <summary>Not closed at the cut-off and past its deadline then (the red light at that time).</summary>
    Overdue,
}

/// <summary>
/// The ledger as it stood at a cut-off: items registered by then, found in a period, and their standing then, each
/// condition defined once as an expression, used by the ledger list (so a bulletin's number opens its list) and by
/// the bulletin's counts alike. The standing is read from the close time and the deadline as they are now: an item
/// reopened after the cut-off counts as open, and a deadline extended after it counts as extended.
/// </summary>
public static class ItemCut
{
    private static readonly Dictionary<CutStanding, Expression<Func<RectificationItem, DateTime, DateOnly, bool>>> Conditions = new()
    {
        [CutStanding.Closed] = (i, asOf, day) => i.ClosedAt != null && i.ClosedAt <= asOf,
        [CutStanding.ClosedOnTime] = (i, asOf, day) => i.ClosedAt != null && i.ClosedAt <= asOf && i.ClosedOn <= i.DueOn,
        [CutStanding.ClosedLate] = (i, asOf, day) => i.ClosedAt != null && i.ClosedAt <= asOf && i.ClosedOn > i.DueOn,
        [CutStanding.Open] = (i, asOf, day) => i.ClosedAt == null || i.ClosedAt > asOf,
        [CutStanding.Overdue] = (i, asOf, day) => (i.ClosedAt == null || i.ClosedAt > asOf) && i.DueOn < day,
    };

    /// <summary>The query's period and cut-off applied to <paramref name="items"/> (now when it names no cut-off).</summary>
    public static IQueryable<RectificationItem> Apply(IQueryable<RectificationItem> items, LedgerQuery query, TimeProvider clock)
    {
        var at = new At(query.AsOf ?? clock.GetUtcNow().UtcDateTime);
        items = items.Where(i => i.CreatedAt <= at.Time);
        if (query.FoundFrom is { } from)
        {
            items = items.Where(i => i.FoundOn >= from);
        }
        if (query.FoundTo is { } to)
        {
            items = items.Where(i => i.FoundOn <= to);
        }
        return query.Standing is { } standing ? items.Where(Is(standing, at.Time)) : items;
    }

    /// <summary>Items in <paramref name="standing"/> at <paramref name="asOf"/>, as a database predicate.</summary>
    public static Expression<Func<RectificationItem, bool>> Is(CutStanding standing, DateTime asOf)
    {
        var item = Expression.Parameter(typeof(RectificationItem), "i");
        return Expression.Lambda<Func<RectificationItem, bool>>(Condition(standing, item, asOf), item);
    }

    /// <summary>Each item's unit, source and standing at <paramref name="asOf"/>, as a database projection for counting.</summary>
    public static Expression<Func<RectificationItem, Flags>> FlagsAt(DateTime asOf)
    {
        var item = Expression.Parameter(typeof(RectificationItem), "i");
        Expression<Func<RectificationItem, bool, bool, bool, Flags>> shape = (i, onTime, late, overdue) => new Flags
        {
            UnitId = i.UnitId,
            SelfFound = i.Source == ItemSource.SelfInspection,
            OnTime = onTime,
            Late = late,
            Overdue = overdue,
        };
        return Expression.Lambda<Func<RectificationItem, Flags>>(Expressions.Apply(shape, item,
            Condition(CutStanding.ClosedOnTime, item, asOf), Condition(CutStanding.ClosedLate, item, asOf),
            Condition(CutStanding.Overdue, item, asOf)), item);
    }

    /// <summary>One item as <see cref="FlagsAt"/> projects it; closed = on time or late.</summary>
    public sealed class Flags
    {
        public int UnitId { get; init; }
        public bool SelfFound { get; init; }
        public bool OnTime { get; init; }
        public bool Late { get; init; }
        public bool Overdue { get; init; }
    }

    private static Expression Condition(CutStanding standing, ParameterExpression item, DateTime asOf)
    {
        // Captured values, not constants, so the database sees parameters.
        var at = Expression.Constant(new At(asOf));
        return Expressions.Apply(Conditions[standing], item, Expression.Property(at, nameof(At.Time)), Expression.Property(at, nameof(At.Day)));
    }

    private sealed record At(DateTime Time)
    {
        public DateOnly Day => ChinaTime.DateOf(Time);
    }
}
