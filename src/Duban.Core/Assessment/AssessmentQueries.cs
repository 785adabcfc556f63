using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Supervision.Draws;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Assessment;

public sealed record RunRow(int Id, string Title, string CampaignName, DateOnly From, DateOnly To, DateTime CutOff, RunState State,
    string SchemeName, int SchemeVersion, int UnitCount, bool NoData, DateTime? PublishedAt, DateOnly? AppealDueOn);

/// <summary>A line as it counts now: computed points, or the upheld appeal's, with the events behind it.</summary>
public sealed record ResultLine(string Indicator, string Name, bool Enabled, decimal Points, decimal Computed, decimal Uncapped, int Count,
    IReadOnlyList<ScoreEvent> Events, string? Veto, int? CorrectedBy);

/// <summary>A unit's result with its lines, approved adjustments and the appeals and proposals about it.</summary>
public sealed record ResultView(AssessmentResult Result, IReadOnlyList<ResultLine> Lines, IReadOnlyList<AssessmentAdjustment> Adjustments,
    IReadOnlyList<AssessmentAppeal> Appeals)
{
    public IEnumerable<AssessmentAdjustment> Approved => Adjustments.Where(a => a.State == ReviewState.Approved);
}

/// <summary>An event as a page shows it: what it is and where it opens.</summary>
public sealed record EventLink(ScoreEvent Event, string Href);

public sealed record AssessmentWork(string Href, string What, string Unit, string Title);

