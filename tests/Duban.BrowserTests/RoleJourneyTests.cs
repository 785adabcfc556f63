using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>Real pages clicked through in Chromium, as each role; screenshots kept under TestResults/screenshots.</summary>
public sealed class RoleJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Supervisor_opens_the_catalog_and_sees_the_eight_ailments_in_Chinese()
    {
        var page = await browser.SignInAsync("demo-supervisor");

        await page.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "问题目录" }).ClickAsync();
        await page.WaitForURLAsync("**/catalog");

        var ailments = page.Locator("section.catalog-set").Filter(new() { HasText = "八种病相" });
        await Assertions.Expect(ailments.Locator("h2")).ToContainTextAsync("八种病相");
        await Assertions.Expect(ailments.Locator("td.title")).ToHaveTextAsync(["守摊子", "中梗阻", "推拖绕", "庸懒散", "走秀场", "打白条", "虚假空", "灯下黑"]);
        await Assertions.Expect(ailments).ToContainTextAsync("慵懒散");
        await BrowserFixture.ScreenshotAsync(page, "catalog-supervisor");
    }

    [Fact]
    public async Task Supervisor_fills_in_an_office_aspect_through_the_edit_form()
    {
        var page = await browser.SignInAsync("demo-supervisor");
        await page.GotoAsync("/catalog?set=OfficeSixAspects");

        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).Nth(1).ClickAsync();
        await page.GetByLabel("名称").FillAsync("服务意识不强");
        await page.GetByLabel("说明").FillAsync("窗口服务推诿、答复群众不及时");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await page.WaitForURLAsync("**/catalog");
        await Assertions.Expect(page.GetByText("服务意识不强")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_browses_units_and_people_and_edits_a_unit()
    {
        var page = await browser.SignInAsync("demo-admin");

        await page.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "单位", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.grid")).ToContainTextAsync("调研督查室");
        await BrowserFixture.ScreenshotAsync(page, "units-admin");

        await page.Locator("tr").Filter(new() { HasText = "政务公开科" }).GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await page.GetByLabel("单位名称").FillAsync("政务公开和信息科");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync("**/org/units");
        await Assertions.Expect(page.Locator("table.grid")).ToContainTextAsync("政务公开和信息科");

        await page.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
        await page.GetByLabel("姓名或职务").FillAsync("副科长");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("共 6 条");
        await BrowserFixture.ScreenshotAsync(page, "people-admin");
    }

    [Fact]
    public async Task Admin_sees_the_audit_log_with_the_edits_of_the_day()
    {
        var page = await browser.SignInAsync("demo-admin");

        await page.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();

        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("account.login");
        await BrowserFixture.ScreenshotAsync(page, "audit-admin");
    }

    [Fact]
    public async Task Member_has_no_audit_link_and_is_refused_in_Chinese_when_typing_its_address()
    {
        var page = await browser.SignInAsync("demo-member");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "审计日志" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/audit");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("没有权限");
        await BrowserFixture.ScreenshotAsync(page, "forbidden-member");
    }

    [Fact]
    public async Task Unit_head_home_tells_what_the_role_can_do_and_works_at_phone_width()
    {
        var page = await browser.SignInAsync("demo-head", new ViewportSize { Width = 390, Height = 844 });

        await Assertions.Expect(page.Locator(".card h2")).ToContainTextAsync(["单位主要负责人"]);
        await Assertions.Expect(page.GetByText("本单位及下级单位").First).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px phone");
        await BrowserFixture.ScreenshotAsync(page, "home-head-phone");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_Chinese_message_on_the_login_page()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("用户名").FillAsync("demo-leader");
        await page.GetByLabel("密码").FillAsync("Wrong#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert.error")).ToContainTextAsync("用户名或密码错误。");
        await BrowserFixture.ScreenshotAsync(page, "login-wrong-password");
    }
}
