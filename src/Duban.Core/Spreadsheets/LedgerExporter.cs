using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// Exports a campaign's ledger (optionally one unit and below) within the actor's scope as the standard 台账, in words
/// the import reads back, so export → import gives the same items.
/// </summary>
public sealed class LedgerExporter(DubanDb db, UnitDirectory units, TimeProvider clock, LedgerQueries queries,
    Microsoft.Extensions.Options.IOptions<ImportSettings> settings)
{
    private const int Batch = 1000;

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
            throw new DubanException(ErrorKind.Validation,
                $"符合条件的事项有 {count} 条，超过一次导出 {settings.Value.MaxRows} 条的上限：请按活动、单位或状态缩小范围后再导出。");
        }
        var directory = await units.AllAsync(db, cancellationToken);
        var campaign = query.CampaignId is { } campaignId
            ? await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var filler = query.UnitId is { } unitId && directory.TryGetValue(unitId, out var unit) ? unit.Name : "全部单位";
        return await WriteAsync(output, items, $"{campaign}问题整改台账", filler, directory, cancellationToken);
    }

    public async Task<int> ExportAsync(Stream output, string campaignCode, string? unitName, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Code == campaignCode.Trim(), cancellationToken)
            ?? throw new DubanException(ErrorKind.NotFound, $"活动“{campaignCode}”不存在。");
        var directory = await units.AllAsync(db, cancellationToken);
        var items = db.Items.AsNoTracking().Where(i => i.CampaignId == campaign.Id);
        var filler = "全部单位";
        if (!string.IsNullOrWhiteSpace(unitName))
        {
            var unit = directory.Values.FirstOrDefault(u => u.Name == unitName.Trim() && db.Actor.Sees(u.Id, u.Path))
                ?? throw new DubanException(ErrorKind.NotFound, $"单位“{unitName}”不存在或不在您的数据范围内。");
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
        var rows = new List<string?[]>();
        var lastId = 0;
        while (true)
        {
            // Keyset batches keep memory flat however long the ledger is.
            var batch = await items.Where(i => i.Id > lastId).OrderBy(i => i.Id).Take(Batch)
                .Include(i => i.Categories).Include(i => i.Evidence)
                .Include(i => i.History.Where(e => e.Kind == ItemEventKind.Progress))
                .AsSplitQuery().ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            rows.AddRange(batch.Select(item => RowOf(item, rows.Count + 1, catalog, people, directory)));
            lastId = batch[^1].Id;
        }
        StandardLedgerSheet.Write(output, title, filler, ChinaTime.Today(clock), rows);
        // Data leaving the system is recorded like a download.
        db.Note("ledger.export", nameof(RectificationItem), null, $"{title}，{filler}，{rows.Count} 条");
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    private static string?[] RowOf(RectificationItem item, int number, Dictionary<int, string> catalog, Dictionary<int, string> people,
        IReadOnlyDictionary<int, UnitEntry> directory)
    {
        string? Person(int? id) => id is { } value ? people.GetValueOrDefault(value) : null;
        var deadline = item.DeadlineKind switch
        {
            DeadlineKind.Immediate => "立行立改",
            DeadlineKind.Ongoing => "长期坚持",
            _ => item.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var state = item.State switch
        {
            ItemState.Closed => "已完成",
            ItemState.Submitted => "待审核",
            ItemState.InProgress when item.DeadlineKind == DeadlineKind.Ongoing => "长期坚持",
            ItemState.InProgress => "正在整改",
            _ => "未开始",
        };
        return
        [
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join("；", item.Categories.Select(c => catalog.GetValueOrDefault(c.CatalogEntryId)).OfType<string>()),
            LedgerTerms.Name(item.Source),
            item.Problem,
            item.Goal,
            string.Join('\n', item.Measures),
            Person(item.LeaderPersonId),
            directory.TryGetValue(item.UnitId, out var unit) ? unit.Name : null,
            Person(item.ResponsiblePersonId),
            item.FoundOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            deadline,
            item.History.OrderBy(e => e.Id).LastOrDefault()?.Text,
            state,
            string.Join("\n", item.Evidence.Select(f => f.FileName)),
            item.State == ItemState.Closed ? $"已销号 {ChinaTime.Format(item.ClosedAt ?? item.UpdatedAt)[..10]}" : "未销号",
            item.Code,
        ];
    }
}
