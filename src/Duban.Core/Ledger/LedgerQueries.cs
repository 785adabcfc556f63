using System.Linq.Expressions;
using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Core.Ledger;

public enum LedgerSort
{
    Newest,
    DueFirst,
    RecentlyUpdated,
}

public sealed record LedgerQuery(
    int? CampaignId = null,
    int? UnitId = null,
    int? CategoryId = null,
    ItemSource? Source = null,
    ItemState? State = null,
    Light? Light = null,
    int? PersonId = null,
    string? Text = null,
    LedgerSort Sort = LedgerSort.Newest,
    DateOnly? FoundFrom = null,
    DateOnly? FoundTo = null,
    DateTime? AsOf = null,
    CutStanding? Standing = null,
    bool UnitOnly = false,
    DateOnly? ClosedFrom = null,
    DateOnly? ClosedTo = null)
{
    /// <summary>Whether the query looks at the ledger as it stood at a cut-off or over a period (a bulletin's figures).</summary>
    public bool IsCut => FoundFrom is not null || FoundTo is not null || AsOf is not null || Standing is not null;
}

/// <summary>
/// One line of a list. <paramref name="DaysLeft"/>: the due date minus today (negative when overdue);
/// <paramref name="Returned"/>: sent back at verification (已退回); <paramref name="ExtensionPending"/>: an extension
/// waits for a decision (延期待审批).
/// </summary>
public sealed record ItemRow(int Id, string Code, ItemState State, int UnitId, string UnitName, Light Light,
    DeadlineKind DeadlineKind, DateOnly DueOn, string Problem, string? ResponsiblePersonName, DateOnly FoundOn,
    ItemSource Source, int UrgeCount, int Version, int DaysLeft = 0, bool Returned = false, bool ExtensionPending = false)
{
    public string StateName => LedgerTerms.Name(State);

    /// <summary>已逾期 N 天 or 剩余 N 天 beside the light.</summary>
    public string? DaysText => LedgerTerms.DaysText(Light, DaysLeft);

    /// <summary>The deadline as a ledger prints it: a date, 立行立改 or 长期坚持.</summary>
    public string Deadline => DeadlineKind == DeadlineKind.Date ? DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : LedgerTerms.Name(DeadlineKind);
}

public sealed record LightCounts(int Red, int Yellow, int Green, int Closed)
{
    public int Total => Red + Yellow + Green + Closed;
}

/// <summary>Reading the ledger within the actor's scope: the filtered, paged list with its light counts.</summary>
public sealed record UnitLights(int UnitId, string UnitName, int Red, int Yellow, int Green, int Closed);

