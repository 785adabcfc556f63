using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Duban.Core.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a .docx in the layout of GB/T 9704-2012, with the values that render
/// right in WPS, Word and LibreOffice (../shared/DOCUMENTS.md): A4, margins 37/35/28/26 mm, 22 lines of 28 characters
/// (an exact line pitch and a slightly narrowed 三号), fonts named as offices have them, page numbers — 1 — on the
/// right of odd pages and the left of even ones. Text is written as text runs only: nothing in it can become a field,
/// a formula or markup.
/// </summary>
public static class OfficialDocumentWriter
{
    public const string FangSong = "仿宋_GB2312";
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string HeiTi = "黑体";
    public const string KaiTi = "楷体_GB2312";
    public const string SongTi = "宋体";

    /// <summary>Half-points: 三号 (16 pt) for the body, 二号 (22 pt) for the title, 四号 (14 pt) for 版记 and page numbers.</summary>
    public const int BodySize = 32;
    public const int TitleSize = 44;
    public const int SmallSize = 28;
    public const int IssuerMarkSize = 72;
    public const int MinIssuerMarkSize = 52;

    /// <summary>Twips: one body line (22 a page), one body character (16 pt), the left margin and the text block's width.</summary>
    public const int LinePitch = 579;
    public const int CharacterWidth = 320;
    public const int LeftMargin = 1587;
    public const int TextWidth = 8845;

