using System.Text;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// A liaison on a phone (390 × 844): 我的待办 as cards with nothing to scroll sideways, an item sent back with its
/// reason at the top above the actions, and a file uploaded by mistake withdrawn and kept as withdrawn.
/// </summary>
public sealed class PhoneJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_liaison_works_a_returned_item_on_a_phone()
    {
        var liaison = await browser.SignInAsync("demo-liaison", Phone);
        liaison.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await liaison.GotoAsync("/ledger/mine");
        var cards = liaison.Locator("table.ledger tbody tr");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        Assert.Equal("grid", await cards.First.EvaluateAsync<string>("row => getComputedStyle(row).display"));
        Assert.False(await liaison.Locator("table.ledger thead").IsVisibleAsync());
        await AssertNoSidewaysScrollAsync(liaison);
        await BrowserFixture.ScreenshotAsync(liaison, "phone-my-work-liaison");

        await liaison.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "整改台账" }).ClickAsync();
        await Assertions.Expect(liaison.GetByRole(AriaRole.Button, new() { Name = "查询" })).Not.ToBeVisibleAsync();
        await liaison.Locator("summary", new() { HasText = "筛选" }).ClickAsync();
        await Assertions.Expect(liaison.GetByRole(AriaRole.Button, new() { Name = "查询" })).ToBeVisibleAsync();
        await liaison.GetByLabel("状态").SelectOptionAsync("InProgress");
        await BrowserFixture.ScreenshotAsync(liaison, "phone-ledger-filter-open");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("summary")).ToHaveTextAsync("筛选（已筛选）");
        await AssertNoSidewaysScrollAsync(liaison);
        await liaison.Locator("table.ledger td.code a").First.ClickAsync();
        var itemUrl = liaison.Url;
        var code = (await liaison.Locator("h1").InnerTextAsync()).Split(' ')[0];

        await liaison.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "传错的文件.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%demo\ntrailer<<>>\n%%EOF\n"),
        });
        await liaison.GetByRole(AriaRole.Button, new() { Name = "上传佐证材料", Exact = true }).ClickAsync();
        await Assertions.Expect(liaison.Locator("#notice")).ToHaveTextAsync("已上传佐证材料。");
        await liaison.Locator("ul.evidence li", new() { HasText = "传错的文件.pdf" }).GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("#notice")).ToHaveTextAsync("已撤回佐证材料。");
        var withdrawn = liaison.Locator("ul.evidence li.withdrawn", new() { HasText = "传错的文件.pdf" });
        await Assertions.Expect(withdrawn).ToContainTextAsync("已撤回");
        await Assertions.Expect(liaison.Locator("section.timeline")).ToContainTextAsync("撤回佐证材料");
        await BrowserFixture.ScreenshotAsync(liaison, "phone-evidence-withdrawn");

        await liaison.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("#notice")).ToHaveTextAsync("已提交审核。");

        var supervisor = await browser.SignInAsync("demo-supervisor");
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await supervisor.GotoAsync(itemUrl);
        await supervisor.GetByLabel("退回理由").FillAsync("整改措施未见落实记录，请补充科务会纪要后重新提交。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#notice")).ToHaveTextAsync("已退回。");

        await liaison.GotoAsync("/ledger/mine");
        var card = liaison.Locator("table.ledger tbody tr", new() { HasText = code });
        await Assertions.Expect(card.Locator(".tag.returned")).ToHaveTextAsync("已退回");
        await card.Locator("td.code a").ClickAsync();
        var reason = liaison.Locator(".alert.returned");
        await Assertions.Expect(reason).ToContainTextAsync("整改措施未见落实记录，请补充科务会纪要后重新提交。");
        var reasonTop = (await reason.BoundingBoxAsync())!.Y;
        var actionsTop = (await liaison.Locator("section.actions-panel").BoundingBoxAsync())!.Y;
        var fieldsTop = (await liaison.Locator("section.fields").BoundingBoxAsync())!.Y;
        Assert.True(reasonTop < actionsTop && actionsTop < fieldsTop, $"reason {reasonTop}, actions {actionsTop}, fields {fieldsTop}");
        Assert.True(reasonTop < Phone.Height, $"the return reason starts {reasonTop}px down, below the first screen");
        await AssertNoSidewaysScrollAsync(liaison);
        await BrowserFixture.ScreenshotAsync(liaison, "phone-item-returned");
    }

    [Fact]
    public async Task Every_list_an_administrator_opens_fits_a_phone()
    {
        var admin = await browser.SignInAsync("demo-admin", Phone);

        foreach (var (path, name) in new[]
        {
            ("/", "home"), ("/org/units", "units"), ("/org/people", "people"), ("/accounts", "accounts"),
            ("/audit", "audit"), ("/campaigns", "campaigns"), ("/catalog", "catalog"),
        })
        {
            await admin.GotoAsync(path);
            await AssertNoSidewaysScrollAsync(admin);
            await BrowserFixture.ScreenshotAsync(admin, $"phone-admin-{name}");
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= Phone.Width, $"{page.Url} is {width}px wide on a {Phone.Width}px phone");
    }
}
