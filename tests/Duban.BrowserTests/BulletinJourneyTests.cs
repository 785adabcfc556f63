using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// A bulletin's golden path through the pages: demo-supervisor drafts one for the demo campaign, rewrites its lead
/// paragraph beside the page preview and submits it; demo-leader approves it, seeing what changed; demo-supervisor
/// publishes it with a number; demo-head (综合科, criticised) finds it unsigned, signs for it and sees the 整改反馈 to-do.
/// </summary>
public sealed class BulletinJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desk = new() { Width = 1366, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private const string Lead = "为推动作风建设年活动走深走实，现将近期全区问题整改情况通报如下：";

    [Fact]
    public async Task A_bulletin_is_drafted_edited_approved_published_and_signed_for_by_a_criticised_unit()
    {
        var supervisor = await browser.SignInAsync("demo-supervisor", Desk);
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await supervisor.GotoAsync("/bulletins/new");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#notice")).ToContainTextAsync("已按数据生成通报草稿");
        await Assertions.Expect(supervisor.Locator("#bulletin-page")).ToContainTextAsync("一、基本情况");
        await Assertions.Expect(supervisor.Locator("#bulletin-page")).ToContainTextAsync("（发布时编号）");
        var bulletinUrl = supervisor.Url.Split('#')[0].Replace("/edit", "", StringComparison.Ordinal);

        var first = supervisor.GetByLabel("第 1 段");
        await first.FillAsync(Lead);
        // The preview follows what is typed before anything is saved.
        await Assertions.Expect(supervisor.Locator("#bulletin-page [data-live=paragraph-0]")).ToHaveTextAsync(Lead);
        await BrowserFixture.ScreenshotAsync(supervisor, "bulletin-editor-supervisor");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#notice")).ToContainTextAsync("已保存");
        await Assertions.Expect(supervisor.Locator("#bulletin-page")).ToContainTextAsync(Lead);
        await supervisor.Locator("form#act-submit").GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#notice")).ToContainTextAsync("已提交审批");

        var leader = await browser.SignInAsync("demo-leader", Desk);
        await leader.GotoAsync("/ledger/mine");
        await Assertions.Expect(leader.Locator("main")).ToContainTextAsync("情况通报");
        await leader.GotoAsync(bulletinUrl);
        await Assertions.Expect(leader.Locator("section.diff")).ToContainTextAsync(Lead);
        await BrowserFixture.ScreenshotAsync(leader, "bulletin-approval-leader");
        await leader.Locator("form#act-approve").GetByRole(AriaRole.Button, new() { Name = "审批同意" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#notice")).ToContainTextAsync("已审批同意");

        await supervisor.GotoAsync(bulletinUrl);
        await supervisor.Locator("form#act-publish").GetByRole(AriaRole.Button, new() { Name = "编号发布" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#notice")).ToContainTextAsync("已编号发布");
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync(new Regex("区政办作风通〔\\d{4}〕\\d+号"));
        await Assertions.Expect(supervisor.Locator("section.recipients")).ToContainTextAsync("综合科");
        await BrowserFixture.ScreenshotAsync(supervisor, "bulletin-published-supervisor");

        var head = await browser.SignInAsync("demo-head", Desk);
        await head.GotoAsync("/bulletins");
        await Assertions.Expect(head.Locator("table.bulletins tr.unread").First).ToContainTextAsync("未签收");
        await head.GotoAsync(bulletinUrl);
        await Assertions.Expect(head.Locator("#bulletin-page")).ToContainTextAsync(Lead);
        await head.Locator("form#act-acknowledge").GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(head.Locator("#notice")).ToContainTextAsync("已签收");
        await head.GotoAsync("/ledger/mine");
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("报送整改反馈（综合科）");
        await BrowserFixture.ScreenshotAsync(head, "bulletin-feedback-todo-head");

        // On a phone the list and the bulletin fit the screen: tables scroll in their own box.
        var phone = await browser.SignInAsync("demo-head", Phone);
        foreach (var url in new[] { "/bulletins", bulletinUrl })
        {
            await phone.GotoAsync(url);
            var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone.Width, $"{url} is {width}px wide on a {Phone.Width}px phone");
        }
        await BrowserFixture.ScreenshotAsync(phone, "bulletin-phone-head");
    }
}
