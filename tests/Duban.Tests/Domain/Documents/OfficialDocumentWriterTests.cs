using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Duban.Core.Documents;

namespace Duban.Tests.Domain.Documents;

/// <summary>The GB/T 9704 layout read back from the written .docx: page, grid, fonts and sizes, the red rule, footers.</summary>
public class OfficialDocumentWriterTests
{
    private static readonly OfficialDocument Sample = new(
        "区政府办公室文件", "区政办作风通〔2026〕3号", "关于2026年第四季度作风建设整改情况的通报", "各科室、各下属单位",
        [
            new("现将有关情况通报如下。"),
            new("一、基本情况", HeadingLevel.First),
            new("（一）问题查摆", HeadingLevel.Second),
            new("1.自查自纠", HeadingLevel.Third),
            new("（1）综合科", HeadingLevel.Fourth),
            new("=SUM(A1:A9) <b>不是标记</b>\u0007响铃"),
        ],
        "区政府办公室", new DateOnly(2026, 11, 29),
        new DocumentTable("各单位整改情况统计表", ["单位", "事项", "已销号"], [["综合科", "12", "9"], ["秘书科", "8", "8"]]),
        "区委办公室", "区政府办公室", new DateOnly(2026, 11, 30));

    [Fact]
    public void The_document_is_valid_open_xml()
    {
        using var package = Written();

        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_page_is_a4_with_the_standard_margins_and_22_lines()
    {
        using var package = Written();
        var section = package.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal((DocGridValues.Lines, 579), (grid.Type!.Value, grid.LinePitch!.Value));
        Assert.True(package.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>() is not null);
    }

    [Fact]
    public void Title_body_and_each_heading_level_have_their_fonts_and_sizes()
    {
        using var package = Written();
        var paragraphs = package.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

        Assert.Equal(("方正小标宋简体", "44", JustificationValues.Center), Style(paragraphs, Sample.Title));
        Assert.Equal("FF0000", Run(paragraphs, "区政府办公室文件").RunProperties!.Color!.Val!.Value);
        Assert.Equal(("仿宋_GB2312", "32", JustificationValues.Both), Style(paragraphs, "现将有关情况通报如下。"));
        Assert.Equal("640", Paragraph(paragraphs, "现将有关情况通报如下。").ParagraphProperties!.Indentation!.FirstLine!.Value);
        Assert.Equal("黑体", Style(paragraphs, "一、基本情况").Font);
        Assert.Equal("楷体_GB2312", Style(paragraphs, "（一）问题查摆").Font);
        Assert.Equal("仿宋_GB2312", Style(paragraphs, "1.自查自纠").Font);
        Assert.NotNull(Run(paragraphs, "1.自查自纠").RunProperties!.Bold);
        Assert.Null(Run(paragraphs, "（1）综合科").RunProperties!.Bold);
        Assert.Equal("各科室、各下属单位：", Paragraph(paragraphs, "各科室").InnerText);
        Assert.Equal("2026年11月29日", Paragraph(paragraphs, "2026年11月29日").InnerText);
    }

    [Fact]
    public void A_run_in_heading_keeps_its_face_to_its_full_stop_and_the_text_after_it_is_body_text()
    {
        using var package = Written(Sample with
        {
            Body = [new("（二）压实整改责任。各单位主要负责人要履行第一责任人职责。", HeadingLevel.Second), new("2.建立台账。逐项销号。", HeadingLevel.Third)],
        });
        var paragraphs = package.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

        var second = Paragraph(paragraphs, "（二）").Elements<Run>().ToList();
        Assert.Equal([("（二）压实整改责任。", "楷体_GB2312"), ("各单位主要负责人要履行第一责任人职责。", "仿宋_GB2312")],
            second.Select(r => (r.InnerText, r.RunProperties!.RunFonts!.EastAsia!.Value!)));
        var third = Paragraph(paragraphs, "2.建立").Elements<Run>().ToList();
        Assert.Equal([true, false], third.Select(r => r.RunProperties!.Bold is not null));
    }

    [Fact]
    public void The_number_sits_above_a_red_rule()
    {
        using var package = Written();
        var number = Paragraph(package.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList(), "区政办作风通〔2026〕3号");

        var rule = number.ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal((BorderValues.Single, "FF0000", 8u), (rule.Val!.Value, rule.Color!.Value!, rule.Size!.Value));
    }

    [Fact]
    public void Page_numbers_are_fields_on_the_right_of_odd_pages_and_the_left_of_even_ones()
    {
        using var package = Written();
        var main = package.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();

        Footer Of(HeaderFooterValues type) =>
            ((FooterPart)main.GetPartById(section.Elements<FooterReference>().Single(r => r.Type!.Value == type).Id!.Value!)).Footer!;
        var odd = Of(HeaderFooterValues.Default).Descendants<Paragraph>().Single();
        var even = Of(HeaderFooterValues.Even).Descendants<Paragraph>().Single();

        Assert.Equal((JustificationValues.Right, "280"), (odd.ParagraphProperties!.Justification!.Val!.Value, odd.ParagraphProperties.Indentation!.Right!.Value!));
        Assert.Equal((JustificationValues.Left, "280"), (even.ParagraphProperties!.Justification!.Val!.Value, even.ParagraphProperties.Indentation!.Left!.Value!));
        Assert.All(new[] { odd, even }, footer =>
        {
            Assert.Equal(" PAGE ", footer.Descendants<SimpleField>().Single().Instruction!.Value);
            Assert.Equal("— 1 —", footer.InnerText);
        });
    }

    [Fact]
    public void Text_that_looks_like_a_formula_or_markup_stays_plain_text_and_control_characters_are_left_out()
    {
        using var package = Written();
        var body = package.MainDocumentPart!.Document!.Body!;

        Assert.Contains(body.Descendants<Text>(), t => t.Text == "=SUM(A1:A9) <b>不是标记</b>响铃");
        Assert.Empty(body.Descendants<SimpleField>());
        Assert.Empty(body.Descendants<FieldCode>());
        Assert.Equal(3, body.Descendants<Table>().First().Elements<TableRow>().Count());
        Assert.Contains("抄送：区委办公室。", body.Descendants<Table>().Last().InnerText);
    }

    [Theory]
    [InlineData("区政府办公室文件", 72, null)]
    [InlineData("区政府办公室作风建设年活动领导小组办公室", 52, 84)]
    public void A_long_issuer_mark_is_set_smaller_and_narrowed_to_stay_on_one_line(string mark, int size, int? scale)
    {
        using var package = Written(Sample with { IssuerMark = mark });
        var run = Run(package.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList(), mark);

        Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture), run.RunProperties!.FontSize!.Val!.Value);
        Assert.Equal(scale, run.RunProperties.CharacterScale?.Val?.Value);
        Assert.True(mark.Length * size * 10 * (scale ?? 100) / 100 <= OfficialDocumentWriter.TextWidth);
    }

    [Fact]
    public void The_imprint_floats_to_the_foot_of_the_page_from_the_page_edge_with_a_paragraph_to_anchor_it()
    {
        using var package = Written();
        var body = package.MainDocumentPart!.Document!.Body!;
        var imprint = body.Elements<Table>().Last();

        var position = imprint.GetFirstChild<TableProperties>()!.TablePositionProperties!;
        Assert.Equal((HorizontalAnchorValues.Page, OfficialDocumentWriter.LeftMargin), (position.HorizontalAnchor!.Value, position.TablePositionX!.Value));
        Assert.Equal((VerticalAnchorValues.Margin, VerticalAlignmentValues.Bottom), (position.VerticalAnchor!.Value, position.TablePositionYAlignment!.Value));
        Assert.IsType<Paragraph>(imprint.NextSibling());
    }

    private static WordprocessingDocument Written(OfficialDocument? document = null)
    {
        var stream = new MemoryStream();
        OfficialDocumentWriter.Write(document ?? Sample, stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false);
    }

    private static Paragraph Paragraph(List<Paragraph> paragraphs, string startsWith) =>
        paragraphs.First(p => p.InnerText.StartsWith(startsWith, StringComparison.Ordinal));

    private static Run Run(List<Paragraph> paragraphs, string startsWith) => Paragraph(paragraphs, startsWith).Elements<Run>().First();

    private static (string Font, string Size, JustificationValues Justification) Style(List<Paragraph> paragraphs, string startsWith)
    {
        var run = Run(paragraphs, startsWith);
        return (run.RunProperties!.RunFonts!.EastAsia!.Value!, run.RunProperties.FontSize!.Val!.Value!,
            Paragraph(paragraphs, startsWith).ParagraphProperties!.Justification!.Val!.Value);
    }
}
