using System.Globalization;
using Duban.Core.Spreadsheets;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Domain.Spreadsheets;

/// <summary>
/// The exported 台账 on paper: LibreOffice prints the standard sheet (the exporter's writer) to PDF, and the pages are
/// read back — A4 landscape, every column on each page, the header repeated, the title on the first page only.
/// </summary>
public class PrintedLedgerTests
{
    private const string Title = "打印测试问题整改台账";
    private const int Items = 60;

    [Fact]
    public async Task A_long_ledger_prints_one_page_wide_on_A4_landscape_with_the_header_on_every_page()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var print = new PrintedPdf();
        var sheet = Path.Combine(print.Folder, "ledger.xlsx");
        await using (var file = File.Create(sheet))
        {
            StandardLedgerSheet.Write(file, Title, "全部单位", new DateOnly(2026, 6, 1), Enumerable.Range(1, Items).Select(Row));
        }

        var pdf = await print.ConvertAsync(sheet, cancel);

        var sizes = await PrintedPdf.PageSizesAsync(pdf, cancel);
        var pages = await PrintedPdf.PageTextsAsync(pdf, cancel);
        Assert.True(pages.Count >= 3, $"{Items} long rows should need several pages down, got {pages.Count}");
        Assert.Equal(pages.Count, sizes.Count);
        Assert.All(sizes, size => Assert.True(Math.Abs(size.Width - 841.89) < 1 && Math.Abs(size.Height - 595.28) < 1, $"page {size} is not A4 landscape"));
        Assert.Contains(Title, pages[0]);
        Assert.All(pages.Skip(1), page => Assert.DoesNotContain(Title, page));
        // The first, the 16th and the system's 编号 column on every page: one page across, so pages = pages down.
        string[] headers = [.. new[] { LedgerColumn.Number, LedgerColumn.Remarks, LedgerColumn.Code }.Select(LedgerColumns.StandardName)];
        Assert.All(pages, page => Assert.All(headers, header => Assert.Contains(header, page)));
        var all = string.Concat(pages);
        Assert.All(Enumerable.Range(1, Items), n => Assert.Single(all.Split(Code(n))[1..]));
    }

    private static string Code(int n) => $"ZG-2026-{n.ToString("D4", CultureInfo.InvariantCulture)}";

    private static string?[] Row(int n) =>
    [
        n.ToString(CultureInfo.InvariantCulture),
        "推拖绕；不准拖延超时一分钟",
        "上级督查",
        $"第{n}项：部分公文办理超出规定时限，个别文件在科室之间流转时滞留超过五个工作日，群众和企业反映多次催问仍无回复，"
            + "影响了政府工作效率和形象，暴露出责任落实不到位、制度执行不严格的问题。",
        "公文办理全部按时限办结，建立长效机制。",
        "建立公文流转时限提醒\n每周通报超时文件\n纳入科室年度考核",
        "张副主任",
        "综合科",
        "李科长",
        "2026-03-01",
        "2026-06-30",
        "已召开专题会议研究整改，措施正在逐项落实，本月已办结积压文件十二件。",
        "整改中",
        "会议纪要.pdf\n整改方案.docx",
        "未销号",
        "按季度复查",
        Code(n),
    ];
}
