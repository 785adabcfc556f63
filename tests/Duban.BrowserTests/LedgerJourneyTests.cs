using System.Text;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The ledger's golden path in Chromium: the liaison reports, uploads and submits; the supervisor returns it with a
/// reason; the liaison resubmits; the supervisor closes it; the timeline shows every step.
/// </summary>
public sealed class LedgerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Liaison_and_supervisor_take_an_item_from_work_to_closed()
    {
        var liaison = await browser.SignInAsync("demo-liaison");
        liaison.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await liaison.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "整改台账" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(liaison, "ledger-list-liaison");
        await liaison.GetByLabel("状态").SelectOptionAsync("InProgress");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await liaison.Locator("table.ledger td.code a").First.ClickAsync();
        var itemUrl = liaison.Url;

        await liaison.GetByLabel("整改进展").FillAsync("已召开科务会，整改台账逐项落实到人。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await Assertions.Expect(liaison.Locator(".alert.success")).ToBeVisibleAsync();
        await liaison.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "整改情况报告.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%demo\ntrailer<<>>\n%%EOF\n"),
        });
        await liaison.GetByRole(AriaRole.Button, new() { Name = "上传佐证材料", Exact = true }).ClickAsync();
        await Assertions.Expect(liaison.Locator("ul.evidence")).ToContainTextAsync("整改情况报告.pdf");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("h1 .state")).ToHaveTextAsync("待审核");

        var supervisor = await browser.SignInAsync("demo-supervisor");
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await supervisor.GotoAsync(itemUrl);
        await supervisor.GetByLabel("退回理由").FillAsync("佐证材料缺少会议记录，请补充。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1 .state")).ToHaveTextAsync("整改中");

        await liaison.GotoAsync(itemUrl);
        await liaison.GetByLabel("提交说明（可选）").FillAsync("已补充会议记录。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("h1 .state")).ToHaveTextAsync("待审核");

        await supervisor.GotoAsync(itemUrl);
        await supervisor.GetByLabel("销号意见（可选）").FillAsync("整改到位，同意销号。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "审核销号" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1 .state")).ToHaveTextAsync("已销号");

        var timeline = supervisor.Locator("section.timeline");
        await Assertions.Expect(timeline.Locator("li b")).ToContainTextAsync(["审核销号", "提交审核", "退回", "提交审核", "上传佐证材料", "报告进展"]);
        await Assertions.Expect(timeline).ToContainTextAsync("佐证材料缺少会议记录，请补充。");
        await Assertions.Expect(timeline).ToContainTextAsync("已召开科务会，整改台账逐项落实到人。");
        await BrowserFixture.ScreenshotAsync(supervisor, "ledger-item-closed");
    }

    [Fact]
    public async Task Liaison_registers_an_item_through_the_form_on_a_phone()
    {
        var page = await browser.SignInAsync("demo-liaison", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/ledger/new");

        await page.GetByLabel("责任单位").SelectOptionAsync(new SelectOptionValue { Label = "综合科" });
        await page.GetByLabel("问题描述").FillAsync("周例会记录不完整，会后未及时归档。");
        await page.GetByLabel("整改措施（每行一条）").FillAsync("指定专人记录\n会后当天归档");
        await page.GetByLabel("整改时限").SelectOptionAsync("Immediate");
        await BrowserFixture.ScreenshotAsync(page, "ledger-new-liaison-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1 .state")).ToHaveTextAsync("草稿");
        await Assertions.Expect(page.Locator(".fields")).ToContainTextAsync("立行立改");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the detail page is {width}px wide on a 390px phone");
        await BrowserFixture.ScreenshotAsync(page, "ledger-item-draft-phone");
    }

    [Fact]
    public async Task The_ledger_list_counts_lights_and_filters_by_them()
    {
        var page = await browser.SignInAsync("demo-leader");
        await page.GotoAsync("/ledger");

        await page.Locator(".light-tabs a.red").ClickAsync();

        await Assertions.Expect(page.Locator("table.ledger tbody tr").First).ToContainTextAsync("红");
        var rows = await page.Locator("table.ledger tbody tr").CountAsync();
        var count = int.Parse(await page.Locator(".light-tabs a.red b").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Min(count, 20), rows);
        await BrowserFixture.ScreenshotAsync(page, "ledger-red-leader");
    }
}
