using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Spreadsheets;

/// <summary>An import's rows that name items the campaign already has: finding them, and updating them when asked.</summary>
internal sealed class ExistingItems(DubanDb db, TimeProvider clock)
{
    /// <summary>
    /// The rows that name an item of the campaign: by 编号, or by the file and 序号 of an earlier import. Codes are
    /// numbered per campaign, so a code may also be another campaign's item: that item is never touched, and where
    /// both campaigns have the code, the row's problem text tells which one it is. A row naming an item outside the
    /// importer's scope, the same item as an earlier row, or an item it cannot tell, is refused.
    /// </summary>
    public async Task<List<ExistingRow>> FindAsync(List<ReadRow> rows, int campaignId, string prefix, RowReader reader,
        List<ImportIssue> warnings, List<ReadRow> refused, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code).OfType<string>().Distinct().ToList();
        var here = new Dictionary<string, (ExistingItem Item, string Problem)>();
        var elsewhere = new Dictionary<string, List<string>>();
        // In chunks: a sheet's worth of codes is past SQLite's parameter limit.
        foreach (var chunk in codes.Chunk(500))
        {
            var found = await db.Items.IgnoreQueryFilters().Where(i => chunk.Contains(i.Code))
                .Select(i => new { i.CampaignId, i.Problem, Item = new ExistingItem(i.Id, i.Code, i.UnitId, i.UnitPath, i.State) })
                .ToListAsync(cancellationToken);
            foreach (var match in found)
            {
                if (match.CampaignId == campaignId)
                {
                    here[match.Item.Code] = (match.Item, match.Problem);
                }
                else
                {
                    (elsewhere.TryGetValue(match.Item.Code, out var problems) ? problems : elsewhere[match.Item.Code] = []).Add(match.Problem);
                }
            }
        }
        // Every key this file left in the campaign before, by prefix: a list of 100,000 keys is past SQLite's parameter limit.
        var byKey = await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaignId && i.ImportKey!.StartsWith(prefix))
            .Select(i => new { i.ImportKey, Item = new ExistingItem(i.Id, i.Code, i.UnitId, i.UnitPath, i.State) })
            .ToDictionaryAsync(i => i.ImportKey!, i => i.Item, cancellationToken);
        var matched = new List<ExistingRow>();
        var firstRow = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            var problem = row.Details.Problem?.ReplaceLineEndings("\n").Trim();
            var code = row.Code;
            ExistingItem? item = null;
            string? error = null;
            if (code is not null && here.TryGetValue(code, out var candidate))
            {
                var others = elsewhere.GetValueOrDefault(code);
                if (others is null || candidate.Problem == problem)
                {
                    item = candidate.Item;
                }
                else if (!others.Contains(problem!))
                {
                    error = $"编号“{code}”在本活动和其他活动中都有，而本行的问题描述与它们都不同：无法确定是哪一事项。请核对编号，或删去编号作为新事项导入。";
                }
            }
            item ??= error is null ? byKey.GetValueOrDefault(prefix + row.Key) : null;
            if (item is null && error is null)
            {
                if (code is not null && elsewhere.ContainsKey(code))
                {
                    warnings.Add(reader.Issue(row.Number, LedgerColumn.Code, $"编号“{code}”是其他活动的事项，不会被改动；本行在本活动中作为新事项导入。"));
                }
                else if (code is not null && RectificationItem.IsCode(code))
                {
                    warnings.Add(reader.Issue(row.Number, LedgerColumn.Code, $"本活动中没有编号为“{code}”的事项，本行作为新事项导入。"));
                }
                continue;
            }
            error ??= !db.Actor.Sees(item!.UnitId, item.UnitPath)
                ? $"编号“{item.Code}”的事项不在您的数据范围内：既不能重复导入，也不能更新。"
                : firstRow.TryGetValue(item.Id, out var first) ? $"与第 {first} 行是同一事项（{item.Code}）：同一事项在文件中只能出现一次。"
                : null;
            if (error is not null)
            {
                reader.Errors.Add(reader.Issue(row.Number, LedgerColumn.Code, error));
                refused.Add(row);
                continue;
            }
            firstRow[item!.Id] = row.Number;
            matched.Add(new ExistingRow(row, item));
        }
        return matched;
    }

    /// <summary>
    /// Updates the items the rows name where a row differs, each through its own edit (the history keeps before and
    /// after); unchanged items are not touched, and no state changes: a different state is a warning, and a row whose
    /// unit differs is not applied (the code may be mistyped). Without <paramref name="apply"/> nothing is changed (a
    /// dry run counts what would be).
    /// </summary>
    public async Task<int> UpdateAsync(List<ExistingRow> rows, RowReader reader, ItemNames names, List<ImportIssue> warnings,
        bool apply, CancellationToken cancellationToken)
    {
        var by = new ItemActor(db.Actor.UserId, db.Actor.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var steers = LedgerRules.MaySteer(db.Actor);
        var updated = 0;
        foreach (var chunk in rows.Chunk(500))
        {
            var ids = chunk.Select(r => r.Item.Id).ToList();
            var items = await db.Items.IgnoreQueryFilters().Include(i => i.Categories).Where(i => ids.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var (row, found) in chunk)
            {
                var item = items[found.Id];
                if (row.UnitId != item.UnitId)
                {
                    warnings.Add(reader.Issue(row.Number, LedgerColumn.Unit,
                        $"与事项 {item.Code} 在系统中的责任单位不同，本行未更新：请核对编号；如需转办请在事项页面办理。"));
                    continue;
                }
                if (!SheetUpdate.SameState(item.State, row.State))
                {
                    warnings.Add(reader.Issue(row.Number, LedgerColumn.Status,
                        $"表格中的状态“{LedgerTerms.Name(row.State)}”与事项 {item.Code} 在系统中的状态“{LedgerTerms.Name(item.State)}”不同：导入不改变办理状态，请在事项页面办理。"));
                }
                var details = SheetUpdate.Merge(item, row, reader, names);
                IReadOnlyList<FieldChange> changes;
                try
                {
                    changes = item.ChangesFrom(details, names);
                }
                catch (DubanException e)
                {
                    warnings.Add(reader.Issue(row.Number, LedgerColumn.Code, $"事项 {item.Code} 未更新：{e.Message}"));
                    continue;
                }
                if (changes.Count == 0)
                {
                    continue;
                }
                if (!item.CanBe(ItemAction.Edit) || !LedgerRules.RoleMay(ItemAction.Edit, db.Actor, item))
                {
                    warnings.Add(reader.Issue(row.Number, LedgerColumn.Code,
                        $"事项 {item.Code} 当前状态为“{LedgerTerms.Name(item.State)}”，不能修改：表格中{string.Join("、", changes.Select(c => c.Field))}的变化未导入。"));
                    continue;
                }
                updated++;
                if (apply)
                {
                    item.Edit(details, names, by, now, mayChangeDeadline: steers, mayChangeFindings: steers);
                }
            }
            if (apply)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    throw SpreadsheetErrors.ChangedDuringImport();
                }
            }
            db.ChangeTracker.Clear();
        }
        return updated;
    }
}
