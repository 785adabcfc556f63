using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Supervision.Inspections;

/// <summary>What the inspections list is filtered by; empty means any.</summary>
public sealed record InspectionQuery(InspectionKind? Kind = null, InspectionState? State = null, int? UnitId = null, DateOnly? From = null,
    DateOnly? To = null, int? CampaignId = null);

/// <summary>A row of the inspections list, as the actor's scope shows it (a unit sees its own findings only).</summary>
public sealed record InspectionRow(int Id, string Code, InspectionKind Kind, string Title, DateOnly PlannedOn, InspectionState State,
    IReadOnlyList<string> Units, int Findings, int Items)
{
    public string KindName => InspectionTerms.Name(Kind);
    public string StateName => InspectionTerms.Name(State);
}

/// <summary>Reads of inspections for lists and 我的待办, through the scope filter (a sealed visit is not there for units).</summary>
public sealed class InspectionQueries(DubanDb db)
{
    /// <summary>Published, and every item its findings became is closed: the inspection reads as 已完结.</summary>
    private static readonly Expression<Func<Inspection, bool>> Done =
        i => i.PublishedAt != null && i.Findings.All(f => f.Item != null && f.Item.State == ItemState.Closed);

    public async Task<Page<InspectionRow>> ListAsync(InspectionQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var inspections = Filtered(query);
        var total = await inspections.CountAsync(cancellationToken);
        var rows = await inspections.OrderByDescending(i => i.PlannedOn).ThenByDescending(i => i.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(i => new
            {
                i.Id, i.Code, i.Kind, i.Title, i.PlannedOn, i.State,
                Units = i.Targets.OrderBy(t => t.Id).Select(t => t.UnitName).ToList(),
                Findings = i.Findings.Count,
                Items = i.Findings.Count(f => f.ItemId != null),
            })
            .ToListAsync(cancellationToken);
        // 已完结 asked of the one rule, for the page's published rows only.
        var published = rows.Where(r => r.State == InspectionState.Published).Select(r => r.Id).ToList();
        var done = published.Count == 0 ? [] : await db.Set<Inspection>().Where(i => published.Contains(i.Id)).Where(Done)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        return new Page<InspectionRow>([.. rows.Select(r => new InspectionRow(r.Id, r.Code, r.Kind, r.Title, r.PlannedOn,
            done.Contains(r.Id) ? InspectionState.Closed : r.State, r.Units, r.Findings, r.Items))], total, page.PageNumber, page.PageSize);
    }

    /// <summary>Whether the inspection reads as 已完结 (its state column stops at 已发布).</summary>
    public Task<bool> IsDoneAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<Inspection>().Where(i => i.Id == id).AnyAsync(Done, cancellationToken);

    /// <summary>The inspection of a finding the actor may see; null for one they may not.</summary>
    public async Task<int?> InspectionOfAsync(int findingId, CancellationToken cancellationToken = default) =>
        await db.Set<InspectionFinding>().Where(f => f.Id == findingId).Select(f => (int?)f.InspectionId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The 回头看 made from a draw, if any.</summary>
    public async Task<(int Id, string Code)?> RevisitOfAsync(int drawId, CancellationToken cancellationToken = default) =>
        await db.Set<Inspection>().Where(i => i.DrawId == drawId).Select(i => new { i.Id, i.Code }).FirstOrDefaultAsync(cancellationToken)
            is { } revisit ? (revisit.Id, revisit.Code) : null;

    /// <summary>Findings of announced inspections that wait for the actor's answer (说明/申辩).</summary>
    public async Task<IReadOnlyList<FindingToAnswer>> ToAnswerAsync(CancellationToken cancellationToken = default) =>
        await db.Set<InspectionFinding>().Where(InspectionWorkflow.Findings.AwaitingWhere(db.Actor))
            .OrderBy(f => f.InspectionId).ThenBy(f => f.Id).Take(50)
            .Select(f => new FindingToAnswer(f.Id, f.InspectionId, f.Inspection!.Code, f.Inspection.Title, f.UnitName, f.Problem))
            .ToListAsync(cancellationToken);

    private IQueryable<Inspection> Filtered(InspectionQuery query)
    {
        var inspections = db.Set<Inspection>().AsNoTracking();
        if (query.Kind is { } kind)
        {
            inspections = inspections.Where(i => i.Kind == kind);
        }
        if (query.State is InspectionState.Closed)
        {
            inspections = inspections.Where(Done);
        }
        else if (query.State is InspectionState.Published)
        {
            inspections = inspections.Where(i => i.State == InspectionState.Published).Where(Negate(Done));
        }
        else if (query.State is { } state)
        {
            inspections = inspections.Where(i => i.State == state);
        }
        if (query.UnitId is { } unitId)
        {
            inspections = inspections.Where(i => i.Targets.Any(t => t.UnitId == unitId));
        }
        if (query.From is { } from)
        {
            inspections = inspections.Where(i => i.PlannedOn >= from);
        }
        if (query.To is { } to)
        {
            inspections = inspections.Where(i => i.PlannedOn <= to);
        }
        if (query.CampaignId is { } campaignId)
        {
            inspections = inspections.Where(i => i.CampaignId == campaignId);
        }
        return inspections;
    }

    private static Expression<Func<Inspection, bool>> Negate(Expression<Func<Inspection, bool>> condition) =>
        Expression.Lambda<Func<Inspection, bool>>(Expression.Not(condition.Body), condition.Parameters);
}

/// <summary>A finding waiting for its unit's answer, for 我的待办.</summary>
public sealed record FindingToAnswer(int Id, int InspectionId, string Code, string Title, string UnitName, string Problem);
