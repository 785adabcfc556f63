using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Duban.Core.Accounts;
using Duban.Core.Assessment;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Duban.Core.Signals;

/// <summary>
/// Makes the computations: every detector over a campaign as of a time, written as flags (raised when new, their
/// evidence updated when a later look finds other evidence, never deleted) and sightings. A computation is the
/// system's work whoever's page asked for it, so it runs in its own scope as the system; one at a time per campaign
/// in this process, and a computation with the same stamp is not made twice.
/// </summary>
public sealed class SignalComputer(IServiceScopeFactory scopes, IOptions<SignalOptions> options, ILogger<SignalComputer> logger)
{
    // Kept besides the current one, for the times asked for lately (an assessment cut-off looked at again).
    private const int KeptComputations = 3;

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<int, bool> _refreshing = new();

    /// <summary>
    /// The id of a computation of the campaign as of <paramref name="asOf"/> (now when null) on today's data, made if
    /// there is none. A current computation that took longer than <see cref="SignalOptions.WaitMilliseconds"/> is not
    /// waited for again: while its successor is made in the background, readers get it (its time is on the page).
    /// </summary>
    public async Task<int> EnsureAsync(int campaignId, DateTime? asOf, CancellationToken cancellationToken = default)
    {
        if (asOf is null && await ServeWhileRefreshingAsync(campaignId, cancellationToken) is { } served)
        {
            return served;
        }
        return await MakeAsync(campaignId, asOf, cancellationToken);
    }

