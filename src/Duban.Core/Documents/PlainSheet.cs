using MiniExcelLibs;

namespace Duban.Core.Documents;

/// <summary>An .xlsx of a header row and the rows under it, nothing else: a file to correct and read in again.</summary>
public static class PlainSheet
{
    /// <summary>Writes the rows under the headers; a header that repeats an earlier one gets a number, 列(2).</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken = default)
    {
        var keys = new List<string>(headers.Count);
        foreach (var header in headers)
        {
            keys.Add(Unique(keys, header));
        }
        var values = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < keys.Count; i++)
            {
                cells[keys[i]] = i < row.Count ? row[i] : null;
            }
            return cells;
        }).ToList();
        await output.SaveAsAsync(values, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    // The writer keys cells by header, so two columns with the same header would collapse into one.
    private static string Unique(List<string> keys, string header)
    {
        var name = header;
        for (var n = 2; keys.Contains(name); n++)
        {
            name = $"{header}({n})";
        }
        return name;
    }
}
