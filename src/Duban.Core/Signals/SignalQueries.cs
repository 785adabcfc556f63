using System.Collections.Concurrent;
using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Data;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Signals;

/// <summary>What a list of flags is narrowed to; <see cref="Undismissed"/> leaves the dismissed out (the board's counts).</summary>
public sealed record SignalFilter(int? CampaignId = null, DateTime? AsOf = null, int? UnitId = null, SignalKind? Kind = null, SignalState? State = null,
    bool Undismissed = false, int? ItemId = null);

/// <summary>A flag as a computation saw it: the flag with how strong it was then.</summary>
public sealed record SignalRow(int Id, SignalKind Kind, int UnitId, string UnitName, int? ItemId, string? ItemCode, decimal Strength,
    IReadOnlyList<SignalEvidence> Evidence, SignalState State, DateTime FirstSeenAt, DateTime LastSeenAt)
{
    public string KindName => SignalTerms.Name(Kind);

    public string StateName => SignalTerms.Name(State);
}

/// <summary>Which computation a page shows: the campaign, the time it is as of, the period units are judged over.</summary>
public sealed record SignalComputationInfo(int Id, int CampaignId, string CampaignName, DateTime AsOf, bool Current, DateOnly PeriodFrom, DateOnly PeriodTo,
    DateTime ComputedAt, int Milliseconds);

/// <summary>An item a flag's evidence names: its code, and whether the actor may open it.</summary>
public sealed record EvidenceItem(int Id, string Code, bool Visible);

public sealed record SignalCell(SignalKind Kind, int Count, decimal Strength, int Level);

public sealed record SignalBoardRow(int UnitId, string UnitName, int Depth, IReadOnlyList<SignalCell> Cells)
{
    public int Total => Cells.Sum(c => c.Count);
}

/// <summary>Units × the eight signals: flags not dismissed, with each cell's colour level (0–4) by its strength within its column.</summary>
public sealed record SignalBoard(SignalComputationInfo Computation, IReadOnlyList<SignalBoardRow> Units)
{
    public int Count(SignalKind kind) => Units.Sum(u => u.Cells.Single(c => c.Kind == kind).Count);
}

/// <summary>The flags as the actor's scope shows them, from the computation of the time asked (made when missing or stale).</summary>
public sealed class SignalQueries(DubanDb db, SignalComputer computer, CampaignService campaigns, UnitDirectory directory, SignalBoardCache boards)
{
    public async Task<SignalComputationInfo> ComputationAsync(int? campaignId, DateTime? asOf, CancellationToken cancellationToken = default)
    {
        if (asOf is { } at && (at.Year < 2000 || at.Year > 2099))
        {
            throw SignalErrors.AsOfOutOfRange();
        }
        var campaign = campaignId is { } id ? await campaigns.GetAsync(id, cancellationToken) : await DefaultCampaignAsync(cancellationToken);
        var computationId = await computer.EnsureAsync(campaign.Id, asOf, cancellationToken);
        var c = await db.Set<SignalComputation>().AsNoTracking().SingleAsync(c => c.Id == computationId, cancellationToken);
        return new SignalComputationInfo(c.Id, campaign.Id, campaign.Name, c.AsOf, c.Current, c.PeriodFrom, c.PeriodTo, c.ComputedAt, c.Milliseconds);
    }

    public async Task<(SignalComputationInfo Computation, Page<SignalRow> Flags)> ListAsync(SignalFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        var computation = await ComputationAsync(filter.CampaignId, filter.AsOf, cancellationToken);
        var sighted = Sighted(computation.Id, filter);
        var total = await sighted.CountAsync(cancellationToken);
        var rows = await sighted.OrderByDescending(x => x.Sighting.Strength).ThenByDescending(x => x.Sighting.FlagId)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var units = await directory.AllAsync(db, cancellationToken);
        var current = await CurrentTimesAsync(cancellationToken);
        return (computation, new Page<SignalRow>([.. rows.Select(x => Row(x.Flag, (decimal)x.Sighting.Strength, units, current))], total, page.PageNumber, page.PageSize));
    }