public sealed class LedgerQueries(DubanDb db, TimeProvider clock, IOptions<LedgerOptions> options, LightCountCache cache,
    LightTally tally, Organization.UnitDirectory directory)
{
    public const int TextMaxLength = 100;

    public DateOnly Today => ChinaTime.Today(clock);

    public int YellowDays => options.Value.YellowDays;

    public async Task<Page<ItemRow>> SearchAsync(LedgerQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var items = Filter(query, await SubtreeAsync(query, cancellationToken), withLight: true);
        // Counting a whole ledger is a scan; by unit, state or light alone the tally already knows the number.
        var total = await TallyTotalAsync(query, cancellationToken) ?? await items.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            LedgerSort.DueFirst => items.OrderBy(i => i.DueOn).ThenBy(i => i.Id),
            LedgerSort.RecentlyUpdated => items.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
            _ => items.OrderByDescending(i => i.Id),
        };
        var rows = await ProjectAsync(ordered.Skip(page.Skip).Take(page.PageSize), cancellationToken);
        return new Page<ItemRow>(rows, total, page.PageNumber, page.PageSize);
    }

    /// <summary>Counts per light for the same filters, ignoring the light filter itself (the tabs above the list).</summary>
    public async Task<LightCounts> CountLightsAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        var units = await CountLightsByUnitAsync(query, cancellationToken);
        return new LightCounts(units.Sum(u => u.Red), units.Sum(u => u.Yellow), units.Sum(u => u.Green), units.Sum(u => u.Closed));
    }

    /// <summary>
    /// Counts per unit and light (the dashboard's table). By unit alone they come from the in-memory tally; with
    /// other filters, or for a member's own items, from a grouped query cached briefly per scope, filter and day.
    /// </summary>
    public async Task<IReadOnlyList<UnitLights>> CountLightsByUnitAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        var actor = db.Actor;
        if (query.State is null && await TallyCoversAsync(query, cancellationToken))
        {
            return await FromTallyAsync(query.UnitId, cancellationToken);
        }
        var lastChange = await db.LastChangeSeenAsync(cancellationToken);
        var key = $"{lastChange}|{actor.Scope}|{actor.UnitId}|{actor.PersonId}|{query with { Light = null, Sort = LedgerSort.Newest }}|{Today}|{YellowDays}";
        return await cache.GetOrAddAsync(key, async () =>
        {
            var buckets = await Filter(query, await SubtreeAsync(query, cancellationToken), withLight: false)
                .Select(LightRule.OfItem(Today, YellowDays))
                .GroupBy(p => new { p.UnitId, p.Light })
                .Select(g => new { g.Key.UnitId, g.Key.Light, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var unitIds = buckets.Select(b => b.UnitId).Distinct().ToList();
            var names = await db.Units.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
            IReadOnlyList<UnitLights> rows = [.. buckets.GroupBy(b => b.UnitId).Select(g => new UnitLights(g.Key,
                    names.GetValueOrDefault(g.Key, string.Empty),
                    g.Where(b => b.Light == Light.Red).Sum(b => b.Count), g.Where(b => b.Light == Light.Yellow).Sum(b => b.Count),
                    g.Where(b => b.Light == Light.Green).Sum(b => b.Count), g.Where(b => b.Light == Light.None).Sum(b => b.Count)))
                .OrderBy(u => u.UnitName, StringComparer.Ordinal)];
            return rows;
        });
    }

    /// <summary>
    /// Counts per state for the same filters, ignoring the state and light filters (the dashboard's states). By unit alone
    /// they come from the tally; otherwise from a grouped query cached briefly per scope, filter and last change.
    /// </summary>
    public async Task<IReadOnlyDictionary<ItemState, int>> CountStatesAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        query = query with { State = null, Light = null, Sort = LedgerSort.Newest };
        if (await TallyCoversAsync(query, cancellationToken))
        {
            var visible = await VisibleUnitsAsync(query.UnitId, cancellationToken);
            return Enum.GetValues<ItemState>().ToDictionary(s => s, s => tally.CountInState(s, visible.ContainsKey));
        }
        var actor = db.Actor;
        var lastChange = await db.LastChangeSeenAsync(cancellationToken);
        var key = $"states|{lastChange}|{actor.Scope}|{actor.UnitId}|{actor.PersonId}|{query}|{Today}";
        return await cache.GetOrAddAsync<IReadOnlyDictionary<ItemState, int>>(key, async () =>
        {
            var counts = await Filter(query, await SubtreeAsync(query, cancellationToken), withLight: false)
                .GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return Enum.GetValues<ItemState>().ToDictionary(s => s, s => counts.Where(c => c.State == s).Sum(c => c.Count));
        });
    }

    /// <summary>Items waiting for the actor (我的待办): those an action of which the transition table marks as awaiting them.</summary>
    public async Task<Page<ItemRow>> MyWorkAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var actor = db.Actor;
        var items = db.Items.AsNoTracking().Where(LedgerWorkflow.Table.AwaitingWhere(actor))
            .Where(i => db.Set<Campaign>().Any(c => c.Id == i.CampaignId && c.ClosedAt == null));
        var total = await items.CountAsync(cancellationToken);
        var rows = await ProjectAsync(items.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Skip(page.Skip).Take(page.PageSize),
            cancellationToken);
        return new Page<ItemRow>(rows, total, page.PageNumber, page.PageSize);
    }

    /// <summary>
    /// The tally answers for whole units, and only while it has seen every write; any other filter, or a member's own
    /// items, needs the database.
    /// </summary>
    private async Task<bool> TallyCoversAsync(LedgerQuery query, CancellationToken cancellationToken) =>
        tally.IsReady && db.Actor.Scope is DataScope.All or DataScope.UnitAndBelow or DataScope.Unit
        && query is { CampaignId: null, CategoryId: null, Source: null, PersonId: null, IsCut: false, UnitOnly: false, ClosedFrom: null, ClosedTo: null }
        && string.IsNullOrWhiteSpace(query.Text)
        && tally.IsCurrent(await db.LastChangeSeenAsync(cancellationToken));

    /// <summary>The list's total from the tally when it can say it, else null (then the database counts).</summary>
    private async Task<int?> TallyTotalAsync(LedgerQuery query, CancellationToken cancellationToken)
    {
        if ((query.State is not null && query.Light is not null) || !await TallyCoversAsync(query, cancellationToken))
        {
            return null;
        }
        if (query.State is { } state)
        {
            var visible = await VisibleUnitsAsync(query.UnitId, cancellationToken);
            return tally.CountInState(state, visible.ContainsKey);
        }
        return TotalOf(await FromTallyAsync(query.UnitId, cancellationToken), query.Light);
    }

    private async Task<Dictionary<int, string>> VisibleUnitsAsync(int? unitId, CancellationToken cancellationToken)
    {
        var subtree = await SubtreeAsync(unitId, cancellationToken);
        return (await directory.AllAsync(db, cancellationToken)).Values
            .Where(u => db.Actor.Sees(u.Id, u.Path) && (subtree is null || subtree.Contains(u.Id)))
            .ToDictionary(u => u.Id, u => u.Name);
    }

    private static int TotalOf(IReadOnlyList<UnitLights> units, Light? light) => light switch
    {
        Light.Red => units.Sum(u => u.Red),
        Light.Yellow => units.Sum(u => u.Yellow),
        Light.Green => units.Sum(u => u.Green),
        Light.None => units.Sum(u => u.Closed),
        _ => units.Sum(u => u.Red + u.Yellow + u.Green + u.Closed),
    };

    private async Task<IReadOnlyList<UnitLights>> FromTallyAsync(int? unitId, CancellationToken cancellationToken)
    {
        var visible = await VisibleUnitsAsync(unitId, cancellationToken);
        var counts = tally.CountByUnit(Today, YellowDays, visible.ContainsKey);
        return [.. counts.Select(c => new UnitLights(c.Key, visible[c.Key], c.Value.Red, c.Value.Yellow, c.Value.Green, c.Value.Closed))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The ids of the unit filter's subtree. Filtering by id list (not by path prefix) lets both databases use the
    /// (UnitId, State, Id) index. A unit outside the actor's scope is not found (404), not silently empty.
    /// </summary>
    private async Task<List<int>?> SubtreeAsync(LedgerQuery query, CancellationToken cancellationToken)
    {
        var ids = await SubtreeAsync(query.UnitId, cancellationToken);
        return query.UnitOnly && ids is not null ? [query.UnitId!.Value] : ids;
    }

    private async Task<List<int>?> SubtreeAsync(int? unitId, CancellationToken cancellationToken)
    {
        if (unitId is null)
        {
            return null;
        }
        var units = await directory.AllAsync(db, cancellationToken);
        var actor = db.Actor;
        // A unit outside the scope is not found either, so a filter cannot confirm that it exists.
        if (!units.TryGetValue(unitId.Value, out var unit) || !actor.Sees(unit.Id, unit.Path))
        {
            throw Organization.OrganizationErrors.UnitNotFound(unitId.Value);
        }
        return [.. units.Values.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal) && actor.Sees(u.Id, u.Path)).Select(u => u.Id)];
    }

    /// <summary>The items the list shows for these filters, within the actor's scope (for the export).</summary>
    internal async Task<IQueryable<RectificationItem>> FilteredAsync(LedgerQuery query, CancellationToken cancellationToken) =>
        Filter(query, await SubtreeAsync(query, cancellationToken), withLight: true);

    internal IQueryable<RectificationItem> Filter(LedgerQuery query, List<int>? unitIds, bool withLight)
    {
        var items = db.Items.AsNoTracking();
        if (query.CampaignId is { } campaign)
        {
            items = items.Where(i => i.CampaignId == campaign);
        }
        if (unitIds is not null)
        {
            items = unitIds.Count == 1
                ? items.Where(i => i.UnitId == unitIds[0])
                : items.Where(i => unitIds.Contains(i.UnitId));
        }
        if (query.CategoryId is { } category)
        {
            items = items.Where(i => i.Categories.Any(c => c.CatalogEntryId == category));
        }
        if (query.Source is { } source)
        {
            items = items.Where(i => i.Source == source);
        }
        if (query.State is { } state)
        {
            items = items.Where(i => i.State == state);
        }
        if (query.PersonId is { } person)
        {
            items = items.Where(i => i.ResponsiblePersonId == person || i.LeaderPersonId == person);
        }
        var text = Check.OptionalText(query.Text, "搜索内容", TextMaxLength);
        if (text is not null)
        {
            items = items.Where(i => i.Problem.Contains(text) || i.MeasuresText.Contains(text) || i.Code == text);
        }
        // Closed on a China day in the range (the dashboard's closures per week); open items have no such day.
        if (query.ClosedFrom is { } closedFrom)
        {
            items = items.Where(i => i.ClosedOn >= closedFrom);
        }
        if (query.ClosedTo is { } closedTo)
        {
            items = items.Where(i => i.ClosedOn <= closedTo);
        }
        if (withLight && query.Light is { } light)
        {
            items = items.Where(LightRule.Is(light, Today, YellowDays));
        }
        return query.IsCut ? ItemCut.Apply(items, query, clock) : items;
    }

    /// <summary>
    /// Fetches a page of rows in one query. Unit names come from the unit directory; the responsible person's name
    /// is read under the people filter, so a name outside the actor's scope shows as unknown rather than leaking.
    /// </summary>
    private async Task<List<ItemRow>> ProjectAsync(IQueryable<RectificationItem> items, CancellationToken cancellationToken)
    {
        var today = Today;
        var yellowDays = YellowDays;
        // One query: the 已退回 rule is spliced into the projection (EF Core does not inline an invoked lambda). The
        // unit's name, the light and the days left are filled in memory from the directory and the clock.
        Expression<Func<RectificationItem, bool, ItemRow>> columns = (i, returned) => new ItemRow(i.Id, i.Code, i.State, i.UnitId,
            string.Empty, Light.None, i.DeadlineKind, i.DueOn, i.Problem,
            db.People.Where(p => p.Id == i.ResponsiblePersonId).Select(p => p.Name).FirstOrDefault(),
            i.FoundOn, i.Source, i.UrgeCount, i.Version, 0, returned, i.PendingExtensionDueOn != null);
        var item = columns.Parameters[0];
        var projection = Expression.Lambda<Func<RectificationItem, ItemRow>>(
            Expressions.Apply(columns, item, Expressions.Apply(RectificationItem.IsReturned, item)), item);
        var rows = await items.Select(projection).ToListAsync(cancellationToken);
        var units = await directory.AllAsync(db, cancellationToken);
        return [.. rows.Select(r => r with
        {
            UnitName = units.TryGetValue(r.UnitId, out var unit) ? unit.Name : string.Empty,
            Light = LightRule.Of(r.State == ItemState.Closed, r.DeadlineKind, r.DueOn, today, yellowDays),
            DaysLeft = r.DueOn.DayNumber - today.DayNumber,
        })];
    }
}
