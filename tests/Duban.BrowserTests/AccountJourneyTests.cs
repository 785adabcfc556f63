using System.Net;
using System.Net.Http.Headers;
using Duban.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>An administrator makes an account in the browser, its person takes it over, and the administrator stops it.</summary>
public sealed class AccountJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string UserName = "browser-new";
    private const string ChosenPassword = "Browser#2026x";
    private static readonly ViewportSize Laptop = new() { Width = 1366, Height = 900 };

    [Fact]
    public async Task Admin_creates_an_account_its_person_must_change_the_password_and_a_disabled_account_is_refused()
    {
        var admin = await browser.SignInAsync("demo-admin", Laptop);
        await admin.Locator("nav.nav").GetByRole(AriaRole.Link, new() { Name = "账户", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("table.grid")).ToContainTextAsync("demo-supervisor");
        await BrowserFixture.ScreenshotAsync(admin, "accounts-list");

        await admin.GetByRole(AriaRole.Link, new() { Name = "新建账户" }).ClickAsync();
        await admin.GetByLabel("用户名").FillAsync(UserName);
        await admin.GetByLabel("姓名").FillAsync("浏览器新人");
        var unit = await admin.Locator("select[name='Input.UnitId'] option", new() { HasText = "综合科" }).GetAttributeAsync("value");
        await admin.GetByLabel("所在单位").SelectOptionAsync(unit!);
        await admin.GetByLabel("角色").SelectOptionAsync(Roles.Member);
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建账户" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert.success")).ToContainTextAsync($"已创建账户 {UserName}");
        var initial = (await admin.Locator(".initial-password").InnerTextAsync()).Trim();
        Assert.Equal(16, initial.Length);
        await BrowserFixture.ScreenshotAsync(admin, "account-initial-password");
        await admin.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await admin.WaitForURLAsync("**/account/login");

        var user = await SignInPageAsync(initial);
        await user.WaitForURLAsync("**/account/password");
        await Assertions.Expect(user.Locator(".alert.info")).ToContainTextAsync("请先修改为只有您自己知道的密码");
        await BrowserFixture.ScreenshotAsync(user, "account-forced-change");
        await user.GetByLabel("当前密码", new() { Exact = true }).FillAsync(initial);
        await user.GetByLabel("新密码", new() { Exact = true }).FillAsync(ChosenPassword);
        await user.GetByLabel("确认新密码", new() { Exact = true }).FillAsync(ChosenPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(user.Locator("h1")).ToContainTextAsync("您好，浏览器新人");
        await Assertions.Expect(user.Locator(".alert.success")).ToContainTextAsync("密码已修改");
        var (_, token) = await browser.App.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync(UserName, "浏览器测试"));
        Assert.Equal(HttpStatusCode.OK, await MeWithTokenAsync(token));

        admin = await browser.SignInAsync("demo-admin", Laptop);
        await admin.GotoAsync($"/accounts?q={UserName}");
        await admin.Locator("tr").Filter(new() { HasText = UserName }).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "停用账户…" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert.error")).ToContainTextAsync($"确定停用账户 {UserName}");
        await BrowserFixture.ScreenshotAsync(admin, "account-disable-confirm");
        await admin.GetByRole(AriaRole.Button, new() { Name = "确认停用" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert.success")).ToContainTextAsync("已停用账户");

        await user.GotoAsync("/ledger");
        await user.WaitForURLAsync("**/account/login**");
        var refused = await SignInPageAsync(ChosenPassword);
        await Assertions.Expect(refused.Locator(".alert.error")).ToContainTextAsync("该账户已停用，请联系系统管理员。");
        await BrowserFixture.ScreenshotAsync(refused, "account-disabled-signin");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(token));
    }

    /// <summary>A fresh browser context that submits the sign-in form as the new account.</summary>
    private async Task<IPage> SignInPageAsync(string password)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", ViewportSize = Laptop });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(UserName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    private async Task<HttpStatusCode> MeWithTokenAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/me");
        return response.StatusCode;
    }
}