/// <summary>
/// Reading results. Before publication a result is seen within the reader's scope only (a unit head: the own
/// tree); once published, the ranking and every breakdown are open to all signed in, so anyone can recount them.
/// Adjustments and appeals stay within scope.
/// </summary>
public sealed class AssessmentQueries(DubanDb db)
{
    public async Task<Page<RunRow>> RunsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var runs = db.Set<AssessmentRun>().AsNoTracking();
        var total = await runs.CountAsync(cancellationToken);
        var rows = await runs.OrderByDescending(r => r.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new RunRow(r.Id, r.Title, r.CampaignName, r.FromDate, r.ToDate, r.CutOff, r.State, r.SchemeName, r.SchemeVersion,
                r.UnitCount, r.NoData, r.PublishedAt, r.AppealDueOn))
            .ToListAsync(cancellationToken);
        return new Page<RunRow>(rows, total, page.PageNumber, page.PageSize);
    }

    public async Task<Page<AssessmentScheme>> SchemesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var schemes = db.Set<AssessmentScheme>().AsNoTracking();
        var total = await schemes.CountAsync(cancellationToken);
        var rows = await schemes.OrderByDescending(s => s.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<AssessmentScheme>(rows, total, page.PageNumber, page.PageSize);
    }

    public async Task<AssessmentScheme> SchemeAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<AssessmentScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw AssessmentErrors.SchemeNotFound(id);

    public async Task<AssessmentRun> RunAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<AssessmentRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw AssessmentErrors.RunNotFound(id);

    /// <summary>The campaign's newest published run, for the dashboard's ranking.</summary>
    public Task<AssessmentRun?> LatestPublishedAsync(int campaignId, CancellationToken cancellationToken = default) =>
        db.Set<AssessmentRun>().AsNoTracking().Where(r => r.State == RunState.Published && r.CampaignId == campaignId)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<AssessmentResult> Visible(AssessmentRun run) =>
        (run.IsPublished ? db.Set<AssessmentResult>().IgnoreQueryFilters() : db.Set<AssessmentResult>()).AsNoTracking().Where(r => r.RunId == run.Id);

    /// <summary>The results the reader may see, by rank.</summary>
    public async Task<IReadOnlyList<AssessmentResult>> ResultsAsync(AssessmentRun run, CancellationToken cancellationToken = default) =>
        await Visible(run).OrderBy(r => r.Rank).ThenBy(r => r.UnitName).ToListAsync(cancellationToken);

    /// <summary>Every visible result with its lines, adjustments and appeals (the API's run and the export).</summary>
    public async Task<IReadOnlyList<ResultView>> ResultViewsAsync(AssessmentRun run, CancellationToken cancellationToken = default)
    {
        var results = await Visible(run).Include(r => r.Breakdown).OrderBy(r => r.Rank).ThenBy(r => r.UnitName).ToListAsync(cancellationToken);
        var adjustments = (await AdjustmentsAsync(run, a => a.RunId == run.Id, cancellationToken)).ToLookup(a => a.ResultId);
        var appeals = (await AppealsAsync(run, a => a.RunId == run.Id, cancellationToken)).ToLookup(a => a.ResultId);
        return [.. results.Select(r => View(r, [.. adjustments[r.Id]], [.. appeals[r.Id]]))];
    }

    public async Task<(AssessmentRun Run, ResultView View)> ResultAsync(int resultId, CancellationToken cancellationToken = default)
    {
        var runId = await db.Set<AssessmentResult>().IgnoreQueryFilters().Where(r => r.Id == resultId).Select(r => (int?)r.RunId).FirstOrDefaultAsync(cancellationToken)
                    ?? throw AssessmentErrors.ResultNotFound(resultId);
        var run = await RunAsync(runId, cancellationToken);
        var result = await Visible(run).Include(r => r.Breakdown).FirstOrDefaultAsync(r => r.Id == resultId, cancellationToken)
                     ?? throw AssessmentErrors.ResultNotFound(resultId);
        var adjustments = await AdjustmentsAsync(run, a => a.ResultId == resultId, cancellationToken);
        var appeals = await AppealsAsync(run, a => a.ResultId == resultId, cancellationToken);
        return (run, View(result, adjustments, appeals));
    }

    // A published result must add up for every reader: its approved adjustments and upheld appeals are shown to all;
    // the rest (proposals, pending or refused appeals) stay within the unit's scope.
    private async Task<List<AssessmentAdjustment>> AdjustmentsAsync(AssessmentRun run, System.Linq.Expressions.Expression<Func<AssessmentAdjustment, bool>> which,
        CancellationToken cancellationToken)
    {
        var scoped = await db.Set<AssessmentAdjustment>().AsNoTracking().Where(which).ToListAsync(cancellationToken);
        var counted = run.IsPublished
            ? await db.Set<AssessmentAdjustment>().IgnoreQueryFilters().AsNoTracking().Where(which).Where(a => a.State == ReviewState.Approved).ToListAsync(cancellationToken)
            : [];
        return [.. scoped.Concat(counted).DistinctBy(a => a.Id).OrderBy(a => a.Id)];
    }

    private async Task<List<AssessmentAppeal>> AppealsAsync(AssessmentRun run, System.Linq.Expressions.Expression<Func<AssessmentAppeal, bool>> which,
        CancellationToken cancellationToken)
    {
        var scoped = await db.Set<AssessmentAppeal>().AsNoTracking().Where(which).ToListAsync(cancellationToken);
        var counted = run.IsPublished
            ? await db.Set<AssessmentAppeal>().IgnoreQueryFilters().AsNoTracking().Where(which).Where(a => a.State == ReviewState.Approved).ToListAsync(cancellationToken)
            : [];
        return [.. scoped.Concat(counted).DistinctBy(a => a.Id).OrderBy(a => a.Id)];
    }

    private static ResultView View(AssessmentResult result, IReadOnlyList<AssessmentAdjustment> adjustments, IReadOnlyList<AssessmentAppeal> appeals) =>
        new(result, [.. result.Breakdown!.Lines.Select(line =>
        {
            var upheld = appeals.Where(a => a.Indicator == line.Indicator && a.State == ReviewState.Approved).OrderBy(a => a.Id).LastOrDefault();
            return new ResultLine(line.Indicator, line.Name, line.Enabled, upheld?.CorrectedPoints ?? line.Points, line.Points, line.Uncapped,
                line.Count, line.Events, upheld is not null && line.Veto is not null ? null : line.Veto, upheld?.Id);
        })], adjustments, appeals);

    /// <summary>Where each event opens: the item, the draw of the check, the slip, the bulletin, the flag.</summary>
    public async Task<IReadOnlyList<EventLink>> LinksAsync(IReadOnlyList<ScoreEvent> events, CancellationToken cancellationToken = default)
    {
        var checkIds = events.Where(e => e.RecordType == ScoreRecords.Check).Select(e => e.RecordId).Distinct().ToList();
        var draws = checkIds.Count == 0
            ? []
            : await db.Set<DrawCheck>().AsNoTracking().Where(c => checkIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DrawId, cancellationToken);
        return [.. events.Select(e => new EventLink(e, Href(e, draws)))];
    }

    public static string Href(ScoreEvent e, IReadOnlyDictionary<int, int> drawOfCheck) => e.RecordType switch
    {
        ScoreRecords.Item => $"/ledger/{e.RecordId}",
        ScoreRecords.Check => drawOfCheck.TryGetValue(e.RecordId, out var draw) ? $"/supervision/draws/{draw}" : "/supervision/draws",
        ScoreRecords.Slip => $"/supervision/slips/{e.RecordId}",
        ScoreRecords.Signal => $"/signals/{e.RecordId}",
        _ => $"/bulletins/{e.RecordId}",
    };

    /// <summary>The result an adjustment is about (its page), within the reader's scope.</summary>
    public Task<int?> ResultOfAdjustmentAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<AssessmentAdjustment>().Where(a => a.Id == id).Select(a => (int?)a.ResultId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The result an appeal is about (its page), within the reader's scope.</summary>
    public Task<int?> ResultOfAppealAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<AssessmentAppeal>().Where(a => a.Id == id).Select(a => (int?)a.ResultId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What waits for the reader: runs to publish, adjustments to decide, appeals to handle.</summary>
    public async Task<IReadOnlyList<AssessmentWork>> AwaitingAsync(CancellationToken cancellationToken = default)
    {
        var actor = db.Actor;
        var runs = await db.Set<AssessmentRun>().AsNoTracking().Where(AssessmentWorkflow.Runs.AwaitingWhere(actor)).OrderBy(r => r.Id)
            .Take(PageRequest.MaxPageSize).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken);
        var adjustments = await db.Set<AssessmentAdjustment>().AsNoTracking().Where(AssessmentWorkflow.Adjustments.AwaitingWhere(actor))
            .Where(a => a.ProposedByUserId == null || a.ProposedByUserId != actor.UserId)
            .OrderBy(a => a.Id).Take(PageRequest.MaxPageSize).Select(a => new { a.ResultId, a.UnitName, a.Points }).ToListAsync(cancellationToken);
        var appeals = await db.Set<AssessmentAppeal>().AsNoTracking().Where(AssessmentWorkflow.Appeals.AwaitingWhere(actor))
            .OrderBy(a => a.Id).Take(PageRequest.MaxPageSize).Select(a => new { a.ResultId, a.UnitName, a.IndicatorName }).ToListAsync(cancellationToken);
        return
        [
            .. runs.Select(r => new AssessmentWork($"/assessment/{r.Id}", "发布", "—", r.Title)),
            .. adjustments.Select(a => new AssessmentWork($"/assessment/results/{a.ResultId}", "审批分值调整", a.UnitName, $"调整 {Points.Text(a.Points)} 分")),
            .. appeals.Select(a => new AssessmentWork($"/assessment/results/{a.ResultId}", "处理申诉", a.UnitName, $"申诉指标：{a.IndicatorName}")),
        ];
    }
}

/// <summary>Points as people read them: +1, −0.5, 0.</summary>
public static class Points
{
    public static string Text(decimal points) => points switch
    {
        > 0 => "+" + Number(points),
        < 0 => "−" + Number(-points),
        _ => "0",
    };

    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