    public async Task<SignalBoard> BoardAsync(int? campaignId, DateTime? asOf, CancellationToken cancellationToken = default)
    {
        var computation = await ComputationAsync(campaignId, asOf, cancellationToken);
        var actor = db.Actor;
        var key = (computation.Id, actor.Scope, actor.Scope == DataScope.All ? null : actor.UnitPath, actor.Scope == DataScope.All ? null : actor.UnitId);
        if (boards.Find(key) is { } cached)
        {
            return cached with { Computation = computation };
        }
        var generation = boards.Generation;
        var counts = await Sighted(computation.Id, new SignalFilter(Undismissed: true))
            .GroupBy(x => new { x.Flag.UnitId, x.Flag.Kind })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, Count = g.Count(), Strength = g.Sum(x => x.Sighting.Strength) })
            .ToListAsync(cancellationToken);
        var byCell = counts.ToDictionary(c => (c.UnitId, c.Kind), c => (c.Count, Strength: Math.Round((decimal)c.Strength, 3)));
        var top = byCell.GroupBy(c => c.Key.Kind).ToDictionary(g => g.Key, g => g.Max(c => c.Value.Strength));
        var units = (await directory.TreeAsync(db, cancellationToken))
            .Where(u => actor.Scope >= DataScope.Unit && actor.Sees(u.Id, u.Path) && (u.ParentId != null || counts.Any(c => c.UnitId == u.Id)));
        var rows = units.Select(u => new SignalBoardRow(u.Id, u.Name, u.Depth, [.. Enum.GetValues<SignalKind>().Select(kind =>
            byCell.TryGetValue((u.Id, kind), out var cell)
                ? new SignalCell(kind, cell.Count, cell.Strength, (int)Math.Ceiling(4 * cell.Strength / Math.Max(top[kind], 0.001m)))
                : new SignalCell(kind, 0, 0, 0))])).ToList();
        return boards.Keep(key, new SignalBoard(computation, rows), generation);
    }

    /// <summary>The flag as the actor's scope shows it (404 outside it), with its strength in the current computation when it sees it.</summary>
    public async Task<(SignalRow Row, SignalFlag Flag)> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var flag = await db.Set<SignalFlag>().AsNoTracking().FindInScopeAsync(id, SignalErrors.NotFound, cancellationToken);
        var computations = db.Set<SignalComputation>();
        var strength = await db.Set<SignalSighting>().Where(s => s.FlagId == id && computations.Any(c => c.Id == s.ComputationId && c.Current))
            .Select(s => (double?)s.Strength).FirstOrDefaultAsync(cancellationToken);
        return (Row(flag, (decimal)(strength ?? 0), await directory.AllAsync(db, cancellationToken), await CurrentTimesAsync(cancellationToken)), flag);
    }

    /// <summary>
    /// The items a flag and its evidence name, with their codes and whether the actor may open each: the evidence of
    /// copied work names the other unit's item too, which a unit's own people see by its code only.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, EvidenceItem>> EvidenceItemsAsync(SignalFlag flag, CancellationToken cancellationToken = default)
    {
        var ids = flag.Evidence.Select(e => e.ItemId).Append(flag.ItemId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, EvidenceItem>();
        }
        var visible = (await db.Items.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var codes = await db.Items.IgnoreQueryFilters().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Code }).ToListAsync(cancellationToken);
        return codes.ToDictionary(i => i.Id, i => new EvidenceItem(i.Id, i.Code, visible.Contains(i.Id)));
    }

    /// <summary>The kinds flagged now (seen by the current computation, not dismissed) on each of these items, for the ledger's badges.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<(int Id, SignalKind Kind)>>> OnItemsAsync(IReadOnlyCollection<int> itemIds,
        CancellationToken cancellationToken = default)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<(int, SignalKind)>>();
        }
        var flags = await db.Set<SignalFlag>().AsNoTracking()
            .Where(f => f.ItemId != null && itemIds.Contains(f.ItemId.Value) && f.Seen && f.State != SignalState.Dismissed)
            .Select(f => new { f.Id, ItemId = f.ItemId!.Value, f.Kind }).ToListAsync(cancellationToken);
        return flags.GroupBy(f => f.ItemId).ToDictionary(g => g.Key, g => (IReadOnlyList<(int, SignalKind)>)[.. g.OrderBy(f => f.Kind).Select(f => (f.Id, f.Kind))]);
    }

    /// <summary>Flags waiting for the actor's explanation (the unit's head or liaison), newest first.</summary>
    public async Task<IReadOnlyList<SignalRow>> AwaitingAsync(CancellationToken cancellationToken = default) =>
        await RowsAsync(db.Set<SignalFlag>().Where(SignalWorkflow.Table.AwaitingWhere(db.Actor)), cancellationToken);

    /// <summary>Explained flags waiting for a Supervisor's decision.</summary>
    public async Task<IReadOnlyList<SignalRow>> ToDecideAsync(CancellationToken cancellationToken = default) =>
        db.Actor.IsIn(Roles.Supervisor)
            ? await RowsAsync(db.Set<SignalFlag>().Where(f => f.State == SignalState.Explained), cancellationToken)
            : [];

    private async Task<IReadOnlyList<SignalRow>> RowsAsync(IQueryable<SignalFlag> flags, CancellationToken cancellationToken)
    {
        var rows = await flags.AsNoTracking().OrderByDescending(f => f.Id).Take(PageRequest.MaxPageSize).ToListAsync(cancellationToken);
        var units = await directory.AllAsync(db, cancellationToken);
        var current = await CurrentTimesAsync(cancellationToken);
        return [.. rows.Select(f => Row(f, 0, units, current))];
    }

    private IQueryable<FlagSighting> Sighted(int computationId, SignalFilter filter)
    {
        var flags = db.Set<SignalFlag>().AsNoTracking();
        if (filter.UnitId is { } unit)
        {
            flags = flags.Where(f => f.UnitId == unit);
        }
        if (filter.Kind is { } kind)
        {
            flags = flags.Where(f => f.Kind == kind);
        }
        if (filter.State is { } state)
        {
            flags = flags.Where(f => f.State == state);
        }
        if (filter.Undismissed)
        {
            flags = flags.Where(f => f.State != SignalState.Dismissed);
        }
        if (filter.ItemId is { } item)
        {
            flags = flags.Where(f => f.ItemId == item);
        }
        return db.Set<SignalSighting>().Where(s => s.ComputationId == computationId)
            .Join(flags, s => s.FlagId, f => f.Id, (s, f) => new FlagSighting { Flag = f, Sighting = s });
    }

    private static SignalRow Row(SignalFlag f, decimal strength, IReadOnlyDictionary<int, UnitEntry> units, IReadOnlyDictionary<int, DateTime> current) =>
        new(f.Id, f.Kind, f.UnitId, units.TryGetValue(f.UnitId, out var unit) ? unit.Name : string.Empty, f.ItemId, f.ItemCode, strength, f.Evidence,
            f.State, f.FirstSeenAt, SignalFlag.LastSeen(f.LastSeenAt, f.Seen, current.TryGetValue(f.CampaignId, out var at) ? at : null));

    /// <summary>Each campaign's current computation's time (a flag it sees was last seen then).</summary>
    private async Task<IReadOnlyDictionary<int, DateTime>> CurrentTimesAsync(CancellationToken cancellationToken) =>
        await db.Set<SignalComputation>().AsNoTracking().Where(c => c.Current).ToDictionaryAsync(c => c.CampaignId, c => c.AsOf, cancellationToken);

    private async Task<Campaign> DefaultCampaignAsync(CancellationToken cancellationToken) =>
        CampaignService.ShownFirst(await campaigns.AllAsync(cancellationToken)) ?? throw SignalErrors.NoCampaign();

    // Built by member initialisation, which the database's query translation can order and group by.
    private sealed class FlagSighting
    {
        public required SignalFlag Flag { get; init; }
        public required SignalSighting Sighting { get; init; }
    }
}

/// <summary>
/// The boards last drawn, per computation and scope: a computation never changes once made, so its counts stay true
/// until the next one (a decision on a flag clears them, as it moves a count between undismissed and dismissed).
/// </summary>
public sealed class SignalBoardCache
{
    private const int Kept = 64;
    private readonly ConcurrentDictionary<(int, DataScope, string?, int?), SignalBoard> _boards = new();

    internal SignalBoard? Find((int, DataScope, string?, int?) key) => _boards.GetValueOrDefault(key);

    private int _generation;

    /// <summary>Moves on with every decision: a board counted before one is not kept.</summary>
    internal int Generation => Volatile.Read(ref _generation);

    internal SignalBoard Keep((int, DataScope, string?, int?) key, SignalBoard board, int generation)
    {
        if (_boards.Count >= Kept)
        {
            _boards.Clear();
        }
        if (generation == Generation)
        {
            _boards[key] = board;
        }
        return board;
    }

    internal void Clear()
    {
        Interlocked.Increment(ref _generation);
        _boards.Clear();
    }
}