    private async Task<int?> ServeWhileRefreshingAsync(int campaignId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        var today = ChinaTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var last = await db.Set<SignalComputation>().AsNoTracking().Where(c => c.CampaignId == campaignId && c.Current)
            .Select(c => new { c.Id, c.Stamp, c.Milliseconds }).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return null;
        }
        if (last.Stamp == await StampAsync(db, today, cancellationToken))
        {
            return last.Id;
        }
        if (last.Milliseconds <= options.Value.WaitMilliseconds)
        {
            return null;
        }
        if (_refreshing.TryAdd(campaignId, true))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await MakeAsync(campaignId, null, CancellationToken.None);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogError(exception, "Recomputing the signals of campaign {Campaign} failed", campaignId);
                }
                finally
                {
                    _refreshing.TryRemove(campaignId, out _);
                }
            }, CancellationToken.None);
        }
        return last.Id;
    }

    private async Task<int> MakeAsync(int campaignId, DateTime? asOf, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(campaignId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = SystemScope();
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow().UtcDateTime;
            var current = asOf is null;
            var at = asOf ?? now;
            var stamp = await StampAsync(db, ChinaTime.DateOf(now), cancellationToken);
            var computations = db.Set<SignalComputation>().AsNoTracking().Where(c => c.CampaignId == campaignId && c.Stamp == stamp);
            var made = current
                ? await computations.Where(c => c.Current).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
                : await computations.Where(c => !c.Current && c.AsOf == at).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (made is { } id)
            {
                return id;
            }
            try
            {
                return await ComputeAsync(db, scope.ServiceProvider, campaignId, at, current, stamp, now, cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                // Another instance raised some of the same flags meanwhile (their keys are unique): once more, they are known now.
                db.ChangeTracker.Clear();
                return await ComputeAsync(db, scope.ServiceProvider, campaignId, at, current, stamp, now, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private AsyncServiceScope SystemScope()
    {
        var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ScopedActorAccessor>() is { } accessor)
        {
            accessor.Actor = Actor.System("system:signals");
        }
        return scope;
    }

    // The records whose writes can change what the detectors find (every write appends to the audit log).
    private static readonly string[] Inputs =
        [nameof(Ledger.RectificationItem), nameof(Ledger.EvidenceFile), nameof(Organization.Unit), nameof(AssessmentRun), nameof(Campaigns.Campaign)];

    /// <summary>
    /// What the computation's findings depend on, cheaply read: the last audited write to items (with their steps),
    /// evidence files, units, assessment runs or campaigns, the day and the thresholds. Sign-ins, downloads and the
    /// signals' own writes do not count. Another stamp means the findings may differ.
    /// </summary>
    private async Task<string> StampAsync(DubanDb db, DateOnly today, CancellationToken cancellationToken)
    {
        var lastWrite = await db.AuditEvents.AsNoTracking()
            .Where(e => Inputs.Contains(e.EntityType))
            .OrderByDescending(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken) ?? 0;
        return string.Create(CultureInfo.InvariantCulture, $"{today:yyyyMMdd}:{lastWrite}:{options.Value.Fingerprint()}");
    }

    private async Task<int> ComputeAsync(DubanDb db, IServiceProvider services, int campaignId, DateTime asOf, bool current, string stamp, DateTime now,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var today = ChinaTime.DateOf(asOf);
        var (from, to) = PeriodOf(today);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path, u.ParentId, u.DeactivatedAt }).ToListAsync(cancellationToken);
        var cutOffs = await db.Set<AssessmentRun>().AsNoTracking().Where(r => r.CampaignId == campaignId && r.State != RunState.Discarded)
            .Select(r => r.CutOff).ToListAsync(cancellationToken);
        // The histories load on a second connection while the items load on this one (the machine has more than one core).
        await using var alongside = SystemScope();
        var items = await new SignalSource(db).LoadAsync(campaignId, alongside.ServiceProvider.GetRequiredService<DubanDb>(), cancellationToken);
        var holders = items.Select(i => i.UnitId).ToHashSet();
        var context = new SignalContext(items, asOf, services.GetRequiredService<WorkCalendar>(), options.Value)
        {
            // Units judged by 灯下黑: those that work on items themselves (no sections below them), or hold items anyway.
            UnitIds = [.. units.Where(u => u.ParentId != null && (u.DeactivatedAt == null || u.DeactivatedAt > asOf)
                && (!units.Any(c => c.ParentId == u.Id && (c.DeactivatedAt == null || c.DeactivatedAt > asOf)) || holders.Contains(u.Id))).Select(u => u.Id)],
            From = from,
            To = to,
            CutOffs = [.. cutOffs.Select(ChinaTime.DateOf).Append(to).Distinct().Order()],
        };
        // The detectors run side by side over the items as they stood then (made once, before they start).
        _ = context.ItemsThen;
        var found = await Task.WhenAll(SignalDetectors.All.Select(d => Task.Run(() => d.Detect(context).ToList(), cancellationToken)));
        // One finding per key: a pair copied twice over (a measure and a report) is one flag.
        var findings = found.SelectMany(f => f).GroupBy(f => f.Key).Select(g => g.First()).ToList();
        var paths = units.ToDictionary(u => u.Id, u => u.Path);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var computation = new SignalComputation(campaignId, asOf, current, stamp, from, to, now);
        db.Add(computation);
        await db.SaveChangesAsync(cancellationToken);

        var previous = await db.Set<SignalComputation>().AsNoTracking().Where(c => c.CampaignId == campaignId && c.Current && c.Id != computation.Id)
            .Select(c => (DateTime?)c.AsOf).FirstOrDefaultAsync(cancellationToken);
        var known = await db.Set<SignalFlag>().IgnoreQueryFilters().AsNoTracking().Where(f => f.CampaignId == campaignId)
            .Select(f => new { f.Id, f.Key, f.EvidenceHash, LastSeenAt = SignalFlag.LastSeen(f.LastSeenAt, f.Seen, previous) })
            .ToDictionaryAsync(f => f.Key, cancellationToken);
        var raised = new List<(SignalFlag Flag, decimal Strength)>();
        var changed = new List<(int Id, SignalFinding Finding)>();
        var seen = new List<(int Id, decimal Strength)>();
        foreach (var finding in findings)
        {
            if (known.TryGetValue(finding.Key, out var flag))
            {
                seen.Add((flag.Id, finding.Strength));
                // Only the current computation updates evidence: a look at another time (a cut-off, ahead) reads, it does not rewrite.
                if (current && asOf >= flag.LastSeenAt && SignalEvidenceJson.Hash(finding.Evidence) != flag.EvidenceHash)
                {
                    changed.Add((flag.Id, finding));
                }
            }
            else
            {
                raised.Add((SignalFlag.Raise(campaignId, finding, paths[finding.UnitId], from, to, asOf, current), finding.Strength));
            }
        }
        await using (var flags = await BulkInsert<SignalFlag>.PrepareAsync(db, readKey: true, cancellationToken))
        {
            foreach (var (flag, strength) in raised)
            {
                await flags.InsertAsync(flag, cancellationToken);
                seen.Add((flag.Id, strength));
            }
        }
        await using (var sightings = await BulkInsert<SignalSighting>.PrepareAsync(db, readKey: false, cancellationToken))
        {
            foreach (var (id, strength) in seen)
            {
                await sightings.InsertAsync(new SignalSighting(computation.Id, id, strength), cancellationToken);
            }
        }
        // Newer evidence goes through the tracked path: each such change (and a dismissal it undoes) is audited on its own.
        foreach (var chunk in changed.Chunk(500))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            var tracked = await db.Set<SignalFlag>().IgnoreQueryFilters().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            foreach (var (id, finding) in chunk)
            {
                tracked[id].Observe(finding, asOf);
            }
        }
        await MarkSeenAsync(db, computation, previous, cancellationToken);
        computation.Finish(seen.Count, (int)watch.ElapsedMilliseconds);
        db.Note("signals.computed", nameof(SignalComputation), computation.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture,
                $"{{\"campaignId\":{campaignId},\"asOf\":\"{asOf:O}\",\"current\":{(current ? "true" : "false")},\"flags\":{seen.Count},\"raised\":{raised.Count},\"changed\":{changed.Count}}}"),
            "系统");
        await db.SaveChangesAsync(cancellationToken);
        await PruneAsync(db, campaignId, computation.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return computation.Id;
    }

    /// <summary>
    /// For the current computation, which flags it sees and when those it no longer sees were last seen: set for all at once (the
    /// computation's own audit event stands for them, as the sightings do). A flag the current computation sees was
    /// last seen now (<see cref="SignalFlag.LastSeen"/>), so its time is written only when it is no longer seen.
    /// </summary>
    private static async Task MarkSeenAsync(DubanDb db, SignalComputation computation, DateTime? previous, CancellationToken cancellationToken)
    {
        var (id, asOf) = (computation.Id, computation.AsOf);
        var sightings = db.Set<SignalSighting>();
        var flags = db.Set<SignalFlag>().IgnoreQueryFilters().Where(f => f.CampaignId == computation.CampaignId);
        var found = flags.Where(f => sightings.Any(s => s.ComputationId == id && s.FlagId == f.Id));
        if (!computation.Current)
        {
            // A look at another time leaves the flags as they were (it may raise new ones, seen at that time only).
            return;
        }
        var lastSeen = previous ?? asOf;
        await flags.Where(f => f.Seen && !sightings.Any(s => s.ComputationId == id && s.FlagId == f.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Seen, false).SetProperty(f => f.LastSeenAt, f => f.LastSeenAt > lastSeen ? f.LastSeenAt : lastSeen),
                cancellationToken);
        await found.Where(f => !f.Seen).ExecuteUpdateAsync(s => s.SetProperty(f => f.Seen, true), cancellationToken);
        await db.Set<SignalComputation>().Where(c => c.CampaignId == computation.CampaignId && c.Current && c.Id != id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Current, false), cancellationToken);
    }

    /// <summary>
    /// Computations are derived data: all but the current one, the latest few and those of the last minutes (a reader
    /// may just have been handed one) are dropped with their sightings.
    /// </summary>
    private static async Task PruneAsync(DubanDb db, int campaignId, int keep, DateTime now, CancellationToken cancellationToken)
    {
        var computations = db.Set<SignalComputation>();
        var kept = await computations.Where(c => c.CampaignId == campaignId && !c.Current).OrderByDescending(c => c.Id).Take(KeptComputations)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var recent = now.AddMinutes(-10);
        var dropped = computations.Where(c => c.CampaignId == campaignId && !c.Current && c.Id != keep && !kept.Contains(c.Id) && c.ComputedAt < recent);
        await db.Set<SignalSighting>().Where(s => dropped.Any(c => c.Id == s.ComputationId)).ExecuteDeleteAsync(cancellationToken);
        await dropped.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The period a computation judges units over: the calendar quarter of its day.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(DateOnly day)
    {
        var from = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }
}
