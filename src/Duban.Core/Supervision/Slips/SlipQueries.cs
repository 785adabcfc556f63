using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Core.Supervision.Slips;

/// <summary>The list's filters; <paramref name="State"/> as it stands today.</summary>
public sealed record SlipFilter(int? UnitId = null, SlipColour? Colour = null, SlipState? State = null);

/// <summary>One line of the slip list.</summary>
public sealed record SlipRow(int Id, string Number, int UnitId, string UnitName, SlipColour Colour, int ItemCount,
    DateOnly ReplyDueOn, DateTime IssuedAt, SlipState State, bool Acknowledged)
{
    public string ColourName => Colour.Name();

    public string StateName => State.Name();
}

/// <summary>How many items of a unit qualify today, by colour.</summary>
public sealed record ProposalLine(int UnitId, string UnitName, int Blue, int Yellow, int Red)
{
    public int Total => Blue + Yellow + Red;
}

/// <summary>How many of a unit's items qualify today in one colour.</summary>
public sealed record ProposalCount(int UnitId, SlipColour Colour, int Count);

/// <summary>An item that qualifies today, as the issuing page offers it.</summary>
public sealed record SlipCandidateRow(int ItemId, string Code, string Problem, DateOnly DueOn, int OverdueDays, SlipColour Colour, bool HadSlip)
{
    public string ColourName => Colour.Name();
}

