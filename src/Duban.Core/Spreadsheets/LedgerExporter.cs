using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// Exports a campaign's ledger (optionally one unit and below) within the actor's scope as the standard 台账, in words
/// the import reads back: into another campaign, export → import gives the same items; into the same campaign, the
/// 编号 column names the items that exist, so nothing is created twice.
/// </summary>
public sealed class LedgerExporter(DubanDb db, UnitDirectory units, TimeProvider clock, LedgerQueries queries, CampaignService campaigns,
    Microsoft.Extensions.Options.IOptions<ImportSettings> settings)
{
    private const int Batch = 2000;

    /// <summary>
    /// Exports what the ledger page shows for these filters. More rows than an import may hold are refused: such a
    /// file could not come back in, and the page is no place to build it.
    /// </summary>
    public async Task<int> ExportAsync(Stream output, LedgerQuery query, CancellationToken cancellationToken = default)
    {
        var items = await queries.FilteredAsync(query, cancellationToken);
        var count = await items.CountAsync(cancellationToken);
        if (count > settings.Value.MaxRows)
        {
            throw SpreadsheetErrors.TooManyToExport(count, settings.Value.MaxRows);
        }
        var directory = await units.AllAsync(db, cancellationToken);
        var campaign = query.CampaignId is { } campaignId
            ? await db.Set<Campaign>().Where(c => c.Id == campaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var filler = query.UnitId is { } unitId && directory.TryGetValue(unitId, out var unit) ? unit.Name : "全部单位";
        return await WriteAsync(output, items, $"{campaign}问题整改台账", filler, directory, cancellationToken);
    }

    public async Task<int> ExportAsync(Stream output, string campaignCode, string? unitName, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(campaignCode, cancellationToken);
        var directory = await units.AllAsync(db, cancellationToken);
        var items = db.Items.AsNoTracking().Where(i => i.CampaignId == campaign.Id);
        var filler = "全部单位";
        if (!string.IsNullOrWhiteSpace(unitName))
        {
            var unit = directory.Values.FirstOrDefault(u => u.Name == unitName.Trim() && db.Actor.Sees(u.Id, u.Path))
                ?? throw SpreadsheetErrors.UnitNotInScope(unitName);
            var subtree = directory.Values.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
            items = items.Where(i => subtree.Contains(i.UnitId));
            filler = unit.Name;
        }
        return await WriteAsync(output, items, $"{campaign.Name}问题整改台账", filler, directory, cancellationToken);
    }

    private async Task<int> WriteAsync(Stream output, IQueryable<RectificationItem> items, string title, string filler,
        IReadOnlyDictionary<int, UnitEntry> directory, CancellationToken cancellationToken)
    {
        var catalog = await db.CatalogEntries.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        var people = await db.People.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var count = 0;
        var rows = Batches(items, cancellationToken).SelectMany(batch => batch)
            .Select(item => RowOf(item, ++count, catalog, people, directory));
        StandardLedgerSheet.Write(output, title, filler, ChinaTime.Today(clock), rows);
        // Data leaving the system is recorded like a download.
        db.Note("ledger.export", nameof(RectificationItem), null, $"{title}，{filler}，{count} 条");
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// The items in keyset batches, each with its categories, evidence and latest progress read by id range: memory
    /// stays flat however long the ledger, and only the columns the sheet shows are read. The sheet writer pulls the
    /// rows as it writes, so the queries run synchronously.
    /// </summary>
    private IEnumerable<List<ExportItem>> Batches(IQueryable<RectificationItem> items, CancellationToken cancellationToken)
    {
        var lastId = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = items.Where(i => i.Id > lastId).OrderBy(i => i.Id).Take(Batch)
                .Select(i => new ExportItem(i.Id, i.Code, i.Source, i.Problem, i.Goal, i.MeasuresText, i.LeaderPersonId, i.UnitId,
                    i.ResponsiblePersonId, i.FoundOn, i.DeadlineKind, i.DueOn, i.State, i.ClosedAt, i.UpdatedAt))
                .ToList();
            if (batch.Count == 0)
            {
                yield break;
            }
            var (first, last) = (batch[0].Id, batch[^1].Id);
            var categories = db.Set<ItemCategory>().AsNoTracking().Where(c => c.ItemId >= first && c.ItemId <= last)
                .Select(c => new { c.ItemId, c.CatalogEntryId }).ToList().ToLookup(c => c.ItemId, c => c.CatalogEntryId);
            // Withdrawn files were uploaded by mistake: they stay in the item's history, not in its 佐证材料.
            var evidence = db.EvidenceFiles.AsNoTracking().Where(f => f.ItemId >= first && f.ItemId <= last && f.WithdrawnAt == null)
                .OrderBy(f => f.Id).Select(f => new { f.ItemId, f.FileName }).ToList().ToLookup(f => f.ItemId, f => f.FileName);
            var progress = db.ItemEvents.AsNoTracking().Where(e => e.ItemId >= first && e.ItemId <= last && e.Kind == ItemEventKind.Progress)
                .Select(e => new { e.ItemId, e.Id, e.Text }).ToList()
                .GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Text);
            foreach (var item in batch)
            {
                item.Categories = [.. categories[item.Id]];
                item.Evidence = [.. evidence[item.Id]];
                item.LastProgress = progress.GetValueOrDefault(item.Id);
            }
            yield return batch;
            lastId = last;
        }
    }

    private sealed record ExportItem(int Id, string Code, ItemSource Source, string Problem, string? Goal, string MeasuresText,
        int? LeaderPersonId, int UnitId, int? ResponsiblePersonId, DateOnly FoundOn, DeadlineKind DeadlineKind, DateOnly DueOn,
        ItemState State, DateTime? ClosedAt, DateTime UpdatedAt)
    {
        public IReadOnlyList<int> Categories { get; set; } = [];
        public IReadOnlyList<string> Evidence { get; set; } = [];
        public string? LastProgress { get; set; }
    }

    private static string?[] RowOf(ExportItem item, int number, Dictionary<int, string> catalog, Dictionary<int, string> people,
        IReadOnlyDictionary<int, UnitEntry> directory)
    {
        string? Person(int? id) => id is { } value ? people.GetValueOrDefault(value) : null;
        return
        [
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join("；", item.Categories.Select(catalog.GetValueOrDefault).OfType<string>()),
            LedgerTerms.Name(item.Source),
            item.Problem,
            item.Goal,
            item.MeasuresText,
            Person(item.LeaderPersonId),
            directory.TryGetValue(item.UnitId, out var unit) ? unit.Name : null,
            Person(item.ResponsiblePersonId),
            item.FoundOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            LedgerTerms.DeadlineText(item.DeadlineKind, item.DueOn),
            item.LastProgress,
            LedgerTerms.Name(item.State),
            string.Join("\n", item.Evidence),
            item.State == ItemState.Closed ? $"已销号 {ChinaTime.Format(item.ClosedAt ?? item.UpdatedAt)[..10]}" : "未销号",
            null,
            item.Code,
        ];
    }
}
