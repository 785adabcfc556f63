using MiniExcelLibs;

namespace Duban.Tests.Infrastructure;

/// <summary>Ledger sheets as offices write them (their own header words, title and note rows), built by the tests.</summary>
public static partial class LedgerSheets
{
    public static readonly string[] Header = ["序号", "问题类别", "问题来源", "具体问题", "整改措施", "分管领导", "责任科室", "整改第一责任人", "发现时间", "完成时限", "完成情况", "整改状态", "联系电话"];

    public static string[] Row(string number, string problem, string unit = "综合科", string deadline = "2026-12-31",
        string category = "推拖绕；不准拖延超时一分钟", string state = "正在整改", string found = "2026-03-01") =>
        [number, category, "自查", problem, "建立台账\n按周调度", "", unit, "", found, deadline, "已召开专题会", state, "12345678"];

    /// <summary>The rows as an .xlsx; MiniExcel takes the columns from the first row, so every row is padded to the widest.</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        var width = rows.Max(r => r.Length);
        var data = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => $"c{i}", i => (object)(i < r.Length ? r[i] : ""))).ToList();
        using var output = new MemoryStream();
        output.SaveAs(data, printHeader: false, excelType: ExcelType.XLSX);
        return output.ToArray();
    }
}
