using MiniExcelLibs;

namespace Duban.Tests.Infrastructure;

/// <summary>Ledger sheets as offices write them (their own header words, title and note rows), built by the tests.</summary>
public static class LedgerSheets
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

    /// <summary>
    /// The rows as a legacy .xls (BIFF8, as old Excel and WPS still save), written by NPOI. A cell given as a
    /// <see cref="DateTime"/> is stored as Excel stores dates: a serial number with a date format.
    /// </summary>
    public static byte[] Xls(IEnumerable<object[]> rows)
    {
        var workbook = new NPOI.HSSF.UserModel.HSSFWorkbook();
        var sheet = workbook.CreateSheet("整改台账");
        var dateStyle = workbook.CreateCellStyle();
        dateStyle.DataFormat = workbook.CreateDataFormat().GetFormat("yyyy-mm-dd");
        var number = 0;
        foreach (var values in rows)
        {
            var row = sheet.CreateRow(number++);
            for (var i = 0; i < values.Length; i++)
            {
                var cell = row.CreateCell(i);
                switch (values[i])
                {
                    case DateTime date:
                        cell.SetCellValue(date);
                        cell.CellStyle = dateStyle;
                        break;
                    case double value:
                        cell.SetCellValue(value);
                        break;
                    default:
                        cell.SetCellValue(values[i]?.ToString());
                        break;
                }
            }
        }
        using var output = new MemoryStream();
        workbook.Write(output);
        return output.ToArray();
    }
}
