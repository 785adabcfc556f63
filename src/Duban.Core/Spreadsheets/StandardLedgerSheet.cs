using Duban.Core.Documents;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// The 台账 as offices print it: titled, with 填报单位 and 填报日期 under the title, the 16 standard columns and 编号 at
/// the widths their contents need.
/// </summary>
public static class StandardLedgerSheet
{
    private const string SheetName = "整改台账";

    private static readonly double[] Widths = [6, 14, 10, 36, 24, 36, 10, 14, 10, 12, 12, 30, 10, 20, 12, 16, 14];

    public static IReadOnlyList<LedgerColumn> LedgerColumnsInOrder { get; } = Enum.GetValues<LedgerColumn>();

    public static void Write(Stream output, string title, string filler, DateOnly date, IEnumerable<string?[]> rows)
    {
        var columns = LedgerColumnsInOrder;
        // The date stands over the last standard column (备注), the 编号 column beside it being the system's own.
        string?[] info = [$"填报单位：{filler}", .. Enumerable.Repeat<string?>(null, columns.Count - 3), $"填报日期：{date:yyyy年M月d日}"];
        var layout = new SheetLayout(SheetName, title, info, [.. columns.Select((c, i) => new SheetColumn(LedgerColumns.StandardName(c), Widths[i]))]);
        SheetWriter.Write(output, layout, rows);
    }
}
