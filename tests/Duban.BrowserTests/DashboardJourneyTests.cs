using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The home page's dashboard as demo-leader: every figure on it is a link, and following each one opens a list whose
/// total (共 N 条) is that figure. Screenshots at desktop and phone width; on a phone the page fits the screen.
/// </summary>
public sealed partial class DashboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desk = new() { Width = 1366, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Every_number_on_the_leaders_dashboard_opens_a_list_of_that_many()
    {
        var leader = await browser.SignInAsync("demo-leader", Desk);
        await leader.GotoAsync("/");
        await Assertions.Expect(leader.Locator("section.dashboard h2")).ToHaveTextAsync("整改工作全局");
        await BrowserFixture.ScreenshotAsync(leader, "dashboard-leader-desktop");

        var numbers = (await leader.Locator("section.dashboard a.dash-num").EvaluateAllAsync<string[][]>(
                "links => links.map(a => [a.dataset.key, a.textContent.trim(), a.dataset.value, a.getAttribute('href')])"))
            .Select(f => new Figure(f[0], f[1], f[2], f[3])).ToList();
        Assert.True(numbers.Count >= 40, $"only {numbers.Count} figures");
        Assert.Contains(numbers, n => n.Value != "0");
        foreach (var number in numbers)
        {
            Assert.Equal(number.Value, number.Text);
            await leader.GotoAsync(number.Href);
            var pager = await leader.Locator("nav.pager span").First.TextContentAsync();
            var total = PagerTotal().Match(pager ?? "");
            Assert.True(total.Success && total.Groups[1].Value == number.Value,
                $"{number.Key}: the dashboard shows {number.Value}, {number.Href} shows “{pager}”");
        }
        // The chart's points and bar segments link to the same lists as the figures beside them.
        await leader.GotoAsync("/");
        var chartLinks = await leader.Locator("section.dashboard svg a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(chartLinks);
        Assert.All(chartLinks, href => Assert.Contains(numbers, n => n.Href == href));

        // The latest published assessment's scores: each opens the unit's breakdown, whose formula adds up to it; each
        // rank opens the ranking, where the unit stands at that rank.
        var scores = await leader.Locator("section.dashboard a.score-link").EvaluateAllAsync<string[][]>(
            "links => links.map(a => [a.getAttribute('href'), a.textContent.trim(), a.closest('tr').querySelector('a.rank-link').textContent.trim(), a.closest('tr').children[1].textContent.trim()])");
        Assert.NotEmpty(scores);
        foreach (var score in scores)
        {
            await leader.GotoAsync(score[0]);
            await Assertions.Expect(leader.Locator("#formula b")).ToHaveTextAsync(score[1]);
        }
        await leader.GotoAsync("/");
        await leader.Locator("section.dashboard a.rank-link").First.ClickAsync();
        await Assertions.Expect(leader.Locator("table.ranking")).ToBeVisibleAsync();
        var ranks = (await leader.Locator("table.ranking tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.children[1].textContent.trim(), r.children[0].textContent.trim()])")).ToDictionary(r => r[0], r => r[1]);
        Assert.All(scores, score => Assert.Equal(score[2], ranks[score[3]]));

        var phone = await browser.SignInAsync("demo-leader", Phone);
        await phone.GotoAsync("/");
        await Assertions.Expect(phone.Locator("section.dashboard svg.week-chart")).ToBeVisibleAsync();
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= Phone.Width, $"the dashboard is {width}px wide on a {Phone.Width.ToString(CultureInfo.InvariantCulture)}px phone");
        await BrowserFixture.ScreenshotAsync(phone, "dashboard-leader-phone");

        // The other versions: a unit head's own tree, a liaison's to-do count and unit lights.
        foreach (var (user, title) in new[] { ("demo-head", "本单位及下级整改情况"), ("demo-liaison", "我的工作") })
        {
            var page = await browser.SignInAsync(user, Phone);
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("section.dashboard h2")).ToHaveTextAsync(title);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Phone.Width, $"{user}'s dashboard is wider than the phone");
            await BrowserFixture.ScreenshotAsync(page, $"dashboard-{user["demo-".Length..]}-phone");
        }
    }

    [GeneratedRegex(@"共 (\d+) 条")]
    private static partial Regex PagerTotal();

    private sealed record Figure(string Key, string Text, string Value, string Href);
}
