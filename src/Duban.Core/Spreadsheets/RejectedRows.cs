using Duban.Core.Documents;

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
        // A file corrected from an earlier list of refused rows has the column already: the new reasons replace the old.
        var errorAt = headers.IndexOf(ErrorColumn);
        if (errorAt < 0)
        {
            errorAt = headers.Count;
            headers.Add(ErrorColumn);
        }
        var rows = report.Rejected.Select(row =>
        {
            var cells = new string?[headers.Count];
            for (var i = 0; i < Math.Min(width, row.Cells.Count); i++)
            {
                cells[i] = row.Cells[i];
            }
            cells[errorAt] = $"原第 {row.Number} 行：{row.Errors}";
            return cells;
        });
        await PlainSheet.WriteAsync(output, headers, rows, cancellationToken);
    }
}