/// <summary>Reading slips within the actor's scope, and the proposal of what qualifies today.</summary>
public sealed class SlipQueries(DubanDb db, TimeProvider clock, IOptions<LedgerOptions> ledger, IOptions<SupervisionOptions> options,
    WorkCalendar calendar, UnitDirectory directory)
{
    /// <summary>At most this many candidates of one unit are offered at once (the most overdue first).</summary>
    public const int MaxCandidates = 200;

    public DateOnly Today => ChinaTime.Today(clock);

    public SlipDays Days => SlipDays.Of(Today, ledger.Value.YellowDays, options.Value.RedAfterDays, calendar);

    public string NumberOf(UrgeSlip slip) => options.Value.SlipNumber(slip.Year, slip.Number);

    public string OfficeName => options.Value.OfficeName;

    public async Task<Page<SlipRow>> ListAsync(SlipFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var slips = db.Set<UrgeSlip>().AsNoTracking();
        if (filter.UnitId is { } unit)
        {
            slips = slips.Where(s => s.UnitId == unit);
        }
        if (filter.Colour is { } colour)
        {
            slips = slips.Where(s => s.Colour == colour);
        }
        var today = Today;
        if (filter.State is { } state)
        {
            slips = slips.Where(UrgeSlip.InState(state, today));
        }
        var total = await slips.CountAsync(cancellationToken);
        var rows = await slips.OrderByDescending(s => s.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(s => new { Slip = s, Count = s.Items.Count }).ToListAsync(cancellationToken);
        return new Page<SlipRow>([.. rows.Select(r => Row(r.Slip, r.Count, today))], total, page.PageNumber, page.PageSize);
    }

    /// <summary>Slips waiting for the actor to sign for or answer (我的待办), the earliest reply deadline first.</summary>
    public async Task<IReadOnlyList<SlipRow>> AwaitingAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var rows = await db.Set<UrgeSlip>().AsNoTracking().Where(UrgeSlipWorkflow.Table.AwaitingWhere(db.Actor))
            .OrderBy(s => s.ReplyDueOn).ThenBy(s => s.Id).Take(PageRequest.MaxPageSize)
            .Select(s => new { Slip = s, Count = s.Items.Count }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Row(r.Slip, r.Count, today))];
    }

    public async Task<UrgeSlip> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<UrgeSlip>().AsNoTracking().Include(s => s.Items.OrderBy(i => i.Id))
            .FindInScopeAsync(id, SlipErrors.NotFound, cancellationToken);

    /// <summary>
    /// The items that qualify today, counted by unit and colour: one grouped query over the open items with a due date
    /// up to the end of the yellow window (the (State, DueOn, DeadlineKind) index), each asking the slip items' ItemId
    /// index whether it had a slip.
    /// </summary>
    public async Task<IReadOnlyList<ProposalLine>> ProposalAsync(CancellationToken cancellationToken = default)
    {
        var counts = await ProposalCounts().ToListAsync(cancellationToken);
        var units = await directory.AllAsync(db, cancellationToken);
        return [.. counts.GroupBy(c => c.UnitId)
            .Select(g => new ProposalLine(g.Key, units.TryGetValue(g.Key, out var unit) ? unit.Name : "—",
                g.Where(c => c.Colour == SlipColour.Blue).Sum(c => c.Count), g.Where(c => c.Colour == SlipColour.Yellow).Sum(c => c.Count),
                g.Where(c => c.Colour == SlipColour.Red).Sum(c => c.Count)))
            .OrderByDescending(l => l.Red).ThenByDescending(l => l.Yellow).ThenByDescending(l => l.Blue).ThenBy(l => l.UnitName, StringComparer.Ordinal)];
    }

    /// <summary>The proposal's one query: qualifying items counted by unit and colour (the bench shows its SQL and plan).</summary>
    public IQueryable<ProposalCount> ProposalCounts() =>
        ScopedItems.AsNoTracking().Where(SlipColourRule.Qualifying(Days)).Select(UnitColourOf())
            .GroupBy(x => new { x.UnitId, x.Colour })
            .Select(g => new ProposalCount(g.Key.UnitId, g.Key.Colour, g.Count()));

    /// <summary>The qualifying items of one unit, the most overdue first.</summary>
    public async Task<IReadOnlyList<SlipCandidateRow>> CandidatesAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var days = Days;
        var slipItems = db.Set<UrgeSlipItem>();
        var rows = await db.Items.AsNoTracking().Where(SlipColourRule.Qualifying(days)).Where(i => i.UnitId == unitId)
            .OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(MaxCandidates)
            .Select(i => new { i.Id, i.Code, i.Problem, i.DueOn, HadSlip = slipItems.Any(s => s.ItemId == i.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SlipCandidateRow(r.Id, r.Code, r.Problem, r.DueOn,
            r.DueOn < days.Today ? calendar.WorkdaysBetween(r.DueOn, days.Today) : 0, SlipColourRule.Of(r.DueOn, r.HadSlip, days), r.HadSlip))];
    }

    // For an actor who sees every unit the scope filter holds for every item, but its columns would keep the proposal
    // from being answered by the (State, DeadlineKind, DueOn, UnitId) index alone: at 1,000,000 items, 0.6 s against 0.1 s.
    private IQueryable<RectificationItem> ScopedItems => db.Actor.Scope == Accounts.DataScope.All ? db.Items.IgnoreQueryFilters() : db.Items;

    private SlipRow Row(UrgeSlip slip, int itemCount, DateOnly today) =>
        new(slip.Id, NumberOf(slip), slip.UnitId, slip.UnitName, slip.Colour, itemCount, slip.ReplyDueOn, slip.IssuedAt, slip.StateOn(today),
            slip.AcknowledgedAt is not null);

    /// <summary>Each qualifying item's unit and colour, as a database projection.</summary>
    private Expression<Func<RectificationItem, UnitColour>> UnitColourOf()
    {
        var slipItems = db.Set<UrgeSlipItem>();
        Expression<Func<RectificationItem, bool>> hadSlip = i => slipItems.Any(s => s.ItemId == i.Id);
        var item = hadSlip.Parameters[0];
        var colour = Expressions.Apply(SlipColourRule.Colour(Days), Expression.Property(item, nameof(RectificationItem.DueOn)), hadSlip.Body);
        return Expression.Lambda<Func<RectificationItem, UnitColour>>(Expression.MemberInit(Expression.New(typeof(UnitColour)),
            Expression.Bind(typeof(UnitColour).GetProperty(nameof(UnitColour.UnitId))!, Expression.Property(item, nameof(RectificationItem.UnitId))),
            Expression.Bind(typeof(UnitColour).GetProperty(nameof(UnitColour.Colour))!, colour)), item);
    }

    private sealed class UnitColour
    {
        public int UnitId { get; init; }
        public SlipColour Colour { get; init; }
    }
}
