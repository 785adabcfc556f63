using System.Security.Cryptography;
using Duban.Core.Accounts;
using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// Imports a ledger sheet into a campaign: finds the header, reads and checks every row, and then imports all rows
/// in one transaction — or none when any row is wrong, unless asked to skip the invalid ones. A row naming an item
/// that exists — by its 编号 (a sheet the system exported), or imported before from the same file (same hash and
/// 序号) — is never created again: it is skipped, or on request updates that item; importing twice changes nothing.
/// </summary>
public sealed class LedgerImporter(DubanDb db, UnitDirectory units, TimeProvider clock,
    ColumnMappings mappings, Microsoft.Extensions.Options.IOptions<ImportSettings> settings, Campaigns.CampaignService campaigns)
{
    // Progress is told every this many rows, and audit events are appended in chunks of it (one transaction for all).
    private const int Step = 1000;

    private const int PreviewRows = 20;

    public async Task<ImportReport> ImportAsync(Stream content, string fileName, string campaignCode, ImportOptions options,
        CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SpreadsheetPermissions.Import);
        var campaign = await campaigns.GetAsync(campaignCode, cancellationToken);
        campaign.RequireOpen();
        var fileHash = await HashAsync(content, cancellationToken);
        var progress = options.Progress;
        // The sheet streams through: only the rows before the header, the valid rows as read and the refused rows'
        // cells stay in memory, not the whole file.
        using var sheet = SheetReader.Read(content, fileName, settings.Value.Limits, options.Sheet).GetEnumerator();
        var head = new List<SheetRow>();
        // The header is looked for where a sheet may have rows beside its data: above it, its titles.
        while (head.Count < SheetLimits.RowsBesideData && sheet.MoveNext())
        {
            head.Add(sheet.Current);
        }
        var learned = options.Mappings ?? await mappings.LoadAsync(cancellationToken);
        LedgerColumn? Match(string? text) =>
            LedgerColumns.Match(text) ?? (learned.TryGetValue(LedgerColumns.Normalize(text), out var column) ? column : null);
        var headerIndex = LedgerColumns.FindHeaderRow([.. head.Select(r => r.Cells)], Match);
        if (headerIndex is null)
        {
            return Failed(head.Count + Drain(sheet), new ImportIssue(0, "表头", "找不到表头行：表头须含“问题描述”（或“具体问题”“存在问题”）以及“责任单位”“整改时限”等列。"));
        }
        var header = head[headerIndex.Value];
        var columns = new Dictionary<int, LedgerColumn>();
        var warnings = new List<ImportIssue>();
        var unmapped = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i]?.Trim();
            if (Match(text) is { } column && !columns.ContainsValue(column))
            {
                columns[i] = column;
            }
            else if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            else if (learned.TryGetValue(LedgerColumns.Normalize(text), out var left) && left is null)
            {
                warnings.Add(new ImportIssue(header.Number, text, $"列“{text}”已设定为不导入。"));
            }
            else
            {
                unmapped.Add(text);
                warnings.Add(new ImportIssue(header.Number, text, $"未识别的列“{text}”，导入时不读取该列；可在导入页面把它对应到标准列。"));
            }
        }
        var missing = new[] { LedgerColumn.Problem, LedgerColumn.Unit, LedgerColumn.Deadline }.Where(c => !columns.ContainsValue(c)).ToList();
        if (missing.Count > 0)
        {
            return Failed(head.Count + Drain(sheet), [.. missing.Select(c => new ImportIssue(header.Number, LedgerColumns.StandardName(c), $"缺少“{LedgerColumns.StandardName(c)}”列。"))])
                with { Header = header.Cells, Unmapped = unmapped };
        }

        var directory = await units.AllAsync(db, cancellationToken);
        var catalog = await db.CatalogEntries.AsNoTracking().ToListAsync(cancellationToken);
        var people = (await db.People.AsNoTracking().Select(p => new { p.Id, p.UnitId, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.UnitId, p.Name)).ToList();
        var reader = new RowReader(columns, header.Cells, new UnitMatcher(directory.ToDictionary(u => u.Key, u => u.Value.Name), settings.Value.UnitAliases),
            directory, new CategoryMatcher(catalog), people, campaign.Year, ChinaTime.Today(clock));
        IEnumerable<SheetRow> DataRows()
        {
            foreach (var row in head.Skip(headerIndex.Value + 1))
            {
                yield return row;
            }
            while (sheet.MoveNext())
            {
                yield return sheet.Current;
            }
        }
        var valid = new List<ReadRow>();
        var refused = new List<SheetRow>();
        var count = 0;
        foreach (var row in DataRows().Where(r => !RowReader.IsNote(r)))
        {
            if (++count > settings.Value.MaxRows)
            {
                throw settings.Value.Limits.TooManyRows();
            }
            var errorsBefore = reader.Errors.Count;
            if (reader.Read(row) is { } read)
            {
                valid.Add(read);
            }
            if (reader.Errors.Count > errorsBefore)
            {
                refused.Add(row);
            }
            if (count % Step == 0)
            {
                progress?.Report(new ImportProgress(ImportPhase.Checking, count, null));
            }
        }
        warnings.AddRange(reader.Warnings);
        var prefix = fileHash[..16] + ":";
        var outOfReach = new List<ReadRow>();
        var matcher = new ExistingItems(db, clock);
        var existing = await matcher.FindAsync(valid, campaign.Id, prefix, reader, warnings, outOfReach, cancellationToken);
        var errors = reader.Errors.OrderBy(e => e.Row).ToList();
        var refusedHere = outOfReach.Select(r => r.Number).ToHashSet();
        valid.RemoveAll(r => refusedHere.Contains(r.Number));
        refused.AddRange(outOfReach.Select(r => new SheetRow(r.Number, r.Cells)));
        var existingCodes = existing.ToDictionary(e => e.Row.Number, e => e.Item.Code);
        var fresh = valid.Where(r => !existingCodes.ContainsKey(r.Number)).ToList();
        var byRow = errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => string.Join("；", g.Select(e => $"[{e.Column}] {e.Message}")));
        var preview = valid.Take(PreviewRows).Select(r => new PreviewRow(r.Number, directory[r.UnitId].Name, r.Details.Problem ?? string.Empty,
            LedgerTerms.DeadlineText(r.Details.DeadlineKind, r.Details.DueOn), r.State, existingCodes.GetValueOrDefault(r.Number))).ToList();
        var rejected = refused.Where(r => byRow.ContainsKey(r.Number)).OrderBy(r => r.Number)
            .Select(r => new RejectedRow(r.Number, r.Cells, byRow[r.Number])).ToList();
        var report = new ImportReport(count, valid.Count, 0, existing.Count, errors, warnings)
            { Header = header.Cells, Rejected = rejected, Unmapped = unmapped, Preview = preview };
        if (errors.Count > 0 && !options.SkipInvalid)
        {
            return report;
        }
        var names = new ItemNames(catalog.OrderBy(e => e.Set).ThenBy(e => e.SortOrder).Select(e => new NamedRef(e.Id, e.Title)),
            people.Select(p => new NamedRef(p.Id, p.Name)));
        if (options.DryRun)
        {
            return options.UpdateExisting
                ? report with { Updated = await matcher.UpdateAsync(existing, reader, names, warnings, apply: false, cancellationToken) }
                : report;
        }
        var (imported, updated) = await SaveAsync(fresh, () => options.UpdateExisting
            ? matcher.UpdateAsync(existing, reader, names, warnings, apply: true, cancellationToken)
            : Task.FromResult(0), campaign, prefix, progress, cancellationToken);
        return report with { Imported = imported, Updated = updated };
    }

    /// <summary>Updates the existing items (when asked) and inserts the new rows, in one transaction.</summary>
    private async Task<(int Imported, int Updated)> SaveAsync(List<ReadRow> fresh,
        Func<Task<int>> updateExisting, Campaigns.Campaign campaign,
        string prefix, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await db.PrepareForBulkWriteAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await updateExisting();
        var number = await db.LastNumberAsync(campaign.Id, cancellationToken);
        var by = new ItemActor(db.Actor.UserId, db.Actor.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        // The rows go in by prepared inserts: through the change tracker, a large sheet took ten times as long.
        // Each item is still built by its own domain steps, and each is one audit event, chained as every save is.
        await using var items = await BulkInsert<RectificationItem>.PrepareAsync(db, readKey: true, cancellationToken);
        await using var events = await BulkInsert<ItemEvent>.PrepareAsync(db, readKey: false, cancellationToken);
        await using var categories = await BulkInsert<ItemCategory>.PrepareAsync(db, readKey: false, cancellationToken);
        await using var audit = await BulkInsert<Audit.AuditEvent>.PrepareAsync(db, readKey: false, cancellationToken);
        var saved = 0;
        var drafts = new List<Audit.AuditDraft>(Step);
        foreach (var row in fresh)
        {
            var item = RectificationItem.Imported(campaign.Id, campaign.Year, ++number, row.UnitId, row.UnitPath, row.Details, row.State, row.Progress,
                prefix + row.Key, by, now, campaign.ItemPrefix);
            await items.InsertAsync(item, cancellationToken);
            foreach (var itemEvent in item.History)
            {
                await events.InsertAsync(itemEvent, nameof(ItemEvent.ItemId), item.Id, cancellationToken);
            }
            foreach (var category in item.Categories)
            {
                await categories.InsertAsync(category, nameof(ItemCategory.ItemId), item.Id, cancellationToken);
            }
            drafts.Add(new Audit.AuditDraft(now, by.UserId, by.Name, $"{nameof(RectificationItem)}.created", nameof(RectificationItem),
                item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Audit.AuditCapture.DescribeCreated(db.Model, item)));
            saved++;
            if (drafts.Count == Step)
            {
                await db.AppendAuditAsync(drafts, audit, cancellationToken);
                drafts.Clear();
                progress?.Report(new ImportProgress(ImportPhase.Saving, saved, fresh.Count));
            }
        }
        await db.AppendAuditAsync(drafts, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await db.FinishBulkWriteAsync(cancellationToken);
        return (fresh.Count, updated);
    }

    // The rest of a sheet that cannot be imported is still counted, for the report.
    private static int Drain(IEnumerator<SheetRow> sheet)
    {
        var rest = 0;
        while (sheet.MoveNext())
        {
            rest++;
        }
        return rest;
    }

    private static ImportReport Failed(int rows, params ImportIssue[] errors) => new(rows, 0, 0, 0, errors, []);

    private static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        return hash;
    }
}
