using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Duban.Core.Documents;

/// <summary>A column of a written sheet: its header and its width in characters.</summary>
public sealed record SheetColumn(string Header, double Width);

/// <summary>
/// What frames the rows of a written sheet: the sheet's name, a title merged across the columns, one line of cells
/// under it (who filled it in, the date), and the columns.
/// </summary>
public sealed record SheetLayout(string Name, string Title, IReadOnlyList<string?> Info, IReadOnlyList<SheetColumn> Columns);

/// <summary>
/// Writes rows as a table offices print: the layout's title, info line and header above them, the header frozen and
/// repeated on every printed page, widths, wrapped text and borders, A4 landscape and one page wide (as many pages
/// down as the rows need). Written row by row, so memory does not grow with the rows. A cell starting with = + - or @
/// is marked as text (quote prefix) so it can never run as a formula.
/// </summary>
public static class SheetWriter
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int HeaderRow = 3;
    private const uint TitleStyle = 1;
    private const uint InfoStyle = 2;
    private const uint HeaderStyle = 3;
    private const uint BodyStyle = 4;
    private const uint QuotedBodyStyle = 5;

    // Points: a line of 11 pt 宋体 as Excel spaces it, and the tallest row Excel allows.
    private const double LineHeight = 14.25;
    private const double MaxRowHeight = 409;

    public static void Write(Stream output, SheetLayout layout, IEnumerable<IReadOnlyList<string?>> rows)
    {
        // The SDK's package keeps each part in memory until it closes — hundreds of megabytes for 100,000 rows. So
        // the SDK builds everything but the rows (a few kilobytes), and the zip is then written out part by part,
        // the worksheet streamed row by row straight into its zip entry.
        using var skeleton = new MemoryStream();
        string sheetPath;
        using (var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData());
            sheetPath = sheetPart.Uri.OriginalString.TrimStart('/');
            workbook.Workbook = new Workbook(
                new Sheets(new Sheet { Name = layout.Name, SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }),
                new DefinedNames(new DefinedName($"'{layout.Name}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        skeleton.Position = 0;
        using var source = new ZipArchive(skeleton, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // [Content_Types].xml first, as Excel writes it; some readers look for it there.
        foreach (var entry in source.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1))
        {
            using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
            if (entry.FullName == sheetPath)
            {
                WriteSheet(to, layout, rows);
            }
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    // The worksheet as plain XML, the way Excel writes it: one element object per cell would be most of the time.
    private static void WriteSheet(Stream part, SheetLayout layout, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var columns = layout.Columns;
        using var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", MainNamespace);
        // fitToWidth/fitToHeight below are read only when fitToPage is on: without it Excel, WPS and LibreOffice
        // print at 100 % and the right-hand columns go to pages of their own.
        xml.WriteStartElement("sheetPr", MainNamespace);
        Empty(xml, "pageSetUpPr", ("fitToPage", "1"));
        xml.WriteEndElement();
        xml.WriteStartElement("sheetViews", MainNamespace);
        xml.WriteStartElement("sheetView", MainNamespace);
        xml.WriteAttributeString("workbookViewId", "0");
        Empty(xml, "pane", ("ySplit", Number(HeaderRow)), ("topLeftCell", "A" + Number(HeaderRow + 1)), ("activePane", "bottomLeft"),
            ("state", "frozen"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("cols", MainNamespace);
        for (var i = 0; i < columns.Count; i++)
        {
            Empty(xml, "col", ("min", Number(i + 1)), ("max", Number(i + 1)), ("width", columns[i].Width.ToString(CultureInfo.InvariantCulture)),
                ("customWidth", "1"));
        }
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", MainNamespace);
        WriteRow(xml, 1, [layout.Title], TitleStyle, 30, custom: true);
        WriteRow(xml, 2, layout.Info, InfoStyle, null);
        WriteRow(xml, HeaderRow, [.. columns.Select(c => c.Header)], HeaderStyle, 30, custom: true);
        var number = HeaderRow + 1;
        foreach (var row in rows)
        {
            WriteRow(xml, number++, row, BodyStyle, HeightOf(row, columns));
        }
        xml.WriteEndElement();
        xml.WriteStartElement("mergeCells", MainNamespace);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "mergeCell", ("ref", $"A1:{ColumnLetter(columns.Count - 1)}1"));
        xml.WriteEndElement();
        Empty(xml, "printOptions", ("horizontalCentered", "1"));
        Empty(xml, "pageMargins", ("left", "0.4"), ("right", "0.4"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3"));
        Empty(xml, "pageSetup", ("paperSize", "9"), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0"));
        xml.WriteEndElement();
    }

    /// <summary>
    /// The height wrapped text needs: LibreOffice prints a row without one a single line high, cutting the rest off.
    /// Not marked custom, so the row stays an automatic one for the program that opens it. In 宋体 a CJK character is
    /// about two units of column width, other characters one; a unit of each column is left for the cell's padding.
    /// </summary>
    private static double? HeightOf(IReadOnlyList<string?> values, IReadOnlyList<SheetColumn> columns)
    {
        var lines = 1;
        for (var i = 0; i < values.Count && i < columns.Count; i++)
        {
            var room = Math.Max(1, columns[i].Width - 1);
            var cell = (values[i] ?? string.Empty).Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(c => c >= '\u2E80' ? 2 : 1) / room)));
            lines = Math.Max(lines, cell);
        }
        return lines == 1 ? null : Math.Min(MaxRowHeight, lines * LineHeight + 3);
    }

    private static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, MainNamespace);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, int number, IReadOnlyList<string?> values, uint style, double? height, bool custom = false)
    {
        xml.WriteStartElement("row", MainNamespace);
        xml.WriteAttributeString("r", Number(number));
        if (height is { } h)
        {
            xml.WriteAttributeString("ht", h.ToString(CultureInfo.InvariantCulture));
            if (custom)
            {
                xml.WriteAttributeString("customHeight", "1");
            }
        }
        for (var i = 0; i < values.Count; i++)
        {
            var text = XmlSafe(values[i]);
            var quoted = style == BodyStyle && text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal);
            xml.WriteStartElement("c", MainNamespace);
            xml.WriteAttributeString("r", ColumnLetter(i) + Number(number));
            xml.WriteAttributeString("s", Number((int)(quoted ? QuotedBodyStyle : style)));
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", MainNamespace);
            xml.WriteStartElement("t", MainNamespace);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A control character pasted into a field would make the whole file unreadable; it is left out.
    private static string XmlSafe(string? text) =>
        text is null ? string.Empty
        : text.All(XmlConvert.IsXmlChar) ? text
        : string.Concat(text.Where(XmlConvert.IsXmlChar));

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
