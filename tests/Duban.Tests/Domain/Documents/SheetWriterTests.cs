using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Duban.Core.Documents;
using MiniExcelLibs;

namespace Duban.Tests.Domain.Documents;

/// <summary>The printed-table writer: a valid workbook framed by title, info line and frozen header, and cells that cannot run.</summary>
public class SheetWriterTests
{
    private static readonly SheetLayout Layout = new("清单", "测试清单", ["制表：综合科", null, "2026年6月1日"],
        [new SheetColumn("序号", 6), new SheetColumn("内容", 36), new SheetColumn("备注", 12.5)]);

    [Fact]
    public void The_rows_come_under_the_title_the_info_line_and_the_header()
    {
        using var file = Written([["1", "第一行", null], ["2", "第二行", "附注"]]);

        var rows = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).ToList()).ToList();

        Assert.Equal("测试清单", rows[0][0]);
        Assert.Equal(["制表：综合科", null, "2026年6月1日"], rows[1]);
        Assert.Equal(["序号", "内容", "备注"], rows[2]);
        Assert.Equal(["1", "第一行", null], rows[3]);
        Assert.Equal(["2", "第二行", "附注"], rows[4]);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public void The_workbook_is_valid_with_a_frozen_repeated_header_merged_title_widths_and_landscape_pages()
    {
        using var file = Written([["1", "内容", null]]);

        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 3d, "A4"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal("'清单'!$3:$3", document.WorkbookPart.Workbook.Descendants<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles").Text);
        Assert.Equal("清单", document.WorkbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value);
        Assert.Equal("A1:C1", sheet.Descendants<MergeCell>().Single().Reference!.Value);
        Assert.Equal([6d, 36d, 12.5d], sheet.Descendants<Column>().Select(c => c.Width!.Value));
        Assert.Equal(OrientationValues.Landscape, sheet.Descendants<PageSetup>().Single().Orientation!.Value);
    }

    [Fact]
    public void The_sheet_prints_on_A4_landscape_fitted_one_page_wide_and_as_many_pages_down_as_needed()
    {
        using var file = Written([["1", "内容", null]]);

        using var document = SpreadsheetDocument.Open(file, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.True(sheet.SheetProperties?.PageSetupProperties?.FitToPage?.Value, "fitToWidth and fitToHeight are read only with fitToPage on");
        var setup = sheet.Descendants<PageSetup>().Single();
        Assert.Equal((9u, OrientationValues.Landscape, 1u, 0u),
            (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.True(sheet.Descendants<PrintOptions>().Single().HorizontalCentered?.Value);
        var margins = sheet.Descendants<PageMargins>().Single();
        Assert.Equal((0.4, 0.4, 0.6, 0.6), (margins.Left!.Value, margins.Right!.Value, margins.Top!.Value, margins.Bottom!.Value));
    }

    [Fact]
    public void A_cell_that_looks_like_a_formula_is_marked_as_text()
    {
        using var file = Written([["=HYPERLINK(\"http://example.invalid\")", "+1", "-1"], ["@SUM(A1:A9)", "普通文字", "1-2"]]);

        using var document = SpreadsheetDocument.Open(file, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        bool Quoted(string text) => formats[(int)sheet.Descendants<Cell>().Single(c => c.InnerText == text).StyleIndex!.Value].QuotePrefix?.Value == true;
        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.True(Quoted("=HYPERLINK(\"http://example.invalid\")"));
        Assert.True(Quoted("+1"));
        Assert.True(Quoted("-1"));
        Assert.True(Quoted("@SUM(A1:A9)"));
        Assert.False(Quoted("普通文字"));
        Assert.False(Quoted("1-2"));
    }

    [Fact]
    public void Control_characters_are_left_out_so_the_file_still_opens()
    {
        using var file = Written([["1", "响应\u0001不及时\u000B", null]]);

        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>(), c => c.InnerText == "响应不及时");
    }

    private static MemoryStream Written(IEnumerable<string?[]> rows)
    {
        var file = new MemoryStream();
        SheetWriter.Write(file, Layout, rows);
        file.Position = 0;
        return file;
    }
}
