using System.Text.RegularExpressions;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// The 16 standard columns of a 整改台账 (DOMAIN.md), in the order the standard layout prints them, and the item's
/// code (编号), by which a sheet exported from the system names the items it already holds.
/// </summary>
public enum LedgerColumn
{
    Number,
    Category,
    Source,
    Problem,
    Goal,
    Measures,
    Leader,
    Unit,
    Person,
    FoundOn,
    Deadline,
    Progress,
    Status,
    Evidence,
    WriteOff,
    Remarks,
    Code,
}

/// <summary>
/// Column headers as real ledgers write them: each standard column with the names offices use for it. Headers are
/// compared without spaces, line breaks, asterisks or bracketed remarks, so 「整改时限\n（完成时限）」 is 整改时限.
/// </summary>
public static partial class LedgerColumns
{
    private static readonly (LedgerColumn Column, string[] Names)[] Synonyms =
    [
        (LedgerColumn.Number, ["序号", "序"]),
        (LedgerColumn.Category, ["问题类别", "问题类型", "问题分类", "类别"]),
        (LedgerColumn.Source, ["问题来源", "来源"]),
        (LedgerColumn.Problem, ["问题描述", "具体问题", "存在问题", "存在的问题", "问题表现", "问题"]),
        (LedgerColumn.Goal, ["整改目标", "目标"]),
        (LedgerColumn.Measures, ["整改措施", "措施", "具体措施"]),
        (LedgerColumn.Leader, ["责任领导", "分管领导", "牵头领导"]),
        (LedgerColumn.Unit, ["责任单位", "责任部门", "责任科室", "牵头单位"]),
        (LedgerColumn.Person, ["责任人", "具体责任人", "整改第一责任人", "第一责任人"]),
        (LedgerColumn.FoundOn, ["发现日期", "发现时间"]),
        (LedgerColumn.Deadline, ["整改时限", "完成时限", "整改期限", "时限"]),
        (LedgerColumn.Progress, ["整改进展", "完成情况", "整改情况", "进展情况"]),
        (LedgerColumn.Status, ["整改状态", "状态"]),
        (LedgerColumn.Evidence, ["佐证材料", "佐证资料"]),
        (LedgerColumn.WriteOff, ["销号情况", "是否销号"]),
        (LedgerColumn.Remarks, ["备注"]),
        (LedgerColumn.Code, ["编号", "事项编号", "整改编号"]),
    ];

    /// <summary>The standard header of a column (the first name in the table).</summary>
    public static string StandardName(LedgerColumn column) => Synonyms.First(s => s.Column == column).Names[0];

    /// <summary>The column a header names, or null for a header this table does not know.</summary>
    public static LedgerColumn? Match(string? header)
    {
        var name = Normalize(header);
        if (name.Length == 0)
        {
            return null;
        }
        foreach (var (column, names) in Synonyms)
        {
            if (names.Contains(name))
            {
                return column;
            }
        }
        return null;
    }

    /// <summary>
    /// Finds the header row among the first rows: the row naming the most known columns, which must include
    /// 问题描述 and at least two others. Title rows above it and notes below it are not headers.
    /// </summary>
    public static int? FindHeaderRow(IReadOnlyList<IReadOnlyList<string?>> firstRows) => FindHeaderRow(firstRows, Match);

    /// <summary>As above, with a matcher that also knows the mappings users chose by hand.</summary>
    public static int? FindHeaderRow(IReadOnlyList<IReadOnlyList<string?>> firstRows, Func<string?, LedgerColumn?> match)
    {
        int? best = null;
        var bestCount = 0;
        for (var row = 0; row < firstRows.Count; row++)
        {
            var columns = firstRows[row].Select(match).OfType<LedgerColumn>().Distinct().ToList();
            if (columns.Contains(LedgerColumn.Problem) && columns.Count >= 3 && columns.Count > bestCount)
            {
                best = row;
                bestCount = columns.Count;
            }
        }
        return best;
    }

    public static string Normalize(string? header) =>
        Bracketed().Replace(header ?? string.Empty, string.Empty)
            .Replace("*", string.Empty, StringComparison.Ordinal)
            .Where(c => !char.IsWhiteSpace(c)).Aggregate(new System.Text.StringBuilder(), (b, c) => b.Append(c)).ToString();

    [GeneratedRegex(@"[（(][^）)]*[）)]")]
    private static partial Regex Bracketed();
}
