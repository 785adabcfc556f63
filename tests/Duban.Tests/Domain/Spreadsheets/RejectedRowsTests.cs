using Duban.Core.Spreadsheets;
using MiniExcelLibs;

namespace Duban.Tests.Domain.Spreadsheets;

/// <summary>The refused rows written back: the file's own columns and why each row was refused.</summary>
public class RejectedRowsTests
{
    [Fact]
    public async Task Each_row_keeps_its_cells_and_gets_its_reasons_in_a_last_column()
    {
        var rows = await WrittenAsync(new ImportReport(3, 1, 0, 0, [], [])
        {
            Header = ["序号", " 具体问题 ", null],
            Rejected = [new RejectedRow(4, ["1", null, "多余"], "[具体问题] 问题描述为空"), new RejectedRow(6, ["3", "问题", "甲", "超出"], "[整改时限] 无法识别")],
        });

        Assert.Equal(["序号", "具体问题", "列3", "列4", RejectedRows.ErrorColumn], rows[0].Keys);
        Assert.Equal(["1", null, "多余", null, "原第 4 行：[具体问题] 问题描述为空"], rows[0].Values.Select(v => v?.ToString()));
        Assert.Equal(["3", "问题", "甲", "超出", "原第 6 行：[整改时限] 无法识别"], rows[1].Values.Select(v => v?.ToString()));
    }

    [Fact]
    public async Task A_corrected_file_refused_again_has_its_old_reasons_replaced()
    {
        var rows = await WrittenAsync(new ImportReport(1, 0, 0, 0, [], [])
        {
            Header = ["序号", RejectedRows.ErrorColumn, "具体问题"],
            Rejected = [new RejectedRow(2, ["1", "原第 9 行：旧的说明", "问题"], "[整改时限] 整改时限为空")],
        });

        Assert.Equal(["序号", RejectedRows.ErrorColumn, "具体问题"], rows[0].Keys);
        Assert.Equal(["1", "原第 2 行：[整改时限] 整改时限为空", "问题"], rows[0].Values.Select(v => v?.ToString()));
    }

    private static async Task<List<IDictionary<string, object?>>> WrittenAsync(ImportReport report)
    {
        using var file = new MemoryStream();
        await RejectedRows.WriteAsync(file, report, TestContext.Current.CancellationToken);
        file.Position = 0;
        return [.. MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }
}
