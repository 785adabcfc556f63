using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// Supervision's golden path through the pages: demo-supervisor draws three closed items with a given seed and records
/// a failed 回头看 check on 综合科's item; demo-liaison finds it reopened on 我的待办; demo-supervisor issues a 黄 slip to
/// 综合科, which demo-head signs for and answers. Screenshots of the inspection list, the draw and the slip's print view.
/// </summary>
public sealed partial class SupervisionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desk = new() { Width = 1366, Height = 900 };

    [Fact]
    public async Task A_failed_revisit_reopens_an_item_and_a_yellow_slip_is_signed_for_and_answered()
    {
        var supervisor = await browser.SignInAsync("demo-supervisor", Desk);
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await supervisor.GotoAsync("/supervision");
        await Assertions.Expect(supervisor.Locator("table.grid")).ToContainTextAsync("第三季度作风建设明查");
        await Assertions.Expect(supervisor.Locator("table.grid")).ToContainTextAsync("窗口服务暗访");
        await BrowserFixture.ScreenshotAsync(supervisor, "supervision-inspections-supervisor");

        // Closed items by unit, from the ledger: all of 综合科's stay in the draw, others are excluded (回避) down to three.
        await supervisor.GotoAsync("/ledger?state=Closed");
        var rows = supervisor.Locator("table.ledger tbody tr");
        var general = new List<string>();
        var others = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var code = await rows.Nth(i).Locator("td.code a").InnerTextAsync();
            (await rows.Nth(i).Locator("td.unit").InnerTextAsync() == "综合科" ? general : others).Add(code);
        }
        Assert.NotEmpty(general);
        var excluded = others.Skip(Math.Max(0, 3 - general.Count)).ToList();

        await supervisor.GotoAsync("/supervision/draws/new");
        await supervisor.GetByLabel("抽取对象").SelectOptionAsync(new SelectOptionValue { Label = "已销号事项（回头看）" });
        await supervisor.GetByLabel("抽取数量").FillAsync("3");
        await supervisor.GetByLabel(new Regex("^种子")).FillAsync("2026年12月1日福利彩票开奖号码 07 12 19 23 28 31");
        await supervisor.GetByLabel(new Regex("^回避对象")).FillAsync(string.Join('\n', excluded));
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("main")).ToContainTextAsync("3");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "抽取", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync(new Regex("CJ-\\d{4}-\\d{3}"));
        await Assertions.Expect(supervisor.Locator("main")).ToContainTextAsync("sha256-rank-v1");
        await BrowserFixture.ScreenshotAsync(supervisor, "supervision-draw-supervisor");

        var failed = general[0];
        var check = supervisor.Locator($"form#check-{failed}");
        await check.GetByLabel(new Regex("不通过（")).CheckAsync();
        await check.GetByLabel(new Regex("^理由")).FillAsync("回访发现制度未执行，问题反弹。");
        await check.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("tr", new() { HasText = failed }).Filter(new() { HasText = "不通过，已重新打开" })).ToHaveCountAsync(1);

        var liaison = await browser.SignInAsync("demo-liaison", Desk);
        await liaison.GotoAsync("/ledger/mine");
        await Assertions.Expect(liaison.Locator("table.ledger")).ToContainTextAsync(failed);

        await supervisor.GotoAsync("/supervision/slips/new");
        await supervisor.Locator("table.proposal tr", new() { HasText = "综合科" }).GetByRole(AriaRole.Link, new() { Name = "选择事项" }).ClickAsync();
        var yellow = supervisor.Locator("table.candidates tbody tr", new() { HasText = "黄单" }).Filter(new() { HasNotText = "已督办过" }).First;
        await yellow.Locator("input[type=checkbox]").CheckAsync();
        await supervisor.GetByLabel("督办要求").FillAsync("该事项已逾期，请于五个工作日内整改到位并书面反馈。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "下发督办单" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#notice")).ToContainTextAsync("已下发督办单");
        await Assertions.Expect(supervisor.Locator("main")).ToContainTextAsync("黄单");
        var slipUrl = supervisor.Url.Split('#')[0];
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "打印" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("body")).ToContainTextAsync("督〔");
        await BrowserFixture.ScreenshotAsync(supervisor, "supervision-slip-print");

        var head = await browser.SignInAsync("demo-head", Desk);
        head.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await head.GotoAsync("/ledger/mine");
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("督办单");
        await head.GotoAsync(slipUrl);
        await head.Locator("form#act-acknowledge").GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(head.Locator("#notice")).ToContainTextAsync("已签收");
        var reply = head.Locator("form#act-reply");
        await reply.GetByLabel(new Regex("^反馈内容")).FillAsync("已召开科务会专题部署，事项已整改完毕，相关材料已补齐。");
        await reply.GetByRole(AriaRole.Button, new() { Name = "反馈" }).ClickAsync();
        await Assertions.Expect(head.Locator("#notice")).ToContainTextAsync("已反馈");
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("已召开科务会专题部署");
    }
}
