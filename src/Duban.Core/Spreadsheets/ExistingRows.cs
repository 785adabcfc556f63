using Duban.Core.Ledger;

namespace Duban.Core.Spreadsheets;

/// <summary>An item of the campaign that a row names: by its code (编号), or by the file and 序号 of an earlier import.</summary>
internal sealed record ExistingItem(int Id, string Code, int UnitId, string UnitPath, ItemState State);

internal sealed record ExistingRow(ReadRow Row, ExistingItem Item);

/// <summary>
/// How a row updates the item it names when the user asks for it: field by field, where the sheet says something.
/// A blank cell, a name the system does not know, or a value the sheet cannot express (the reporting period)
/// leaves the field as it is: an update never empties what the sheet merely left out.
/// </summary>
internal static class SheetUpdate
{
    private static readonly char[] Lines = ['\n'];

    public static ItemDetails Merge(RectificationItem item, ReadRow row, RowReader reader, ItemNames names)
    {
        var current = ItemViews.DetailsOf(item);
        var sheet = row.Details;
        string? Cell(LedgerColumn column) => reader.Cell(row.Cells, column)?.Trim();
        bool Blank(LedgerColumn column) => string.IsNullOrEmpty(Cell(column));
        int? Person(LedgerColumn column, int? read, int? now) =>
            Blank(column) || read is null || names.Person(now) == Cell(column) ? now : read;
        // The export writes one measure a line; a measure with a ； in it is still one measure.
        var measures = Blank(LedgerColumn.Measures)
                       || Cell(LedgerColumn.Measures)!.Split(Lines, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                           .SequenceEqual(current.Measures)
            ? current.Measures
            : sheet.Measures;
        var source = Blank(LedgerColumn.Source) || LedgerWords.Source(Cell(LedgerColumn.Source)).Warning is not null
            ? current.Source
            : sheet.Source;
        return new ItemDetails(
            Blank(LedgerColumn.Category) ? current.CategoryIds : sheet.CategoryIds,
            source,
            sheet.Problem,
            Blank(LedgerColumn.Goal) ? current.Goal : sheet.Goal,
            measures,
            Person(LedgerColumn.Leader, sheet.LeaderPersonId, current.LeaderPersonId),
            Person(LedgerColumn.Person, sheet.ResponsiblePersonId, current.ResponsiblePersonId),
            Blank(LedgerColumn.FoundOn) ? current.FoundOn : sheet.FoundOn,
            sheet.DeadlineKind,
            sheet.DueOn,
            sheet.DeadlineKind == DeadlineKind.Ongoing && current.DeadlineKind == DeadlineKind.Ongoing ? current.ReportingPeriod : sheet.ReportingPeriod);
    }

    /// <summary>
    /// Whether the sheet's state is the item's as the export writes it. Sheets exported before 草稿 was written said
    /// 未开始 for a draft, which reads as assigned.
    /// </summary>
    public static bool SameState(ItemState item, ItemState sheet) => item == sheet || (item == ItemState.Draft && sheet == ItemState.Assigned);
}
