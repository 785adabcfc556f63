using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Ledger;

/// <summary>
/// The counts behind the lights, kept in memory so that the light counts of a whole ledger need no scan of it:
/// how many items each unit has per (state, deadline kind, due date). A light is a function of those and today, so
/// the counts stay right from day to day. Built once in the background at start, moved by every change this
/// instance saves, and rebuilt from the database every few minutes so that other instances' changes arrive too.
/// </summary>
public sealed class LightTally(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan RebuildEvery = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private Dictionary<LightKey, int>? _counts;
    private Dictionary<(int UnitId, ItemState State), int>? _byState;
    private long _changes;

    /// <summary>Where an item stands for the tally: its unit, state, deadline kind and due date.</summary>
    public readonly record struct TallyKey(int UnitId, ItemState State, DeadlineKind Kind, DateOnly DueOn)
    {
        public static TallyKey Of(RectificationItem item) => new(item.UnitId, item.State, item.DeadlineKind, item.DueOn);

        internal LightKey Light => new(UnitId, State == ItemState.Closed, Kind, DueOn);
    }

    internal readonly record struct LightKey(int UnitId, bool Closed, DeadlineKind Kind, DateOnly DueOn);

    public bool IsReady
    {
        get
        {
            lock (_gate)
            {
                return _counts is not null;
            }
        }
    }

    /// <summary>Moves one item from one bucket to another after its change was saved.</summary>
    public void Move(TallyKey? before, TallyKey? after)
    {
        lock (_gate)
        {
            _changes++;
            if (_counts is null || _byState is null || before == after)
            {
                return;
            }
            if (before is { } old)
            {
                Decrement(_counts, old.Light);
                Decrement(_byState, (old.UnitId, old.State));
            }
            if (after is { } added)
            {
                _counts[added.Light] = _counts.GetValueOrDefault(added.Light) + 1;
                _byState[(added.UnitId, added.State)] = _byState.GetValueOrDefault((added.UnitId, added.State)) + 1;
            }
        }
    }

    /// <summary>How many items in the given state the units the filter lets through hold.</summary>
    public int CountInState(ItemState state, Func<int, bool> include)
    {
        lock (_gate)
        {
            return (_byState ?? []).Where(e => e.Key.State == state && include(e.Key.UnitId)).Sum(e => e.Value);
        }
    }

    /// <summary>Light counts per unit for the units the filter lets through.</summary>
    public Dictionary<int, (int Red, int Yellow, int Green, int Closed)> CountByUnit(DateOnly today, int yellowDays, Func<int, bool> include)
    {
        var limit = today.AddDays(yellowDays);
        var result = new Dictionary<int, (int Red, int Yellow, int Green, int Closed)>();
        lock (_gate)
        {
            foreach (var (key, count) in _counts ?? [])
            {
                if (!include(key.UnitId))
                {
                    continue;
                }
                var (red, yellow, green, closed) = result.GetValueOrDefault(key.UnitId);
                if (key.Closed)
                {
                    closed += count;
                }
                else if (key.DueOn < today)
                {
                    red += count;
                }
                else if (key.Kind == DeadlineKind.Immediate || key.DueOn <= limit)
                {
                    yellow += count;
                }
                else
                {
                    green += count;
                }
                result[key.UnitId] = (red, yellow, green, closed);
            }
        }
        return result;
    }

    /// <summary>Counts every item afresh; if changes were saved meanwhile it counts again, so none is lost.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            long changesBefore;
            lock (_gate)
            {
                changesBefore = _changes;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var rows = await db.Items.IgnoreQueryFilters().AsNoTracking()
                .GroupBy(i => new { i.UnitId, i.State, i.DeadlineKind, i.DueOn })
                .Select(g => new { g.Key.UnitId, g.Key.State, g.Key.DeadlineKind, g.Key.DueOn, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var counts = rows.GroupBy(r => new LightKey(r.UnitId, r.State == ItemState.Closed, r.DeadlineKind, r.DueOn))
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            var byState = rows.GroupBy(r => (r.UnitId, r.State)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            lock (_gate)
            {
                if (_changes == changesBefore)
                {
                    _counts = counts;
                    _byState = byState;
                    return;
                }
            }
        }
    }

    private static void Decrement<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull
    {
        if (counts.TryGetValue(key, out var count))
        {
            if (count <= 1)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = count - 1;
            }
        }
    }
}
