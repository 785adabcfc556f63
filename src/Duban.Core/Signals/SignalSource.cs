using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Signals;

/// <summary>
/// Loads a campaign's items with their whole history, progress reports and evidence hashes as the detectors read them:
/// three set queries (items, steps, files), joined in memory. Every unit's: a computation is the campaign's, and
/// flags are scoped when read.
/// </summary>
public sealed class SignalSource(DubanDb db)
{
    /// <param name="alongside">A second context of the same database, if there is one: the histories load on it meanwhile.</param>
    public async Task<IReadOnlyList<SignalItem>> LoadAsync(int campaignId, DubanDb? alongside = null, CancellationToken cancellationToken = default)
    {
        var loadingSteps = StepsAsync(alongside ?? db, campaignId, cancellationToken);
        if (alongside is null)
        {
            await loadingSteps;
        }
        var items = Items(db, campaignId);
        var files = (await db.EvidenceFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.WithdrawnAt == null).Join(items, f => f.ItemId, i => i.Id, (f, i) => new { f.ItemId, f.Sha256 })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.ItemId, f => f.Sha256);
        var rows = await items.Select(i => new
        {
            i.Id, i.Code, i.UnitId, i.State, i.DeadlineKind, i.ReportingPeriod, i.DueOn, i.CreatedAt, i.ClosedAt, i.ClosedOn, i.MeasuresText, i.Source, i.FoundOn, i.SourceCode,
        }).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var steps = await loadingSteps;
        return [.. rows.Select(i => new SignalItem(i.Id, i.Code, i.UnitId, i.State, i.DeadlineKind, i.ReportingPeriod, i.DueOn, i.CreatedAt, i.ClosedAt,
            i.ClosedOn, i.MeasuresText.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            [.. steps[i.Id].OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new SignalStep(e.Kind, e.At, e.ActorName, e.FromUnitId, e.ToUnitId, e.OldDueOn, e.NewDueOn))],
            i.Source, i.FoundOn)
        {
            Reports = [.. steps[i.Id].Where(e => e.Kind == ItemEventKind.Progress && !string.IsNullOrWhiteSpace(e.Text)).Select(e => e.Text!)],
            EvidenceHashes = [.. files[i.Id]],
            Origin = i.SourceCode,
        })];
    }

    private static IQueryable<RectificationItem> Items(DubanDb db, int campaignId) =>
        db.Items.IgnoreQueryFilters().AsNoTracking().Where(i => i.CampaignId == campaignId);

    // Only progress reports' texts are read (虚假空 compares them); the other steps' reasons are not.
    private static async Task<ILookup<int, StepRow>> StepsAsync(DubanDb db, int campaignId, CancellationToken cancellationToken) =>
        (await db.ItemEvents.AsNoTracking().Join(Items(db, campaignId), e => e.ItemId, i => i.Id, (e, i) => e)
            .Select(e => new StepRow(e.ItemId, e.Id, e.Kind, e.At, e.ActorName, e.FromUnitId, e.ToUnitId, e.OldDueOn, e.NewDueOn,
                e.Kind == ItemEventKind.Progress ? e.Text : null))
            .ToListAsync(cancellationToken))
        .ToLookup(e => e.ItemId);

    private sealed record StepRow(int ItemId, long Id, ItemEventKind Kind, DateTime At, string ActorName, int? FromUnitId, int? ToUnitId,
        DateOnly? OldDueOn, DateOnly? NewDueOn, string? Text);
}
