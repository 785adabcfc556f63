using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// Writes rows as the 台账 offices print: a merged title, 填报单位 and date, the 16 standard columns with a frozen
/// header repeated on every printed page, widths, wrapped text and borders, A4 landscape. Written row by row, so
/// memory does not grow with the ledger. A cell starting with = + - or @ is marked as text (quote prefix) so it can
/// never run as a formula.
/// </summary>
public static class StandardLedgerSheet
{
    private const string SheetName = "整改台账";
    private const uint TitleStyle = 1;
    private const uint InfoStyle = 2;
    private const uint HeaderStyle = 3;
    private const uint BodyStyle = 4;
    private const uint QuotedBodyStyle = 5;

    private static readonly double[] Widths = [6, 14, 10, 36, 24, 36, 10, 14, 10, 12, 12, 30, 10, 20, 12, 16];

    public static void Write(Stream output, string title, string filler, DateOnly date, IEnumerable<string?[]> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var columns = LedgerColumnsInOrder;
        var lastColumn = ColumnLetter(columns.Count - 1);

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 3, TopLeftCell = "A4", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(Widths.Select((w, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true,
            })));
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, [title], TitleStyle, 30);
            WriteRow(writer, 2, [$"填报单位：{filler}", .. Enumerable.Repeat<string?>(null, columns.Count - 3), $"填报日期：{date:yyyy年M月d日}"], InfoStyle, null);
            WriteRow(writer, 3, [.. columns.Select(LedgerColumns.StandardName)], HeaderStyle, 30);
            uint number = 4;
            foreach (var row in rows)
            {
                WriteRow(writer, number++, row, BodyStyle, null);
            }
            writer.WriteEndElement();
            writer.WriteElement(new MergeCells(new MergeCell { Reference = $"A1:{lastColumn}1" }) { Count = 1 });
            writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }),
            new DefinedNames(new DefinedName($"'{SheetName}'!$3:$3") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        workbook.Workbook.Save();
    }

    public static IReadOnlyList<LedgerColumn> LedgerColumnsInOrder { get; } = Enum.GetValues<LedgerColumn>();

    private static void WriteRow(OpenXmlWriter writer, uint number, string?[] values, uint style, double? height)
    {
        var row = new Row { RowIndex = number };
        if (height is { } h)
        {
            row.Height = h;
            row.CustomHeight = true;
        }
        writer.WriteStartElement(row);
        for (var i = 0; i < values.Length; i++)
        {
            var text = values[i] ?? string.Empty;
            var quoted = style == BodyStyle && text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal);
            writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = ColumnLetter(i) + number,
                DataType = CellValues.InlineString,
                StyleIndex = quoted ? QuotedBodyStyle : style,
            });
        }
        writer.WriteEndElement();
    }

    private static string ColumnLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

    private static Stylesheet Styles()
    {
        static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }
            font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" });
            return font;
        }
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        return new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }), Font(16, true), Font(11, true)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEFEFEF" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
                    { FontId = 1, ApplyFont = true, ApplyAlignment = true },
                new CellFormat { FontId = 0 },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                    { FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                    { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                    { BorderId = 1, ApplyBorder = true, ApplyAlignment = true, QuotePrefix = true }) { Count = 6 });
    }
}
