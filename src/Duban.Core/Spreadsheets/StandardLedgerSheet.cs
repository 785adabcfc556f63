using Duban.Core.Documents;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// The 台账 as offices print it: titled, with 填报单位 and 填报日期 under the title, the 16 standard columns and 编号 at
/// the widths their contents need.
/// </summary>
public static class StandardLedgerSheet
{
    private const string SheetName = "整改台账";

    // Narrow, so that the 17 columns fitted to one A4 landscape page are not printed too small to read (LibreOffice
    // prints them at about half their size); the long texts wrap instead.
    private static readonly double[] Widths = [5, 10, 8, 28, 16, 24, 8, 10, 8, 11, 11, 20, 8, 14, 12, 10, 13];

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
