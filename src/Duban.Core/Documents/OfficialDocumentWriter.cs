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

    /// <summary>Twips: one body line (22 a page) and one body character (16 pt).</summary>
    public const int LinePitch = 579;
    public const int CharacterWidth = 320;

    public static void Write(OfficialDocument document, Stream output)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new EvenAndOddHeaders());
        var odd = Footer(main, JustificationValues.Right);
        var even = Footer(main, JustificationValues.Left);

        var body = new Body();
        body.Append(Paragraph(document.IssuerMark, XiaoBiaoSong, IssuerMarkSize, JustificationValues.Center, color: "FF0000",
            lineHeight: IssuerMarkSize * 10 + 120));
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
        }
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1587, Right = 1474, Header = 851, Footer = 1400, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
        main.Document = new Document(body);
    }

    private static Paragraph BodyParagraph(DocumentParagraph paragraph) => paragraph.Heading switch
    {
        HeadingLevel.First => Paragraph(paragraph.Text, HeiTi, BodySize, firstLineIndent: 2 * CharacterWidth),
        HeadingLevel.Second => Paragraph(paragraph.Text, KaiTi, BodySize, firstLineIndent: 2 * CharacterWidth),
        HeadingLevel.Third => Paragraph(paragraph.Text, FangSong, BodySize, firstLineIndent: 2 * CharacterWidth, bold: true),
        HeadingLevel.Fourth => Paragraph(paragraph.Text, FangSong, BodySize, firstLineIndent: 2 * CharacterWidth),
        _ => Paragraph(paragraph.Text, FangSong, BodySize, firstLineIndent: 2 * CharacterWidth),
    };

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
            new TableGrid(source.Columns.Select(_ => new GridColumn { Width = (8845 / source.Columns.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
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
            new TablePositionProperties { VerticalAnchor = VerticalAnchorValues.Margin, TablePositionYAlignment = VerticalAlignmentValues.Bottom },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8 }, new BottomBorder { Val = BorderValues.Single, Size = 8 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 6 })),
            new TableGrid(new GridColumn { Width = "8845" }));
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
