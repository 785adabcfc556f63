using System.Threading.Channels;
using Duban.Core.Common.Events;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Ledger;

/// <summary>
/// The counts behind the lights, kept in memory so that the light counts of a whole ledger need no scan of it:
/// how many items each unit has per (state, deadline kind, due date). A light is a function of those and today, so
/// the counts stay right from day to day.
/// The counts are used only while they are known to be current: they remember the audit sequence they reflect,
/// every save this instance commits moves them on, and a reader compares with the database's last sequence first.
/// Any write they did not see (the command line, another app instance, an import's own transaction) leaves a gap:
/// readers then count in the database until the background rebuild has caught up.
/// </summary>
public sealed class LightTally(IServiceScopeFactory scopes) : IDomainEventHandler<ItemsMoved>
{
    /// <summary>Rebuilds follow each other no faster than this, so a busy second instance cannot keep one scanning.</summary>
    public static readonly TimeSpan MinRebuildInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    // One pending request is enough: a rebuild counts everything committed before it starts.
    private readonly Channel<bool> _rebuildWanted = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<LightKey, int>? _counts;
    private Dictionary<(int UnitId, ItemState State), int>? _byState;
    private long? _sequence;

    internal readonly record struct LightKey(int UnitId, bool Closed, DeadlineKind Kind, DateOnly DueOn)
    {
        public static LightKey Of(ItemStanding standing) =>
            new(standing.UnitId, standing.State == ItemState.Closed, standing.Kind, standing.DueOn);
    }

    /// <summary>Whether counts have been built at all (they may still be behind; see <see cref="IsCurrent"/>).</summary>
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

    /// <summary>
    /// Whether the counts include every write up to <paramref name="lastChange"/> (the database's last audit sequence,
    /// <see cref="DubanDb.LastChangeAsync"/>). When they do not, a rebuild is asked for and the caller counts in the
    /// database this time.
    /// </summary>
    public bool IsCurrent(long lastChange)
    {
        lock (_gate)
        {
            // Counts that moved on since (this instance's own saves) include that change too.
            if (_counts is not null && _sequence >= lastChange)
            {
                return true;
            }
        }
        _rebuildWanted.Writer.TryWrite(true);
        return false;
    }

    /// <summary>Moves the counts on by a committed save, if it is the next one after what they reflect.</summary>
    public Task HandleAsync(ItemsMoved domainEvent, CancellationToken cancellationToken)
    {
        // Inside a caller's transaction the save's sequences may be shared with writes not seen here: a gap, recounted later.
        if (domainEvent.Sequences is { } sequences)
        {
            Move(domainEvent.Moves, sequences.First, sequences.Last);
        }
        return Task.CompletedTask;
    }

    private void Move(IReadOnlyList<ItemMove> moves, long firstSequence, long lastSequence)
    {
        lock (_gate)
        {
            if (_counts is null || _byState is null || _sequence is not { } seen || lastSequence <= seen)
            {
                return;
            }
            if (firstSequence != seen + 1)
            {
                // Someone else wrote in between: these counts can no longer be trusted until rebuilt.
                _sequence = null;
                return;
            }
            foreach (var move in moves)
            {
                if (move.Before is { } old)
                {
                    Decrement(_counts, LightKey.Of(old));
                    Decrement(_byState, (old.UnitId, old.State));
                }
                if (move.After is { } added)
                {
                    var light = LightKey.Of(added);
                    _counts[light] = _counts.GetValueOrDefault(light) + 1;
                    _byState[(added.UnitId, added.State)] = _byState.GetValueOrDefault((added.UnitId, added.State)) + 1;
                }
            }
            _sequence = lastSequence;
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
                switch (LightRule.Of(key.Closed, key.Kind, key.DueOn, today, yellowDays))
                {
                    case Light.None:
                        closed += count;
                        break;
                    case Light.Red:
                        red += count;
                        break;
                    case Light.Yellow:
                        yellow += count;
                        break;
                    case Light.Green:
                        green += count;
                        break;
                }
                result[key.UnitId] = (red, yellow, green, closed);
            }
        }
        return result;
    }

    /// <summary>Waits until a reader found the counts behind (or the wait is cancelled).</summary>
    public async Task WaitForRebuildRequestAsync(CancellationToken cancellationToken) =>
        await _rebuildWanted.Reader.ReadAsync(cancellationToken);

    /// <summary>
    /// Counts every item afresh. The last sequence is read before and after the count: only if nothing was committed
    /// in between do the counts reflect exactly that sequence; otherwise it counts again.
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var before = await db.LastChangeAsync(cancellationToken);
            var rows = await db.Items.IgnoreQueryFilters().AsNoTracking()
                .GroupBy(i => new { i.UnitId, i.State, i.DeadlineKind, i.DueOn })
                .Select(g => new { g.Key.UnitId, g.Key.State, g.Key.DeadlineKind, g.Key.DueOn, Count = g.Count() })
                .ToListAsync(cancellationToken);
            if (await db.LastChangeAsync(cancellationToken) != before)
            {
                continue;
            }
            var counts = rows.GroupBy(r => new LightKey(r.UnitId, r.State == ItemState.Closed, r.DeadlineKind, r.DueOn))
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            var byState = rows.GroupBy(r => (r.UnitId, r.State)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            lock (_gate)
            {
                // Saves committed meanwhile may have moved the live counts past what this count saw: keep those.
                if (_sequence is not { } live || live < before)
                {
                    _counts = counts;
                    _byState = byState;
                    _sequence = before;
                }
            }
            return;
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
