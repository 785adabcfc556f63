using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The assessment's golden path through the pages as demo-leader: the demo's published quarter, its ranking, a unit's
/// breakdown whose formula adds up, a line's records, and one of them opened (the item it counted). The breakdown also
/// fits a phone.
/// </summary>
public sealed partial class AssessmentJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desk = new() { Width = 1366, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_leader_opens_a_units_score_and_drills_down_to_an_item_it_counted()
    {
        var leader = await browser.SignInAsync("demo-leader", Desk);
        await leader.GotoAsync("/assessment");
        await leader.Locator("table.runs a").First.ClickAsync();
        await Assertions.Expect(leader.Locator("h1")).ToContainTextAsync("已发布");
        await Assertions.Expect(leader.Locator("table.ranking")).ToContainTextAsync("综合科");
        await BrowserFixture.ScreenshotAsync(leader, "assessment-ranking-leader");

        await leader.Locator("table.ranking").GetByRole(AriaRole.Link, new() { Name = "综合科" }).ClickAsync();
        var total = Regex.Match(await leader.Locator("h1 .score").InnerTextAsync(), @"-?\d+(\.\d+)?").Value;
        await Assertions.Expect(leader.Locator("#formula")).ToContainTextAsync("总分 = 基础分 100");
        await Assertions.Expect(leader.Locator("#formula b")).ToHaveTextAsync(total);
        await Assertions.Expect(leader.Locator("table.lines")).ToContainTextAsync("申诉成立后改正");
        await BrowserFixture.ScreenshotAsync(leader, "assessment-breakdown-leader");
        var resultUrl = leader.Url;

        // Each line's records; the first line whose first record is an item opens that item.
        var lines = await leader.Locator("table.lines a[href*='/lines/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(lines);
        string? opened = null;
        foreach (var line in lines)
        {
            await leader.GotoAsync(line);
            await Assertions.Expect(leader.Locator("table.events")).ToBeVisibleAsync();
            var record = leader.Locator("table.events tbody a").First;
            if ((await record.GetAttributeAsync("href"))!.StartsWith("/ledger/", StringComparison.Ordinal))
            {
                await BrowserFixture.ScreenshotAsync(leader, "assessment-line-events-leader");
                opened = await record.InnerTextAsync();
                await record.ClickAsync();
                break;
            }
        }
        Assert.NotNull(opened);
        await Assertions.Expect(leader).ToHaveURLAsync(LedgerItem());
        await Assertions.Expect(leader.Locator("main")).ToContainTextAsync(opened);

        var phone = await browser.SignInAsync("demo-head", Phone);
        await phone.GotoAsync(new Uri(resultUrl).PathAndQuery);
        await Assertions.Expect(phone.Locator("#formula")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "assessment-breakdown-phone-head");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = await phone.EvaluateAsync<string>(
            "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth).map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')");
        Assert.True(width <= Phone.Width, $"the breakdown is {width}px wide on a {Phone.Width}px phone: {widest}");
    }

    [GeneratedRegex(@"/ledger/\d+$")]
    private static partial Regex LedgerItem();
}
