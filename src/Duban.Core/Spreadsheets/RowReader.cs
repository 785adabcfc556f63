using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Organization;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// One data row turned into an item's details and the state it has reached, with the code of the item it names (if
/// any) and its cells as the file has them, for updating an item that exists.
/// </summary>
internal sealed record ReadRow(int Number, string Key, string? Code, int UnitId, string UnitPath, ItemDetails Details, ItemState State,
    string? Progress, IReadOnlyList<string?> Cells);

/// <summary>Reads the data rows under a found header, checking each cell and naming the file's own column headers.</summary>
internal sealed class RowReader(
    IReadOnlyDictionary<int, LedgerColumn> columns,
    IReadOnlyList<string?> headers,
    UnitMatcher units,
    IReadOnlyDictionary<int, UnitEntry> unitEntries,
    CategoryMatcher categories,
    IReadOnlyList<(int Id, int UnitId, string Name)> people,
    int campaignYear,
    DateOnly today)
{
    private static readonly char[] MeasureSeparators = ['\n', '；', ';'];

    public List<ImportIssue> Errors { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];

    private readonly Dictionary<string, int> _numbers = [];

    /// <summary>Notes under the table (注：…, 填报说明…) and empty rows are not items.</summary>
    public static bool IsNote(SheetRow row)
    {
        var first = row.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();
        return first is null || first.StartsWith('注') || first.StartsWith("填报", StringComparison.Ordinal)
               || first.StartsWith("说明", StringComparison.Ordinal) || first.StartsWith("备注：", StringComparison.Ordinal);
    }

    public ReadRow? Read(SheetRow row)
    {
        var before = Errors.Count;
        var problem = Cell(row, LedgerColumn.Problem);
        if (string.IsNullOrWhiteSpace(problem))
        {
            Error(row, LedgerColumn.Problem, "问题描述为空：每一行都要写明存在的问题。");
        }
        else if (problem.Trim().Length > RectificationItem.ProblemMaxLength)
        {
            Error(row, LedgerColumn.Problem, $"问题描述超过 {RectificationItem.ProblemMaxLength} 字（当前 {problem.Trim().Length} 字），请精简。");
        }
        var unit = units.Match(Cell(row, LedgerColumn.Unit));
        Note(row, LedgerColumn.Unit, unit);
        var deadline = DeadlineText.Parse(Cell(row, LedgerColumn.Deadline), campaignYear);
        if (!deadline.IsValid)
        {
            Error(row, LedgerColumn.Deadline, deadline.Error!);
        }
        var foundText = Cell(row, LedgerColumn.FoundOn);
        var found = string.IsNullOrWhiteSpace(foundText) ? DeadlineValue.On(today) : DeadlineText.ParseDateOnly(foundText, campaignYear);
        if (!found.IsValid)
        {
            Error(row, LedgerColumn.FoundOn, found.Error!);
        }
        var categoryIds = new List<int>();
        foreach (var match in categories.MatchCell(Cell(row, LedgerColumn.Category)))
        {
            Note(row, LedgerColumn.Category, match);
            if (match.Id is { } id)
            {
                categoryIds.Add(id);
            }
        }
        var source = LedgerWords.Source(Cell(row, LedgerColumn.Source));
        if (source.Warning is not null)
        {
            Warnings.Add(Issue(row, LedgerColumn.Source, source.Warning));
        }
        var state = StateOf(row);
        var code = CodeOf(row);
        var key = NumberOf(row);
        if (Errors.Count > before || unit.Id is not { } unitId)
        {
            return null;
        }
        var measures = (Cell(row, LedgerColumn.Measures) ?? string.Empty)
            .Split(MeasureSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var details = new ItemDetails(categoryIds, source.Source, problem, Cell(row, LedgerColumn.Goal),
            measures.Count > 0 ? measures : ["（原台账未填写整改措施）"],
            Person(row, LedgerColumn.Leader, unitId), Person(row, LedgerColumn.Person, unitId), found.Date!.Value,
            deadline.Kind, deadline.Date, deadline.Kind == DeadlineKind.Ongoing ? ReportingPeriod.Monthly : null);
        try
        {
            // The item's own rules (deadline after the found date, lengths) decide, as they do on the form.
            RectificationItem.Validate(details);
        }
        catch (DubanException e)
        {
            Error(row, e.Field switch { "dueOn" => LedgerColumn.Deadline, "measures" => LedgerColumn.Measures, _ => LedgerColumn.Problem }, e.Message);
            return null;
        }
        return new ReadRow(row.Number, key, code, unitId, unitEntries[unitId].Path, details, state ?? ItemState.InProgress,
            Cell(row, LedgerColumn.Progress), row.Cells);
    }

    private ItemState? StateOf(SheetRow row)
    {
        var writeOff = Cell(row, LedgerColumn.WriteOff)?.Trim();
        if (writeOff is "是" or "已销号")
        {
            return ItemState.Closed;
        }
        var text = Cell(row, LedgerColumn.Status);
        var state = LedgerWords.State(text);
        if (state is null)
        {
            Error(row, LedgerColumn.Status, $"无法识别的整改状态“{text?.Trim()}”：可写 {string.Join("、", Enum.GetValues<ItemState>().Select(LedgerTerms.Name))}，"
                + "或 已完成、正在整改、长期坚持、未开始。");
        }
        return state;
    }

    /// <summary>
    /// The 编号 cell: an item's code in a sheet the system exported. Sheets exported before the 编号 column carried
    /// the code in 备注; a 备注 that is exactly a code is read as one.
    /// </summary>
    private string? CodeOf(SheetRow row)
    {
        var code = Cell(row, LedgerColumn.Code)?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            var remark = Cell(row, LedgerColumn.Remarks)?.Trim().ToUpperInvariant();
            return remark is not null && RectificationItem.IsCode(remark) ? remark : null;
        }
        // A code twice in one file is refused where rows are matched to items (ExistingItems), with 序号 matches too.
        return code;
    }

    /// <summary>The row's key for a re-import of the same file: its 序号, else its 编号 (some sheets number rows so), else its row.</summary>
    private string NumberOf(SheetRow row)
    {
        var number = Cell(row, LedgerColumn.Number)?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            return Cell(row, LedgerColumn.Code)?.Trim() is { Length: > 0 } code
                ? code
                : "row" + row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (_numbers.TryGetValue(number, out var first))
        {
            Error(row, LedgerColumn.Number, $"序号 {number} 与第 {first} 行重复：同一文件中序号不能重复。");
        }
        else
        {
            _numbers[number] = row.Number;
        }
        return number;
    }

    private int? Person(SheetRow row, LedgerColumn column, int unitId)
    {
        var name = Cell(row, column)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        var found = people.Where(p => p.Name == name).OrderByDescending(p => p.UnitId == unitId).FirstOrDefault();
        if (found.Id == 0)
        {
            Warnings.Add(Issue(row, column, $"系统中没有名为“{name}”的人员，该栏留空。"));
            return null;
        }
        return found.Id;
    }

    private void Note(SheetRow row, LedgerColumn column, NameMatch match)
    {
        if (match.Error is not null)
        {
            Error(row, column, match.Error);
        }
        else if (match.Warning is not null)
        {
            Warnings.Add(Issue(row, column, match.Warning));
        }
    }

    private string? Cell(SheetRow row, LedgerColumn column) => Cell(row.Cells, column);

    /// <summary>
    /// A row's cell in the column, or null when the sheet has no such column. Cells are cleaned as typed text is, so
    /// invisible characters pasted into a name do not stop it matching.
    /// </summary>
    public string? Cell(IReadOnlyList<string?> cells, LedgerColumn column)
    {
        foreach (var (index, mapped) in columns)
        {
            if (mapped == column)
            {
                return index < cells.Count && cells[index] is { } text ? InputText.Clean(text, multiLine: true) : null;
            }
        }
        return null;
    }

    private void Error(SheetRow row, LedgerColumn column, string message) => Errors.Add(Issue(row, column, message));

    private ImportIssue Issue(SheetRow row, LedgerColumn column, string message) => Issue(row.Number, column, message);

    /// <summary>An issue of a row, naming the column as the file's header does.</summary>
    public ImportIssue Issue(int row, LedgerColumn column, string message)
    {
        var index = columns.FirstOrDefault(c => c.Value == column).Key;
        var header = columns.Any(c => c.Value == column) ? headers[index]?.Trim() : null;
        return new ImportIssue(row, header ?? LedgerColumns.StandardName(column), message);
    }
}
