using System.Security.Cryptography;
using Duban.Core.Accounts;
using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// Imports a ledger sheet into a campaign: finds the header, reads and checks every row, and then imports all rows
/// in one transaction — or none when any row is wrong, unless asked to skip the invalid ones. Rows imported before
/// from the same file (same hash and 序号) are skipped, so importing twice changes nothing.
/// </summary>
public sealed class LedgerImporter(DubanDb db, UnitDirectory units, TimeProvider clock, LightTally tally, LightCountCache lights,
    Microsoft.Extensions.Options.IOptions<ImportSettings> settings)
{
    public const int HeaderSearchRows = 30;

    public async Task<ImportReport> ImportAsync(Stream content, string fileName, string campaignCode, ImportOptions options,
        CancellationToken cancellationToken = default)
    {
        if (!db.Actor.IsIn(Roles.Supervisor))
        {
            throw new DubanException(ErrorKind.Forbidden, "只有督查人员可以导入整改台账。");
        }
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Code == campaignCode.Trim(), cancellationToken)
            ?? throw new DubanException(ErrorKind.NotFound, $"活动“{campaignCode}”不存在。");
        var fileHash = await HashAsync(content, cancellationToken);
        var rows = SheetReader.Read(content, fileName, settings.Value.Limits, options.Sheet).ToList();
        var headerIndex = LedgerColumns.FindHeaderRow([.. rows.Take(HeaderSearchRows).Select(r => r.Cells)]);
        if (headerIndex is null)
        {
            return Failed(rows.Count, new ImportIssue(0, "表头", "找不到表头行：表头须含“问题描述”（或“具体问题”“存在问题”）以及“责任单位”“整改时限”等列。"));
        }
        var header = rows[headerIndex.Value];
        var columns = new Dictionary<int, LedgerColumn>();
        var warnings = new List<ImportIssue>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (LedgerColumns.Match(header.Cells[i]) is { } column && !columns.ContainsValue(column))
            {
                columns[i] = column;
            }
            else if (!string.IsNullOrWhiteSpace(header.Cells[i]))
            {
                warnings.Add(new ImportIssue(header.Number, header.Cells[i]!.Trim(), $"未识别的列“{header.Cells[i]!.Trim()}”，导入时不读取该列。"));
            }
        }
        var missing = new[] { LedgerColumn.Problem, LedgerColumn.Unit, LedgerColumn.Deadline }.Where(c => !columns.ContainsValue(c)).ToList();
        if (missing.Count > 0)
        {
            return Failed(rows.Count, [.. missing.Select(c => new ImportIssue(header.Number, LedgerColumns.StandardName(c), $"缺少“{LedgerColumns.StandardName(c)}”列。"))]);
        }

        var directory = await units.AllAsync(db, cancellationToken);
        var catalog = await db.CatalogEntries.AsNoTracking().ToListAsync(cancellationToken);
        var people = (await db.People.AsNoTracking().Select(p => new { p.Id, p.UnitId, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.UnitId, p.Name)).ToList();
        var reader = new RowReader(columns, header.Cells, new UnitMatcher(directory.ToDictionary(u => u.Key, u => u.Value.Name), settings.Value.UnitAliases),
            directory, new CategoryMatcher(catalog), people, campaign.Year, ChinaTime.Today(clock));
        var dataRows = rows.Skip(headerIndex.Value + 1).Where(r => !RowReader.IsNote(r)).ToList();
        var valid = dataRows.Select(reader.Read).OfType<ReadRow>().ToList();
        warnings.AddRange(reader.Warnings);
        var errors = reader.Errors;
        var byRow = errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => string.Join("；", g.Select(e => $"[{e.Column}] {e.Message}")));
        var rejected = dataRows.Where(r => byRow.ContainsKey(r.Number)).Select(r => new RejectedRow(r.Number, r.Cells, byRow[r.Number])).ToList();
        if (options.DryRun || (errors.Count > 0 && !options.SkipInvalid))
        {
            return new ImportReport(dataRows.Count, valid.Count, 0, 0, errors, warnings) { Header = header.Cells, Rejected = rejected };
        }
        var (imported, already) = await SaveAsync(valid, campaign.Id, campaign.Year, fileHash[..16], cancellationToken);
        return new ImportReport(dataRows.Count, valid.Count, imported, already, errors, warnings) { Header = header.Cells, Rejected = rejected };
    }

    private async Task<(int Imported, int Already)> SaveAsync(List<ReadRow> rows, int campaignId, int year, string filePrefix,
        CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => $"{filePrefix}:{r.Key}").ToList();
        var existing = (await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaignId && keys.Contains(i.ImportKey!))
            .Select(i => i.ImportKey!).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = rows.Where(r => !existing.Contains($"{filePrefix}:{r.Key}")).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaignId)
            .Select(i => (int?)i.Number).MaxAsync(cancellationToken) ?? 0;
        var by = new ItemActor(db.Actor.UserId, db.Actor.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<RectificationItem>();
        foreach (var row in fresh)
        {
            var item = RectificationItem.Register(campaignId, year, ++number, row.UnitId, row.UnitPath, row.Details, by, now);
            item.MarkImported($"{filePrefix}:{row.Key}");
            Advance(item, row, by, now);
            db.Items.Add(item);
            items.Add(item);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var item in items)
        {
            tally.Move(null, LightTally.TallyKey.Of(item));
        }
        lights.Invalidate();
        return (fresh.Count, rows.Count - fresh.Count);
    }

    /// <summary>Brings an imported item to the state its row records, through the item's own steps.</summary>
    private static void Advance(RectificationItem item, ReadRow row, ItemActor by, DateTime at)
    {
        item.Assign(by, at);
        if (row.State == ItemState.Assigned)
        {
            return;
        }
        item.Start(by, at);
        if (!string.IsNullOrWhiteSpace(row.Progress))
        {
            item.ReportProgress(row.Progress.Trim()[..Math.Min(row.Progress.Trim().Length, RectificationItem.TextMaxLength)], by, at);
        }
        if (row.State >= ItemState.Submitted)
        {
            item.Submit("按原台账导入", new ItemActor(null, "原台账"), at);
        }
        if (row.State == ItemState.Closed)
        {
            item.Close("原台账记为已完成，导入时无佐证材料。", "按原台账记为已销号", by, at);
        }
    }

    private static ImportReport Failed(int rows, params ImportIssue[] errors) => new(rows, 0, 0, 0, errors, []);

    private static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        return hash;
    }
}