    public static void Write(OfficialDocument document, Stream output)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new EvenAndOddHeaders());
        var odd = Footer(main, JustificationValues.Right);
        var even = Footer(main, JustificationValues.Left);

        var body = new Body();
        body.Append(IssuerMark(document.IssuerMark));
        var number = Paragraph(document.Number ?? string.Empty, FangSong, BodySize, JustificationValues.Center);
        number.ParagraphProperties!.PrependChild(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = "FF0000", Size = 8, Space = 11 }));
        body.Append(number);
        body.Append(Paragraph(string.Empty, FangSong, BodySize));
        body.Append(Paragraph(document.Title, XiaoBiaoSong, TitleSize, JustificationValues.Center));
        body.Append(Paragraph(string.Empty, FangSong, BodySize));
        if (!string.IsNullOrWhiteSpace(document.MainRecipients))
        {
            body.Append(Paragraph(document.MainRecipients.TrimEnd('：', ':') + "：", FangSong, BodySize));
        }
        foreach (var paragraph in document.Body)
        {
            body.Append(BodyParagraph(paragraph));
        }
        body.Append(Paragraph(string.Empty, FangSong, BodySize));
        body.Append(Paragraph(document.Signature, FangSong, BodySize, JustificationValues.Right, rightIndent: 4 * CharacterWidth));
        body.Append(Paragraph(OfficialDocument.DateText(document.Date), FangSong, BodySize, JustificationValues.Right, rightIndent: 4 * CharacterWidth));
        if (document.Attachment is { } attachment)
        {
            var heading = Paragraph("附件", HeiTi, BodySize);
            heading.ParagraphProperties!.PrependChild(new PageBreakBefore());
            body.Append(heading);
            body.Append(Paragraph(attachment.Title, XiaoBiaoSong, TitleSize, JustificationValues.Center));
            body.Append(Table(attachment));
        }
        if (document.CopyTo is not null || document.PrintedBy is not null)
        {
            body.Append(Imprint(document));
            // LibreOffice anchors a floating table to the paragraph after it, and drops one that has none.
            body.Append(Paragraph(string.Empty, FangSong, BodySize, lineHeight: 20));
        }
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = LeftMargin, Right = 1474, Header = 851, Footer = 1400, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
        main.Document = new Document(body);
    }

    /// <summary>
    /// The mark on one line, as offices set a long organ's name: 36 pt when it fits, else smaller down to 一号 (26 pt),
    /// then narrowed (字符缩放) but not below half width.
    /// </summary>
    private static Paragraph IssuerMark(string mark)
    {
        // In half-widths: a character at s half-points is s × 10 twips wide, a Latin letter or digit about half that.
        var halfWidths = Math.Max(1, mark.Sum(c => c >= '\u2E80' ? 2 : 1));
        const int width = TextWidth - 40;
        var size = Math.Clamp(width / (halfWidths * 5), MinIssuerMarkSize, IssuerMarkSize);
        var scale = Math.Clamp(width * 100 / (halfWidths * 5 * size), 50, 100);
        var paragraph = Paragraph(mark, XiaoBiaoSong, size, JustificationValues.Center, color: "FF0000", lineHeight: size * 10 + 120);
        if (scale < 100 && paragraph.GetFirstChild<Run>()?.RunProperties is { } properties)
        {
            properties.InsertBefore(new CharacterScale { Val = scale }, properties.GetFirstChild<FontSize>());
        }
        return paragraph;
    }

    /// <summary>
    /// A heading in its level's face; when the text goes on after the heading's first full stop (（一）压实责任。各单位要…),
    /// only the heading is in that face and the rest is body text, as offices set a run-in heading.
    /// </summary>
    private static Paragraph BodyParagraph(DocumentParagraph paragraph)
    {
        var (font, bold) = paragraph.Heading switch
        {
            HeadingLevel.First => (HeiTi, false),
            HeadingLevel.Second => (KaiTi, false),
            HeadingLevel.Third => (FangSong, true),
            _ => (FangSong, false),
        };
        var stop = paragraph.Heading == HeadingLevel.None ? -1 : paragraph.Text.IndexOf('。', StringComparison.Ordinal);
        if (stop < 0 || stop == paragraph.Text.Length - 1)
        {
            return Paragraph(paragraph.Text, font, BodySize, firstLineIndent: 2 * CharacterWidth, bold: bold);
        }
        var heading = Paragraph(paragraph.Text[..(stop + 1)], font, BodySize, firstLineIndent: 2 * CharacterWidth, bold: bold);
        heading.Append(Run(paragraph.Text[(stop + 1)..], FangSong, BodySize));
        return heading;
    }

    private static Paragraph Paragraph(string text, string font, int size, JustificationValues? justification = null, string? color = null,
        int? lineHeight = null, int? firstLineIndent = null, int? rightIndent = null, bool bold = false)
    {
        var properties = new ParagraphProperties(
            new SnapToGrid { Val = false },
            new SpacingBetweenLines { Line = (lineHeight ?? LinePitch).ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (firstLineIndent is not null || rightIndent is not null)
        {
            var indentation = new Indentation();
            if (firstLineIndent is { } first)
            {
                indentation.FirstLine = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (rightIndent is { } right)
            {
                indentation.Right = right.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            properties.Append(indentation);
        }
        properties.Append(new Justification { Val = justification ?? JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, font, size, color, bold));
        }
        return paragraph;
    }

    private static Run Run(string text, string font, int size, string? color = null, bool bold = false)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }
        // 16 pt narrowed by a quarter point: 28 characters fill the 156 mm line.
        if (size == BodySize)
        {
            properties.Append(new Spacing { Val = -5 });
        }
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        properties.Append(new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Characters XML cannot carry (control characters) are left out rather than breaking the file.</summary>
    private static string Clean(string text) => new([.. text.Where(c => !char.IsControl(c))]);

    private static FooterPart Footer(MainDocumentPart main, JustificationValues side)
    {
        var part = main.AddNewPart<FooterPart>();
        var indentation = side == JustificationValues.Right ? new Indentation { Right = "280" } : new Indentation { Left = "280" };
        var paragraph = new Paragraph(new ParagraphProperties(indentation, new Justification { Val = side }),
            Run("— ", SongTi, SmallSize),
            new SimpleField(Run("1", SongTi, SmallSize)) { Instruction = " PAGE " },
            Run(" —", SongTi, SmallSize));
        part.Footer = new Footer(paragraph);
        return part;
    }

    private static Table Table(DocumentTable source)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border),
            new TableGrid(source.Columns.Select(_ => new GridColumn { Width = (TextWidth / source.Columns.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(source.Columns, bold: true));
        foreach (var row in source.Rows)
        {
            table.Append(Row(row, bold: false));
        }
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) => new(cells.Select(cell => new TableCell(
        new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(cell, FangSong, SmallSize, bold: bold)))));

    /// <summary>版记: 抄送 and the printing organ with its date, between rules, at the foot of the last page.</summary>
    private static Table Imprint(OfficialDocument document)
    {
        var table = new Table(new TableProperties(
            // Placed from the page's edge, not the margin: LibreOffice floats a table as wide as the text only then.
            new TablePositionProperties
            {
                HorizontalAnchor = HorizontalAnchorValues.Page, TablePositionX = LeftMargin,
                VerticalAnchor = VerticalAnchorValues.Margin, TablePositionYAlignment = VerticalAlignmentValues.Bottom,
            },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8 }, new BottomBorder { Val = BorderValues.Single, Size = 8 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 6 })),
            new TableGrid(new GridColumn { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        if (document.CopyTo is { } copyTo)
        {
            table.Append(new TableRow(new TableCell(Paragraph("抄送：" + copyTo.TrimEnd('。') + "。", FangSong, SmallSize, JustificationValues.Left))));
        }
        if (document.PrintedBy is { } printedBy)
        {
            var date = OfficialDocument.DateText(document.PrintedOn ?? document.Date) + "印发";
            table.Append(new TableRow(new TableCell(Paragraph(printedBy + new string('　', 4) + date, FangSong, SmallSize, JustificationValues.Left))));
        }
        return table;
    }
}
