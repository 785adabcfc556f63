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
    private const int KeptComputations = 5;

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
        if (last.Stamp == await StampAsync(db, campaignId, today, cancellationToken))
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
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or DubanException)
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
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<ScopedActorAccessor>() is { } accessor)
            {
                accessor.Actor = Actor.System("system:signals");
            }
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow().UtcDateTime;
            var current = asOf is null;
            var at = asOf ?? now;
            var stamp = await StampAsync(db, campaignId, ChinaTime.DateOf(now), cancellationToken);
            var computations = db.Set<SignalComputation>().AsNoTracking().Where(c => c.CampaignId == campaignId && c.Stamp == stamp);
            var made = current
                ? await computations.Where(c => c.Current).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
                : await computations.Where(c => !c.Current && c.AsOf == at).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            return made ?? await ComputeAsync(db, scope.ServiceProvider, campaignId, at, current, stamp, now, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// What the computation's findings depend on, cheaply read: the newest item event, evidence file, unit and
    /// assessment run, the day and the thresholds. Another stamp means the findings may differ.
    /// </summary>
    private async Task<string> StampAsync(DubanDb db, int campaignId, DateOnly today, CancellationToken cancellationToken)
    {
        var lastEvent = await db.ItemEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var lastFile = await db.EvidenceFiles.IgnoreQueryFilters().MaxAsync(f => (int?)f.Id, cancellationToken) ?? 0;
        var lastUnit = await db.Units.MaxAsync(u => (int?)u.Id, cancellationToken) ?? 0;
        var lastRun = await db.Set<AssessmentRun>().Where(r => r.CampaignId == campaignId).MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;
        var thresholds = options.Value.Fingerprint();
        return string.Create(CultureInfo.InvariantCulture, $"{today:yyyyMMdd}:{lastEvent}:{lastFile}:{lastUnit}:{lastRun}:{thresholds}");
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
        var items = await new SignalSource(db).LoadAsync(campaignId, cancellationToken);
        var context = new SignalContext(items, asOf, services.GetRequiredService<WorkCalendar>(), options.Value)
        {
            UnitIds = [.. units.Where(u => u.ParentId != null && (u.DeactivatedAt == null || u.DeactivatedAt > asOf)).Select(u => u.Id)],
            From = from,
            To = to,
            CutOffs = [.. cutOffs.Select(ChinaTime.DateOf).Append(to).Distinct().Order()],
        };
        // One finding per key: a pair copied twice over (a measure and a report) is one flag.
        var findings = SignalDetectors.All.SelectMany(d => d.Detect(context)).GroupBy(f => f.Key).Select(g => g.First()).ToList();
        var paths = units.ToDictionary(u => u.Id, u => u.Path);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var computation = new SignalComputation(campaignId, asOf, current, stamp, from, to, now);
        db.Add(computation);
        await db.SaveChangesAsync(cancellationToken);

        var known = await db.Set<SignalFlag>().IgnoreQueryFilters().AsNoTracking().Where(f => f.CampaignId == campaignId)
            .Select(f => new { f.Id, f.Key, f.EvidenceHash, f.LastSeenAt }).ToDictionaryAsync(f => f.Key, cancellationToken);
        var raised = new List<(SignalFlag Flag, decimal Strength)>();
        var changed = new List<(int Id, SignalFinding Finding)>();
        var seen = new List<(int Id, decimal Strength)>();
        foreach (var finding in findings)
        {
            if (known.TryGetValue(finding.Key, out var flag))
            {
                seen.Add((flag.Id, finding.Strength));
                if (asOf >= flag.LastSeenAt && SignalEvidenceJson.Hash(finding.Evidence) != flag.EvidenceHash)
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
        await MarkSeenAsync(db, computation, cancellationToken);
        computation.Finish(seen.Count, (int)watch.ElapsedMilliseconds);
        db.Note("signals.computed", nameof(SignalComputation), computation.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture,
                $"{{\"campaignId\":{campaignId},\"asOf\":\"{asOf:O}\",\"current\":{(current ? "true" : "false")},\"flags\":{seen.Count},\"raised\":{raised.Count},\"changed\":{changed.Count}}}"),
            "系统");
        await db.SaveChangesAsync(cancellationToken);
        await PruneAsync(db, campaignId, computation.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return computation.Id;
    }

    /// <summary>
    /// The flags' first and last sight, and for the current computation which flags it sees: set for all its flags at
    /// once (the computation's own audit event stands for them, as the sightings do).
    /// </summary>
    private static async Task MarkSeenAsync(DubanDb db, SignalComputation computation, CancellationToken cancellationToken)
    {
        var (id, asOf) = (computation.Id, computation.AsOf);
        var sightings = db.Set<SignalSighting>();
        var found = db.Set<SignalFlag>().IgnoreQueryFilters().Where(f => f.CampaignId == computation.CampaignId && sightings.Any(s => s.ComputationId == id && s.FlagId == f.Id));
        await found.Where(f => f.FirstSeenAt > asOf).ExecuteUpdateAsync(s => s.SetProperty(f => f.FirstSeenAt, asOf), cancellationToken);
        await found.Where(f => f.LastSeenAt < asOf).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastSeenAt, asOf), cancellationToken);
        if (computation.Current)
        {
            await found.Where(f => !f.Seen).ExecuteUpdateAsync(s => s.SetProperty(f => f.Seen, true), cancellationToken);
            await db.Set<SignalFlag>().IgnoreQueryFilters()
                .Where(f => f.CampaignId == computation.CampaignId && f.Seen && !sightings.Any(s => s.ComputationId == id && s.FlagId == f.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Seen, false), cancellationToken);
            await db.Set<SignalComputation>().Where(c => c.CampaignId == computation.CampaignId && c.Current && c.Id != id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Current, false), cancellationToken);
        }
    }

    /// <summary>Computations are derived data: all but the current one and the latest few are dropped with their sightings.</summary>
    private static async Task PruneAsync(DubanDb db, int campaignId, int keep, CancellationToken cancellationToken)
    {
        var computations = db.Set<SignalComputation>();
        var kept = await computations.Where(c => c.CampaignId == campaignId && !c.Current).OrderByDescending(c => c.Id).Take(KeptComputations)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var dropped = computations.Where(c => c.CampaignId == campaignId && !c.Current && c.Id != keep && !kept.Contains(c.Id));
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
