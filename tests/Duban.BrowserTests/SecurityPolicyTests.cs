using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The pages under their Content-Security-Policy in Chromium. A blocked script fails without a sound, so these
/// watch the console for violations and check that what the scripts do still happens.
/// </summary>
public sealed class SecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Closing_asks_first_and_a_dismissed_question_leaves_the_item_as_it_was()
    {
        var supervisor = await browser.SignInAsync("demo-supervisor");
        var violations = Violations(supervisor);
        var question = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.Dialog += async (_, dialog) =>
        {
            question.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        };
        await supervisor.GotoAsync("/ledger?state=Submitted");
        await supervisor.Locator("table.ledger td.code a").First.ClickAsync();

        await supervisor.GetByRole(AriaRole.Button, new() { Name = "审核销号" }).ClickAsync();

        Assert.Equal("确定审核通过并销号吗？", await question.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        await Assertions.Expect(supervisor.Locator("h1 .state")).ToHaveTextAsync("待审核");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Every_page_loads_its_styles_and_scripts_without_a_policy_violation()
    {
        var admin = await browser.SignInAsync("demo-admin");
        var supervisor = await browser.SignInAsync("demo-supervisor");
        var adminViolations = Violations(admin);
        var supervisorViolations = Violations(supervisor);

        foreach (var (page, url) in new[]
        {
            (admin, "/org/units"), (admin, "/org/people"), (admin, "/catalog"), (supervisor, "/ledger"), (supervisor, "/ledger/mine"),
            (supervisor, "/ledger?state=Submitted"), (supervisor, "/ledger/import"), (supervisor, "/audit"), (supervisor, "/account/password"),
        })
        {
            await page.GotoAsync(url);
            // The style sheet applied: the top bar has its colour, not the browser's transparent default.
            Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator(".topbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        }
        await supervisor.GotoAsync("/ledger?state=Submitted");
        await supervisor.Locator("table.ledger td.code a").First.ClickAsync();
        await Assertions.Expect(supervisor.Locator("section.actions-panel")).ToBeVisibleAsync();

        Assert.Empty(adminViolations);
        Assert.Empty(supervisorViolations);
    }

    [Fact]
    public async Task The_api_reference_page_renders_under_its_own_policy()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl });
        var violations = Violations(page);

        await page.GotoAsync("/api/docs/");

        await Assertions.Expect(page.GetByText("督办 Duban API").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("/api/v1/items").First).ToBeAttachedAsync();
        Assert.Empty(violations);
    }

    private static List<string> Violations(IPage page)
    {
        var found = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (found)
                {
                    found.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return found;
    }
}
