using Duban.Core.Common.Events;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

/// <summary>Where an item stands for the lights: its unit, state, deadline kind and due date.</summary>
public readonly record struct ItemStanding(int UnitId, ItemState State, DeadlineKind Kind, DateOnly DueOn);

/// <summary>An item that came, went or changed its standing (null before: new; null after: deleted).</summary>
public sealed record ItemMove(ItemStanding? Before, ItemStanding? After);

/// <summary>
/// Items that one save moved between standings, with the audit sequences of that save when they are its alone (see
/// <see cref="ChangeSet.Sequences"/>). Raised by every save that commits alone, moves or none, so that counts kept
/// in step with the chain (<see cref="LightTally"/>) move on with it; inside a caller's transaction only when items moved.
/// </summary>
public sealed record ItemsMoved(IReadOnlyList<ItemMove> Moves, (long First, long Last)? Sequences) : IChangeEvent<ItemsMoved>
{
    public static ItemsMoved? From(ChangeSet changes)
    {
        List<ItemMove>? moves = null;
        foreach (var entry in changes.Entries)
        {
            if (entry.Entity is not RectificationItem item)
            {
                continue;
            }
            var before = entry.State is EntityState.Modified or EntityState.Deleted
                ? new ItemStanding(entry.OriginalValues.GetValue<int>(nameof(RectificationItem.UnitId)),
                    entry.OriginalValues.GetValue<ItemState>(nameof(RectificationItem.State)),
                    entry.OriginalValues.GetValue<DeadlineKind>(nameof(RectificationItem.DeadlineKind)),
                    entry.OriginalValues.GetValue<DateOnly>(nameof(RectificationItem.DueOn)))
                : (ItemStanding?)null;
            var after = entry.State is EntityState.Added or EntityState.Modified
                ? new ItemStanding(item.UnitId, item.State, item.DeadlineKind, item.DueOn)
                : (ItemStanding?)null;
            if (before != after)
            {
                (moves ??= []).Add(new ItemMove(before, after));
            }
        }
        return moves is null && changes.Sequences is null ? null : new ItemsMoved(moves ?? [], changes.Sequences);
    }
}
