using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Core.Assessment;

/// <summary>What to compute: a campaign's period as of a cut-off (default now), on a scheme version (default the newest).</summary>
/// <remarks>The cut-off defaults to the period's end, or now while the period runs.</remarks>
public sealed record RunRequest(int? Campaign, DateOnly? From, DateOnly? To, DateTimeOffset? CutOff, int? Scheme);

/// <summary>
/// Computes, publishes and corrects assessment results. Every change goes through the workflow path (role, state,
/// version, the entity's own method, one save with its audit events); a change of any total re-ranks the run.
/// </summary>
public sealed class AssessmentService(DubanDb db, TimeProvider clock, AssessmentFactsQuery facts, WorkCalendar calendar, EvidenceStore files,
    IOptions<AssessmentOptions> options)
{
    public async Task<AssessmentRun> ComputeAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(AssessmentPermissions.Manage);
        var campaignId = request.Campaign ?? throw AssessmentErrors.CampaignRequired();
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
                       ?? throw AssessmentErrors.CampaignNotFound(campaignId);
        if (request.From is not { } from || request.To is not { } to)
        {
            throw AssessmentErrors.PeriodRequired();
        }
        Check.Date(from, "考核期间开始日期", "from");
        Check.Date(to, "考核期间结束日期", "to");
        if (to < from)
        {
            throw AssessmentErrors.EndBeforeStart();
        }
        if (to > from.AddYears(1).AddDays(-1))
        {
            throw AssessmentErrors.PeriodTooLong();
        }
        var now = clock.GetUtcNow();
        // By default the period's last second, or now while the period runs: a past period is scored as it stood then.
        var periodEnd = ChinaTime.StartOfDayUtc(to.AddDays(1)).AddSeconds(-1);
        var cutOff = request.CutOff?.UtcDateTime ?? (periodEnd < now.UtcDateTime ? periodEnd : now.UtcDateTime);
        if (cutOff > now.UtcDateTime)
        {
            throw AssessmentErrors.CutOffInFuture();
        }
        if (cutOff < ChinaTime.StartOfDayUtc(from))
        {
            throw AssessmentErrors.CutOffBeforeStart();
        }
        var scheme = await SchemeToUseAsync(request.Scheme, cancellationToken);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.ParentId != null && (u.DeactivatedAt == null || u.DeactivatedAt > cutOff))
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Path, u.Name, u.HeadPersonId })
            .ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            throw AssessmentErrors.NoUnits();
        }
        var headIds = units.Where(u => u.HeadPersonId != null).Select(u => u.HeadPersonId!.Value).Distinct().ToList();
        var heads = await db.People.AsNoTracking().Where(p => headIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var gathered = await facts.GatherAsync(campaign.Id, from, to, cutOff, [.. units.Select(u => u.Id)], cancellationToken);
        var rules = scheme.ToScheme();
        var results = units.Select(u =>
        {
            var unitFacts = gathered[u.Id];
            return AssessmentResult.Create(u.Id, u.Path, u.Name, u.HeadPersonId,
                u.HeadPersonId is { } head ? heads.GetValueOrDefault(head) : null, ScoreCalculator.Score(rules, unitFacts.Events, unitFacts.Rates));
        }).ToList();
        var noData = gathered.Values.All(f => f.Events.Count == 0 && f.Closed == 0 && f.Found == 0 && f.ReportsDue == 0);
        var run = AssessmentRun.Create(campaign.Id, campaign.Name, from, to, cutOff, scheme, options.Value.Grading, noData, units.Count,
            db.Actor.UserId, db.Actor.DisplayName, now.UtcDateTime);
        run.Add(results);
        Rank(run.Grading, results);
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>The requested scheme version, or the version saved last (the seeded default at first).</summary>
    private async Task<AssessmentScheme> SchemeToUseAsync(int? schemeId, CancellationToken cancellationToken)
    {
        if (schemeId is { } id)
        {
            return await db.Set<AssessmentScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                   ?? throw new DubanException(ErrorKind.Validation, AssessmentErrors.SchemeNotFound(id).Message, "scheme");
        }
        return await db.Set<AssessmentScheme>().AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken)
               ?? throw AssessmentErrors.NoScheme();
    }

    /// <summary>
    /// A new scheme, or the next version of <paramref name="basedOn"/>'s family; versions a result used never change.
    /// Two saving the next version at once: the unique (family, version) refuses the second, who is asked to refresh.
    /// </summary>
    public async Task<AssessmentScheme> SaveSchemeAsync(ScoringScheme scheme, int? basedOn, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(AssessmentPermissions.Manage);
        AssessmentScheme? previous = null;
        var next = 1;
        if (basedOn is { } id)
        {
            previous = await db.Set<AssessmentScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                       ?? throw new DubanException(ErrorKind.Validation, AssessmentErrors.SchemeNotFound(id).Message, "basedOn");
            var family = previous.FamilyId;
            next = 1 + await db.Set<AssessmentScheme>().Where(s => s.Id == family || s.Family == family).MaxAsync(s => s.Version, cancellationToken);
        }
        var saved = AssessmentScheme.Create(scheme, previous, next, db.Actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(saved).State = EntityState.Detached;
            throw AssessmentErrors.SchemeSavedMeanwhile();
        }
        return saved;
    }

    public async Task<AssessmentRun> ActOnRunAsync(int id, RunAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        var run = await db.Set<AssessmentRun>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw AssessmentErrors.RunNotFound(id);
        return await db.ActAsync(AssessmentWorkflow.Runs, run, action, input.Version, async r =>
        {
            if (action == RunAction.Discard)
            {
                r.Discard();
                return;
            }
            var results = await db.Set<AssessmentResult>().IgnoreQueryFilters().Where(x => x.RunId == id).ToListAsync(cancellationToken);
            var pending = await db.Set<AssessmentAdjustment>().IgnoreQueryFilters().CountAsync(a => a.RunId == id && a.State == ReviewState.Pending, cancellationToken);
            var published = await db.Set<AssessmentRun>().Where(x => x.Id != id && x.State == RunState.Published && x.CampaignId == r.CampaignId
                                                                 && x.FromDate == r.FromDate && x.ToDate == r.ToDate)
                .Select(x => x.Title).FirstOrDefaultAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            r.Publish(pending, published, db.Actor.UserId, db.Actor.DisplayName, now,
                calendar.AddWorkdays(ChinaTime.DateOf(now), options.Value.AppealWorkingDays));
            // Each result's version moves too: a proposal or an appeal saved meanwhile is refused as stale.
            foreach (var result in results)
            {
                result.MarkPublished();
            }
        }, cancellationToken);
    }

    public async Task<object> ActOnResultAsync(int id, ResultAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        var result = await db.Set<AssessmentResult>().Include(r => r.Breakdown).FindInScopeAsync(id, AssessmentErrors.ResultNotFound, cancellationToken);
        var by = new ReviewActor(db.Actor.UserId, db.Actor.DisplayName);
        object? created = null;
        await db.ActAsync(AssessmentWorkflow.Results, result, action, input.Version, async r =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (action == ResultAction.Adjust)
            {
                var points = AssessmentInput.Points(input, AssessmentWorkflow.Field.Points, "调整分值");
                var adjustment = AssessmentAdjustment.Propose(r, points, input.Text(AssessmentWorkflow.Field.Reason), await StoreAsync(input, cancellationToken), by, now);
                db.Add(adjustment);
                created = adjustment;
                return;
            }
            var run = await db.Set<AssessmentRun>().AsNoTracking().FirstAsync(x => x.Id == r.RunId, cancellationToken);
            var indicator = input.Text(AssessmentWorkflow.Field.Indicator)?.Trim() ?? throw AssessmentErrors.LineRequired();
            var line = r.Breakdown!.Lines.FirstOrDefault(l => l.Indicator == indicator && l.Enabled) ?? throw AssessmentErrors.LineUnknown(indicator);
            var appeals = await db.Set<AssessmentAppeal>().Where(a => a.ResultId == r.Id && a.Indicator == indicator).ToListAsync(cancellationToken);
            var appeal = AssessmentAppeal.File(r, run.AppealDueOn, ChinaTime.DateOf(now), line, appeals,
                input.Text(AssessmentWorkflow.Field.Reason), await StoreAsync(input, cancellationToken), by, now);
            db.Add(appeal);
            created = appeal;
        }, cancellationToken);
        return created!;
    }

    public async Task<AssessmentAdjustment> ActOnAdjustmentAsync(int id, AdjustmentAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        var adjustment = await db.Set<AssessmentAdjustment>().FindInScopeAsync(id, AssessmentErrors.AdjustmentNotFound, cancellationToken);
        return await db.ActAsync(AssessmentWorkflow.Adjustments, adjustment, action, input.Version, async a =>
        {
            a.Decide(action == AdjustmentAction.Approve, input.Text(AssessmentWorkflow.Field.Reason), new(db.Actor.UserId, db.Actor.DisplayName),
                clock.GetUtcNow().UtcDateTime);
            if (action == AdjustmentAction.Approve)
            {
                var (run, results) = await RunWithResultsAsync(a.RunId, cancellationToken);
                results.First(r => r.Id == a.ResultId).Adjust(a.Points);
                Rank(run.Grading, results);
                run.Reranked();
            }
        }, cancellationToken);
    }

    public async Task<AssessmentAppeal> ActOnAppealAsync(int id, AppealAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        var appeal = await db.Set<AssessmentAppeal>().FindInScopeAsync(id, AssessmentErrors.AppealNotFound, cancellationToken);
        return await db.ActAsync(AssessmentWorkflow.Appeals, appeal, action, input.Version, async a =>
        {
            var by = new ReviewActor(db.Actor.UserId, db.Actor.DisplayName);
            var now = clock.GetUtcNow().UtcDateTime;
            if (action == AppealAction.Reject)
            {
                a.Reject(input.Text(AssessmentWorkflow.Field.Reason), by, now);
                return;
            }
            a.Uphold(AssessmentInput.Points(input, AssessmentWorkflow.Field.Points, "改正后的分值"), input.Text(AssessmentWorkflow.Field.Reason), by, now);
            var (run, results) = await RunWithResultsAsync(a.RunId, cancellationToken);
            // The veto after: the first veto line still barring, those lifted by upheld appeals (this one too) left out.
            var lines = (await db.Set<AssessmentBreakdown>().AsNoTracking().FirstAsync(b => b.ResultId == a.ResultId, cancellationToken)).Lines;
            var lifted = await db.Set<AssessmentAppeal>().IgnoreQueryFilters()
                .Where(x => x.ResultId == a.ResultId && x.VetoLine && x.State == ReviewState.Approved && x.Id != a.Id)
                .Select(x => x.Indicator).ToListAsync(cancellationToken);
            if (a.VetoLine)
            {
                lifted.Add(a.Indicator);
            }
            var veto = lines.FirstOrDefault(l => l.Veto is not null && !lifted.Contains(l.Indicator))?.Veto;
            results.First(r => r.Id == a.ResultId).Correct(a.LinePoints, a.CorrectedPoints!.Value, veto);
            Rank(run.Grading, results);
            run.Reranked();
        }, cancellationToken);
    }

    private async Task<(AssessmentRun Run, List<AssessmentResult> Results)> RunWithResultsAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await db.Set<AssessmentRun>().FirstAsync(r => r.Id == runId, cancellationToken);
        var results = await db.Set<AssessmentResult>().IgnoreQueryFilters().Where(r => r.RunId == runId).ToListAsync(cancellationToken);
        return (run, results);
    }

    private static void Rank(Grading grading, IReadOnlyList<AssessmentResult> results)
    {
        var placed = grading.Place([.. results.Select(r => new Ranked(r.UnitId, r.UnitName, r.Total, r.Veto is not null))]).ToDictionary(p => p.UnitId);
        foreach (var result in results)
        {
            result.Place(placed[result.UnitId].Rank, placed[result.UnitId].Grade);
        }
    }

    private async Task<ReviewFile?> StoreAsync(ActionInput input, CancellationToken cancellationToken)
    {
        if (input.File is null)
        {
            return null;
        }
        var stored = await files.SaveAsync(input.File, input.FileName, cancellationToken);
        return new ReviewFile(stored.FileName, stored.ContentType, stored.Size, stored.Sha256);
    }

    /// <summary>An adjustment's basis, within the reader's scope.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)> AdjustmentFileAsync(int id, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<AssessmentAdjustment>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.FileName, a.ContentType, a.Sha256 })
            .FirstOrDefaultAsync(cancellationToken) ?? throw AssessmentErrors.AdjustmentNotFound(id);
        return (files.Open(file.Sha256), file.FileName, file.ContentType);
    }

    /// <summary>An appeal's evidence, within the reader's scope (an appeal without a file has none to give).</summary>
    public async Task<(Stream Content, string FileName, string ContentType)> AppealFileAsync(int id, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<AssessmentAppeal>().AsNoTracking().Where(a => a.Id == id && a.Sha256 != null)
            .Select(a => new { a.FileName, a.ContentType, a.Sha256 }).FirstOrDefaultAsync(cancellationToken) ?? throw AssessmentErrors.AppealNotFound(id);
        return (files.Open(file.Sha256!), file.FileName!, file.ContentType!);
    }
}

/// <summary>Reading points typed by people: 2, -1.5, +0.5, with a full-width or typographic minus; Chinese when not a number.</summary>
public static class AssessmentInput
{
    public static decimal Points(ActionInput input, string field, string label) =>
        Parse(input.Text(field), label, field) ?? throw new DubanException(ErrorKind.Validation, $"请填写{label}。", field);

    /// <param name="bounded">Points are within ±100; a percentage is checked by its caller.</param>
    public static decimal? Parse(string? text, string label, string field, bool bounded = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = text.Trim().Replace('−', '-').Replace('－', '-').Replace('＋', '+').Replace('．', '.');
        if (!decimal.TryParse(normalized, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var points))
        {
            throw AssessmentErrors.NotANumber(label, field);
        }
        if (bounded && points is < -100m or > 100m)
        {
            throw AssessmentErrors.PointsOutOfRange(label, field);
        }
        return Math.Round(points, 2, MidpointRounding.AwayFromZero);
    }
}
