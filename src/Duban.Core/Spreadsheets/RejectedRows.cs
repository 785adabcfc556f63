using MiniExcelLibs;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// The rows an import refused, written back as an .xlsx with the file's own header and a 错误说明 column, ready to be
/// corrected and imported again.
/// </summary>
public static class RejectedRows
{
    public const string ErrorColumn = "错误说明";

    public static async Task WriteAsync(Stream output, ImportReport report, CancellationToken cancellationToken = default)
    {
        var width = Math.Max(report.Header.Count, report.Rejected.Select(r => r.Cells.Count).DefaultIfEmpty(0).Max());
        var headers = Enumerable.Range(0, width)
            .Select(i => i < report.Header.Count && !string.IsNullOrWhiteSpace(report.Header[i]) ? report.Header[i]!.Trim() : $"列{i + 1}")
            .ToList();
        var rows = report.Rejected.Select(row =>
        {
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++)
            {
                values[Unique(values, headers[i])] = i < row.Cells.Count ? row.Cells[i] : null;
            }
            values[ErrorColumn] = $"原第 {row.Number} 行：{row.Errors}";
            return values;
        }).ToList();
        await output.SaveAsAsync(rows, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    // Two columns with the same header would collapse into one key.
    private static string Unique(Dictionary<string, object?> values, string header)
    {
        var name = header;
        for (var n = 2; values.ContainsKey(name); n++)
        {
            name = $"{header}({n})";
        }
        return name;
    }
}
