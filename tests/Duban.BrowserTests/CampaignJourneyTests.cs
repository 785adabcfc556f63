using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The turn of the year in Chromium: the supervisor opens 2027's campaign, registers an item in it and closes 2026's;
/// a page left open on a 2026 item is refused in Chinese, and the item is read-only from then on.
/// </summary>
public sealed class CampaignJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NextYear = "2027年转变作风改善发展环境建设年";

    [Fact]
    public async Task Supervisor_opens_next_years_campaign_registers_into_it_and_closes_this_years()
    {
        var page = await browser.SignInAsync("demo-supervisor");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "活动", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/campaigns");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建活动" }).ClickAsync();
        await page.GetByLabel("活动代码").FillAsync("ZFJS-2027");
        await page.GetByLabel("活动名称").FillAsync(NextYear);
        await page.GetByLabel("年度", new() { Exact = true }).FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync($"已保存活动“{NextYear}”");

        await page.GotoAsync("/ledger/new");
        await page.Locator("select[name='Input.CampaignId']").SelectOptionAsync(new SelectOptionValue { Label = NextYear });
        await page.GetByLabel("责任单位").SelectOptionAsync(new SelectOptionValue { Label = "综合科" });
        await page.GetByLabel("问题描述").FillAsync("新年度第一项：公文流转环节多、用时长。");
        await page.GetByLabel("整改措施（每行一条）").FillAsync("精简审签环节\n限时办结");
        await page.GetByLabel("整改时限").SelectOptionAsync("Immediate");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ZG-2027-0001");

        // A page opened on a 2026 item before the campaign closes, and used after.
        var stale = await browser.SignInAsync("demo-supervisor");
        await stale.GotoAsync("/ledger?state=InProgress");
        await stale.Locator("table.ledger td.code a").First.ClickAsync();
        await Assertions.Expect(stale.Locator("h1")).ToContainTextAsync("ZG-2026-");

        await page.GotoAsync("/campaigns");
        await page.Locator("tr").Filter(new() { HasText = "ZFJS-2026" }).GetByRole(AriaRole.Link, new() { Name = "修改或结束" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "结束活动" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.fields")).ToContainTextAsync("已结束");
        await page.GotoAsync("/campaigns");
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = "ZFJS-2026" })).ToContainTextAsync("已结束");
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = "ZFJS-2027" })).ToContainTextAsync("进行中");
        await BrowserFixture.ScreenshotAsync(page, "campaigns-supervisor");

        await stale.GetByLabel("催办意见（可选）").FillAsync("请抓紧整改。");
        await stale.GetByRole(AriaRole.Button, new() { Name = "催办" }).ClickAsync();
        await Assertions.Expect(stale.Locator(".alert.error")).ToContainTextAsync("已结束，只能查阅");
        await Assertions.Expect(stale.Locator(".alert.info")).ToContainTextAsync("已结束，只能查阅");
        await Assertions.Expect(stale.GetByRole(AriaRole.Button, new() { Name = "催办" })).ToHaveCountAsync(0);
        await Assertions.Expect(stale.GetByRole(AriaRole.Link, new() { Name = "编辑", Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(stale, "ledger-item-closed-campaign");
    }
}
