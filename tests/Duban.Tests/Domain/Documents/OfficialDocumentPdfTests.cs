using System.Globalization;
using Duban.Core.Documents;
using Duban.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Duban.Tests.Domain.Documents;

/// <summary>
/// A bulletin-like 公文 on paper: written as .docx, printed to PDF by LibreOffice through <see cref="PdfConverter"/> with
/// the shipped fonts.conf, and measured with poppler — A4, 22 lines of at most 28 characters between the margins, page
/// numbers on alternate sides, the official fonts' names rendered by the free faces they are mapped to. The PDF and PNGs
/// of its first pages are kept in TestResults/documents.
/// </summary>
public class OfficialDocumentPdfTests
{
    private const string Number = "区政办作风通〔2026〕3号";
    private const string Title = "关于全区作风建设年活动第三季度问题整改推进情况的通报";

    private static readonly string[] Paragraphs =
    [
        "按照区委、区政府关于开展作风建设年活动的统一部署，区作风建设年活动领导小组办公室对各单位第三季度问题整改推进情况进行了全面督查，采取查阅台账、实地察看、随机抽查和群众回访相结合的方式，逐项核实整改进度和成效。",
        "从督查情况看，各单位能够把问题整改作为作风建设的重要抓手，主要负责同志亲自研究部署，分管负责同志具体推动，整改工作总体有序推进，一批群众反映强烈的突出问题得到有效解决，机关作风和服务效能有了明显改善。",
        "各单位对照查摆出的问题逐项建立整改台账，明确责任领导、责任科室、责任人和完成时限，做到问题清单、任务清单、责任清单三单对应，实行对账销号管理。绝大多数单位能够按时报送整改进展，台账信息完整准确。",
        "区政务服务中心推行首问负责和限时办结制度，窗口办件平均时限比上季度缩短三成；区住房和城乡建设局集中清理积压审批事项，全部在规定时限内办结；区市场监督管理局开通企业诉求快速响应通道，做到当天受理、限期答复。",
        "个别单位对整改工作重视不够，存在等待观望思想，整改措施停留在开会发文层面，没有真正落到实处；有的单位整改台账更新不及时，整改进度与实际情况不符，报送材料敷衍应付，反映出工作作风不扎实的问题。",
        "部分问题整改标准不高、成效不明显。有的单位只解决具体问题，没有从制度层面查找原因、堵塞漏洞，同类问题反复出现；有的单位整改措施针对性不强，群众满意度不高，回访中仍有群众反映办事难、办事慢。",
        "少数单位对督办事项反馈不及时，督办单签收后未在规定期限内反馈整改情况，经多次催办才报送材料，影响了整体工作进度。对此，领导小组办公室已按规定对相关单位进行了提醒谈话，并责令限期整改到位。",
        "各单位要充分认识作风建设的长期性和艰巨性，切实把思想和行动统一到区委、区政府的决策部署上来，主要负责同志要履行第一责任人职责，对本单位整改工作亲自抓、负总责，确保各项整改任务按期完成。",
        "对本次通报的问题，各有关单位要逐条认领、举一反三，制定切实可行的整改措施，明确整改时限，于下月十五日前将整改情况书面报送领导小组办公室。对已经完成的整改事项，要适时组织回头看，防止问题反弹回潮。",
        "领导小组办公室将持续加大督查督办力度，采取明查与暗访相结合的方式，对整改不力、敷衍塞责的单位和个人，按照有关规定严肃追责问责，并在全区范围内通报批评，以严明的纪律推动作风持续向好。",
        "各单位要把整改工作与日常业务工作紧密结合，注重总结推广好的经验做法，建立健全长效工作机制，推动作风建设常态化、长效化，以作风建设的实际成效为全区经济社会高质量发展提供坚强保障。",
    ];

    private static readonly OfficialDocument Bulletin = new(
        "区政府办公室作风建设年活动领导小组办公室", Number, Title, "各镇人民政府、各街道办事处，区政府各部门、各直属机构",
        [
            new(Paragraphs[0]),
            new("一、总体情况", HeadingLevel.First),
            new(Paragraphs[1]),
            new("（一）整改责任逐级压实", HeadingLevel.Second),
            new(Paragraphs[2]),
            new("1.建立整改台账", HeadingLevel.Third),
            new("（1）对账销号管理", HeadingLevel.Fourth),
            new(Paragraphs[3]),
            new("二、存在的主要问题", HeadingLevel.First),
            new(Paragraphs[4]),
            new(Paragraphs[5]),
            new(Paragraphs[6]),
            new("三、下一步工作要求", HeadingLevel.First),
            new("（一）提高思想认识", HeadingLevel.Second),
            new(Paragraphs[7]),
            new("（二）抓好问题整改", HeadingLevel.Second),
            new(Paragraphs[8]),
            new("（三）强化督查问责", HeadingLevel.Second),
            new(Paragraphs[9]),
            new(Paragraphs[10]),
            new(Paragraphs[1]),
            new(Paragraphs[2]),
        ],
        "区作风建设年活动领导小组办公室", new DateOnly(2026, 11, 29),
        new DocumentTable("第三季度问题整改情况统计表", ["单位", "问题数", "已销号", "整改中", "销号率"],
        [
            ["区政务服务中心", "12", "11", "1", "91.7%"],
            ["区住房和城乡建设局", "9", "7", "2", "77.8%"],
            ["区市场监督管理局", "8", "8", "0", "100%"],
            ["区自然资源局", "6", "3", "3", "50.0%"],
        ]),
        "区委办公室，区人大常委会办公室，区政协办公室", "区政府办公室", new DateOnly(2026, 11, 30));

