using Duban.Core.Documents;
using MiniExcelLibs;

namespace Duban.Tests.Domain.Documents;

/// <summary>A header row and rows: every column kept, even when two share a header.</summary>
public class PlainSheetTests
{
    [Fact]
    public async Task Rows_are_written_under_their_headers_and_short_rows_are_padded()
    {
        var rows = await WrittenAsync(["序号", "问题", "备注"], [["1", "问题一", "甲"], ["2", "问题二"]]);

        Assert.Equal(["序号", "问题", "备注"], rows[0].Keys);
        Assert.Equal(["1", "问题一", "甲"], rows[0].Values.Select(v => v?.ToString()));
        Assert.Equal(["2", "问题二", null], rows[1].Values.Select(v => v?.ToString()));
    }

    [Fact]
    public async Task A_repeated_header_gets_a_number_instead_of_swallowing_the_column()
    {
        var rows = await WrittenAsync(["问题", "问题", "问题(2)", "问题"], [["a", "b", "c", "d"]]);

        Assert.Equal(["问题", "问题(2)", "问题(2)(2)", "问题(3)"], rows[0].Keys);
        Assert.Equal(["a", "b", "c", "d"], rows[0].Values.Select(v => v?.ToString()));
    }

    private static async Task<List<IDictionary<string, object?>>> WrittenAsync(IReadOnlyList<string> headers, IEnumerable<string?[]> rows)
    {
        using var file = new MemoryStream();
        await PlainSheet.WriteAsync(file, headers, rows, TestContext.Current.CancellationToken);
        file.Position = 0;
        return [.. MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }
}
