using Duban.Core.Common.Events;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Organization;

/// <summary>A unit's id, name and place, as hot paths need them without a query.</summary>
public sealed record UnitEntry(int Id, string Name, string Path, int? ParentId, int SortOrder)
{
    public int Depth => Path.Count(c => c == '/') - 2;
}

/// <summary>
/// All units in memory for the ledger's hot paths (unit subtrees, unit names on list rows). The tree changes
/// rarely: a change committed on this instance empties the directory at once, other instances' changes arrive within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class UnitDirectory(TimeProvider clock) : IDomainEventHandler<Changed<Unit>>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;
    private long _generation;

    public async Task<IReadOnlyDictionary<int, UnitEntry>> AllAsync(DubanDb db, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Until > clock.GetUtcNow())
        {
            return snapshot.Units;
        }
        var generation = Interlocked.Read(ref _generation);
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new UnitEntry(u.Id, u.Name, u.Path, u.ParentId, u.SortOrder))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        // A load that started before a change answers this caller but is not kept for the next.
        if (generation == Interlocked.Read(ref _generation))
        {
            Volatile.Write(ref _snapshot, new Snapshot(units, clock.GetUtcNow() + Lifetime));
        }
        return units;
    }

    /// <summary>The units the actor sees, each parent before its children and siblings by sort order (for pickers).</summary>
    public async Task<IReadOnlyList<UnitEntry>> TreeAsync(DubanDb db, CancellationToken cancellationToken = default)
    {
        var visible = (await AllAsync(db, cancellationToken)).Values.Where(u => db.Actor.Sees(u.Id, u.Path)).ToList();
        var ids = visible.Select(u => u.Id).ToHashSet();
        var children = visible.ToLookup(u => u.ParentId);
        var ordered = new List<UnitEntry>(visible.Count);
        void Walk(UnitEntry unit)
        {
            ordered.Add(unit);
            foreach (var child in children[unit.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                Walk(child);
            }
        }
        foreach (var top in visible.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder))
        {
            Walk(top);
        }
        return ordered;
    }

    public Task HandleAsync(Changed<Unit> domainEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
        return Task.CompletedTask;
    }

    // One reference, swapped whole, so readers on other threads never see half a snapshot.
    private sealed record Snapshot(IReadOnlyDictionary<int, UnitEntry> Units, DateTimeOffset Until);
}