    [Fact]
    public async Task A_bulletin_prints_as_a_gbt9704_document_in_the_mapped_fonts()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var print = new PrintedPdf();
        using var converter = new PdfConverter(Options.Create(new DocumentOptions()), NullLogger<PdfConverter>.Instance);
        using var docx = new MemoryStream();
        OfficialDocumentWriter.Write(Bulletin, docx);

        var conversion = await converter.ConvertAsync(docx.ToArray(), cancel);

        Assert.True(conversion.Pdf is not null, conversion.Error);
        var pdf = Path.Combine(print.Folder, "bulletin.pdf");
        await File.WriteAllBytesAsync(pdf, conversion.Pdf, cancel);
        await PrintedPdf.KeepAsync(pdf, "documents", "bulletin", 2, cancel);

        var sizes = await PrintedPdf.PageSizesAsync(pdf, cancel);
        Assert.True(sizes.Count >= 4, $"the body should run over three pages and the attachment take one more, got {sizes.Count}");
        Assert.All(sizes, size => Assert.True(Math.Abs(size.Width - 595.3) < 1 && Math.Abs(size.Height - 841.89) < 1, $"page {size} is not A4 portrait"));

        var first = await PrintedPdf.PageLinesAsync(pdf, 1, cancel);
        Assert.Contains(first, line => Squeezed(line) == Bulletin.IssuerMark);
        Assert.Contains(first, line => Squeezed(line) == Number);
        Assert.Equal(2, first.Count(line => Title.StartsWith(Squeezed(line), StringComparison.Ordinal) || Title.EndsWith(Squeezed(line), StringComparison.Ordinal)));
        Assert.Contains(Title, string.Concat(first.Select(Squeezed)));
        var one = Assert.Single(first, line => line.Text == "— 1 —");
        Assert.True(Math.Abs(one.Right - 179.1) < 2 && one.Top > 262, $"page 1's number should end 26 + 5 mm from the right edge, below the text: {Box(one)}");

        var second = await PrintedPdf.PageLinesAsync(pdf, 2, cancel);
        var two = Assert.Single(second, line => line.Text == "— 2 —");
        Assert.True(Math.Abs(two.Left - 32.9) < 2 && two.Top > 262, $"page 2's number should start 28 + 5 mm from the left edge, below the text: {Box(two)}");
        var body = second.Where(line => line.Top >= 37 && line.Bottom <= 262).ToList();
        Assert.Equal(22, body.Select(line => Math.Round(line.Bottom)).Distinct().Count());
        Assert.Equal(28, body.Max(line => Squeezed(line).Length));
        Assert.True(Math.Abs(body.Min(line => line.Left) - 28) < 1, $"the text should start at the 28 mm margin, not {Mm(body.Min(line => line.Left))} mm");

        // The 版记 closes the last page, its last rule on the text block's bottom edge (262 mm).
        var last = await PrintedPdf.PageLinesAsync(pdf, sizes.Count, cancel);
        var printed = Assert.Single(last, line => Squeezed(line).EndsWith("印发", StringComparison.Ordinal));
        Assert.True(printed.Bottom is > 252 and < 262, $"the 印发 line should sit at the foot of the last page: {Box(printed)}");
        Assert.Contains(last, line => Squeezed(line).StartsWith("抄送：", StringComparison.Ordinal) && line.Bottom < printed.Top);

        // The official fonts' names found the free faces fonts.conf maps them to: each face is in the PDF.
        var fonts = await PrintedPdf.FontsAsync(pdf, cancel);
        Assert.All(fonts, font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
        Assert.All(fonts, font => Assert.Matches("NotoSerifCJK|NotoSansCJK|UKai", font.Name));
        Assert.Contains(fonts, font => font.Name.Contains("NotoSerifCJK", StringComparison.Ordinal) && font.Name.Contains("-Regular", StringComparison.Ordinal));
        Assert.Contains(fonts, font => font.Name.Contains("NotoSerifCJK", StringComparison.Ordinal) && font.Name.Contains("-Black", StringComparison.Ordinal));
        Assert.Contains(fonts, font => font.Name.Contains("NotoSansCJK", StringComparison.Ordinal));
        Assert.Contains(fonts, font => font.Name.Contains("UKai", StringComparison.Ordinal));
    }

    private static string Squeezed(PdfLine line) => line.Text.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static string Box(PdfLine line) => $"“{line.Text}” at {Mm(line.Left)}–{Mm(line.Right)} × {Mm(line.Top)}–{Mm(line.Bottom)} mm";

    private static string Mm(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
