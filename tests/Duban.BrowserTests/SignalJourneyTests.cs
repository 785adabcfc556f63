using System.Text.RegularExpressions;
using Duban.Core.Signals;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// 病相 at a desk as demo-supervisor: the board's 虚假空 cell of 综合科 opens its flag, where the measure copied between
/// 综合科 and 秘书科 stands twice, side by side under each unit; another flag is dismissed with a reason through the
/// confirmation. The board and the copied flag also fit a phone.
/// </summary>
public sealed class SignalJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desk = new() { Width = 1366, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_supervisor_compares_the_copied_measure_and_dismisses_another_flag()
    {
        var supervisor = await browser.SignInAsync("demo-supervisor", Desk);
        var questions = new List<string>();
        supervisor.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await supervisor.GotoAsync("/signals");
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("病相看板");
        await BrowserFixture.ScreenshotAsync(supervisor, "signals-board-supervisor");

        var general = supervisor.Locator("table.board tbody tr", new() { Has = supervisor.Locator("th.unit", new() { HasTextRegex = Exactly("综合科") }) });
        await general.Locator("td[data-kind='CopiedWork'] a").ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("病相提示");
        await Assertions.Expect(supervisor.Locator("nav.pager span")).ToContainTextAsync("共 1 条");
        await BrowserFixture.ScreenshotAsync(supervisor, "signals-list-supervisor");
        await supervisor.Locator("table.signals tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();

        var columns = supervisor.Locator(".copied article.copied-text");
        await Assertions.Expect(columns).ToHaveCountAsync(2);
        await Assertions.Expect(columns.Locator(".copied-unit")).ToHaveTextAsync(["综合科", "秘书科"]);
        await Assertions.Expect(columns.Locator("blockquote")).ToHaveTextAsync([DemoSignals.CopiedMeasure, DemoSignals.CopiedMeasure]);
        var tops = await columns.EvaluateAllAsync<double[]>("cs => cs.map(c => c.getBoundingClientRect().top)");
        Assert.Equal(tops[0], tops[1]);
        await BrowserFixture.ScreenshotAsync(supervisor, "signals-flag-copied-supervisor");
        var copiedUrl = new Uri(supervisor.Url).PathAndQuery;

        // The item carries the flag as a badge, on its page and in the ledger's list.
        var code = await columns.First.Locator("header a").InnerTextAsync();
        await columns.First.Locator("header a").ClickAsync();
        await Assertions.Expect(supervisor.Locator("p.signal-line a.signal-badge")).ToHaveTextAsync("虚假空");
        await supervisor.GotoAsync($"/ledger?q={code}");
        await Assertions.Expect(supervisor.Locator("table.ledger tbody tr a.signal-badge")).ToHaveTextAsync("虚假空");
        await BrowserFixture.ScreenshotAsync(supervisor, "signals-badge-ledger-supervisor");
        await supervisor.Locator("table.ledger a.signal-badge").ClickAsync();
        await Assertions.Expect(supervisor).ToHaveURLAsync(new Regex(Regex.Escape(copiedUrl) + "$"));

        // Back to the list of flags: dismiss one still waiting that is not 虚假空.
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "← 返回提示列表" }).ClickAsync();
        var other = supervisor.Locator("table.signals tbody tr").Filter(new() { HasText = "待说明" })
            .Filter(new() { HasNot = supervisor.Locator("td.kind", new() { HasTextString = "虚假空" }) }).First;
        var kind = await other.Locator("td.kind").InnerTextAsync();
        await other.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        var dismiss = supervisor.Locator("form#act-dismiss");
        await dismiss.GetByLabel("排除理由").FillAsync("经核实，该单位已说明情况，理由充分。");
        await dismiss.GetByRole(AriaRole.Button, new() { Name = "排除" }).ClickAsync();

        await Assertions.Expect(supervisor.Locator("#notice")).ToHaveTextAsync("已排除。");
        Assert.Equal(SignalWorkflow.Table[SignalAction.Dismiss].Confirm, Assert.Single(questions));
        await Assertions.Expect(supervisor.Locator("h1 .signal-state")).ToHaveTextAsync("已排除");
        await Assertions.Expect(supervisor.Locator("h1 .signal-kind")).ToHaveTextAsync(kind);
        await Assertions.Expect(supervisor.Locator("section.signal-decision")).ToContainTextAsync("经核实，该单位已说明情况，理由充分。");
        await BrowserFixture.ScreenshotAsync(supervisor, "signals-flag-dismissed-supervisor");

        // A unit's own page: its flags by kind, as many under each tab as its cell on the board.
        await supervisor.GotoAsync("/signals");
        await supervisor.Locator("table.board tbody th.unit").GetByRole(AriaRole.Link, new() { Name = "秘书科", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("秘书科的病相提示");
        await BrowserFixture.ScreenshotAsync(supervisor, "signals-unit-supervisor");

        var phone = await browser.SignInAsync("demo-supervisor", Phone);
        foreach (var (path, name) in new[] { ("/signals", "signals-board-phone"), (copiedUrl, "signals-flag-copied-phone"), ("/signals/list", "signals-list-phone") })
        {
            await phone.GotoAsync(path);
            await Assertions.Expect(phone.Locator("h1")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(phone, name);
            var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var widest = await phone.EvaluateAsync<string>(
                "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth).map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')");
            Assert.True(width <= Phone.Width, $"{path} is {width}px wide on a {Phone.Width}px phone: {widest}");
        }
        // The board fits the phone as a whole table, not by scrolling sideways inside its frame.
        await phone.GotoAsync("/signals");
        var board = await phone.EvaluateAsync<int[]>("(() => { const w = document.querySelector('.board-wrap'); return [w.scrollWidth, w.clientWidth]; })()");
        Assert.True(board[0] <= board[1], $"the board is {board[0]}px wide in a {board[1]}px frame");
    }

    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");
}
