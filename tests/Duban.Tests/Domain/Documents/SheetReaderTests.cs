using System.Text;
using Duban.Core.Documents;
using MiniExcelLibs;

namespace Duban.Tests.Domain.Documents;

/// <summary>Reading sheets the tests build themselves: xlsx, csv in UTF-8 (with BOM) and GB18030, and hostile files.</summary>
public class SheetReaderTests
{
    static SheetReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[][] Ledger =
    [
        ["区政府办公室作风建设年问题整改台账", "", "", ""],
        ["序号", "存在问题", "责任科室", "完成时限"],
        ["1", "公文办理超时限", "综合科", "2026-06-30"],
        ["2", "来电答复不及时，群众多次催问", "秘书科", "立行立改"],
    ];

    [Fact]
    public void An_xlsx_reads_row_by_row_with_Excel_row_numbers()
    {
        using var file = Xlsx(Ledger);

        var rows = SheetReader.Read(file, "台账.xlsx", new SheetLimits()).ToList();

        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Number));
        Assert.Equal("存在问题", rows[1].Cells[1]);
        Assert.Equal("来电答复不及时，群众多次催问", rows[3].Cells[1]);
    }

    [Fact]
    public void Empty_rows_keep_the_numbering_Excel_shows()
    {
        using var file = Xlsx([["标题", ""], ["", ""], ["序号", "问题描述"], ["1", "问题一"]]);

        var rows = SheetReader.Read(file, "台账.xlsx", new SheetLimits()).ToList();

        Assert.Equal(4, rows.Single(r => r.Cells[1] == "问题一").Number);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void A_csv_reads_in_the_encodings_Chinese_offices_save(string encoding)
    {
        var text = string.Join("\r\n", Ledger.Select(r => string.Join(',', r.Select(c => c.Contains(',') || c.Contains('，') ? $"\"{c}\"" : c))));
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding("GB18030").GetBytes(text),
        };
        using var file = new MemoryStream(bytes);

        var rows = SheetReader.Read(file, "台账.csv", new SheetLimits()).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal("存在问题", rows[1].Cells[1]);
        Assert.Equal("综合科", rows[2].Cells[2]);
    }

    [Fact]
    public void Binary_garbage_named_xlsx_is_refused_with_a_clear_message()
    {
        using var file = new MemoryStream([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251))]);

        var error = Assert.Throws<UnreadableSheetException>(() => SheetReader.Read(file, "台账.xlsx", new SheetLimits()).ToList());

        Assert.Contains("无法读取", error.Message);
    }

    [Fact]
    public void A_sheet_over_the_row_limit_is_refused_without_reading_on()
    {
        using var file = Xlsx([.. Enumerable.Range(1, 50).Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "问题" })]);

        var error = Assert.Throws<UnreadableSheetException>(() => SheetReader.Read(file, "大.xlsx", new SheetLimits(MaxRows: 10)).ToList());

        Assert.Contains("超过 10 行的上限", error.Message);
    }

    [Fact]
    public void A_sheet_with_twenty_thousand_columns_is_refused()
    {
        var wide = string.Join(',', Enumerable.Range(0, 20_000).Select(i => "列"));
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(wide + "\r\n" + wide));

        var error = Assert.Throws<UnreadableSheetException>(() => SheetReader.Read(file, "宽.csv", new SheetLimits()).ToList());

        Assert.Contains("有 20000 列", error.Message);
    }

    [Fact]
    public void Other_file_types_are_refused() =>
        Assert.Contains("不支持的文件类型", Assert.Throws<UnreadableSheetException>(() => SheetReader.Read(new MemoryStream(), "台账.docx", new SheetLimits()).ToList()).Message);

    private static MemoryStream Xlsx(IEnumerable<string[]> rows)
    {
        var stream = new MemoryStream();
        var data = rows.Select(r => r.Select((cell, i) => (Key: ((char)('A' + i)).ToString(), Value: (object)cell))
            .ToDictionary(c => c.Key, c => c.Value)).ToList();
        stream.SaveAs(data, printHeader: false, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }
}
