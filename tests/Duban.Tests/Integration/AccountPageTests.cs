using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Accounts;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>The administrators' account pages (/accounts) and what their actions do to the account's sessions and tokens.</summary>
public abstract partial class AccountPageTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string NewPassword = "Mine#2026x";

    [Fact]
    public async Task Admin_creates_an_account_on_the_page_and_its_person_must_change_the_shown_password_first()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var unit = await admin.UnitAsync("秘书科");

        var response = await admin.SubmitFormAsync("/accounts/new", "account", new()
        {
            ["Input.UserName"] = "page-new", ["Input.DisplayName"] = "页面新人", ["Input.UnitId"] = Id(unit.Id), ["Input.Role"] = Roles.Liaison,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("已创建账户 page-new（页面新人，联络员）", WebSession.Text(page));
        var password = PasswordOn(page);
        var list = WebSession.Text(await admin.GetStringAsync("/accounts?q=page-new"));
        Assert.Contains("页面新人", list);
        Assert.Contains("秘书科", list);
        Assert.Contains("正常", list);
        Assert.Contains("待改密码", list);

        var user = await app.SignedInAsync("page-new", password);
        await AssertHeldAtPasswordChangeAsync(user);
        var changed = await ChangePasswordAsync(user, password);
        Assert.Equal("/", PathOf(changed));
        Assert.Contains("密码已修改", await user.RedirectedPageTextAsync(changed));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/ledger")).StatusCode);
        var me = await user.GetJsonAsync<MeResponse>("/api/v1/me");
        Assert.Equal([Roles.Liaison], me.Roles);
        Assert.Equal(unit.Id, me.UnitId);
    }

    [Fact]
    public async Task Account_pages_are_refused_to_everyone_but_administrators()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var someone = await UserIdAsync("demo-member");

        foreach (var path in new[] { "/accounts", "/accounts/new", $"/accounts/{someone}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(path)).StatusCode);
            var anonymous = await app.Anonymous().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);
        }
        var admin = await app.SignedInAsync("demo-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/accounts/999999")).StatusCode);
    }

    [Theory]
    [InlineData("demo-member", "新人乙", "Member", true, "用户名“demo-member”已被使用。")]
    [InlineData("page-badrole", "新人丙", "Boss", true, "角色“Boss”不存在")]
    [InlineData("page-nounit", "新人丁", "Member", false, "请选择所在单位。")]
    [InlineData("page-longname", "长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长", "Member", true, "姓名不能超过 30 个字符")]
    [InlineData("page-this-login-name-is-far-too-long-for-anyone-to-type-in", "新人戊", "Member", true, "用户名不能超过 50 个字符")]
    [InlineData("bad name!", "新人己", "Member", true, "用户名“bad name!”无效")]
    public async Task Bad_account_input_is_refused_in_Chinese_and_creates_nothing(string userName, string displayName, string role, bool withUnit, string message)
    {
        var admin = await app.SignedInAsync("demo-admin");
        var unit = await admin.UnitAsync("综合科");

        var response = await admin.SubmitFormAsync("/accounts/new", "account", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = displayName, ["Input.UnitId"] = withUnit ? Id(unit.Id) : "", ["Input.Role"] = role,
        });

        var text = WebSession.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, text);
        Assert.DoesNotContain("已创建账户", text);
        Assert.DoesNotContain(displayName, WebSession.Text(await admin.GetStringAsync($"/org/people?unit={unit.Id}")));
    }

    [Fact]
    public async Task A_reset_ends_the_session_and_holds_the_next_one_at_the_password_change_until_it_is_done()
    {
        await CreateAsync("page-reset", Roles.Member);
        var before = await app.SignedInAsync("page-reset");
        var (_, token) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync("page-reset", "集成"));
        var admin = await app.SignedInAsync("demo-admin");
        var id = await UserIdAsync("page-reset");

        var reset = await admin.SubmitFormAsync($"/accounts/{id}", "reset", []);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var password = PasswordOn(await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/me")).StatusCode);
        var after = await app.SignedInAsync("page-reset", password);
        await AssertHeldAtPasswordChangeAsync(after);
        // Tokens are for integrations, not typed passwords: a reset leaves them working.
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(token).GetAsync("/api/v1/items")).StatusCode);
        Assert.Contains("下次登录须修改密码", WebSession.Text(await admin.GetStringAsync($"/accounts/{id}")));

        await ChangePasswordAsync(after, password);

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/v1/me")).StatusCode);
        Assert.DoesNotContain("下次登录须修改密码", WebSession.Text(await admin.GetStringAsync($"/accounts/{id}")));
    }

    [Fact]
    public async Task Disabling_asks_first_then_ends_sessions_and_tokens_at_once_and_enabling_lets_the_account_in_again()
    {
        await CreateAsync("page-disable", Roles.Member);
        var user = await app.SignedInAsync("page-disable");
        var (_, token) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync("page-disable", "集成"));
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
        var admin = await app.SignedInAsync("demo-admin");
        var id = await UserIdAsync("page-disable");
        Assert.DoesNotContain("确认停用", await admin.GetStringAsync($"/accounts/{id}"));
        Assert.Contains("确定停用账户 page-disable", WebSession.Text(await admin.GetStringAsync($"/accounts/{id}?confirm=disable")));

        var disabled = await admin.SubmitFormAsync($"/accounts/{id}?confirm=disable", "disable", []);

        Assert.Equal($"/accounts/{id}", PathOf(disabled));
        var shown = await admin.RedirectedPageTextAsync(disabled);
        Assert.Contains("已停用账户", shown);
        Assert.Contains("已停用", shown);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/me")).StatusCode);
        Assert.StartsWith("/account/login", (await user.GetAsync("/ledger")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
        var refused = await app.Anonymous().SubmitLoginAsync("page-disable", DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该账户已停用，请联系系统管理员。", await refused.Content.ReadAsStringAsync());

        var enabled = await admin.SubmitFormAsync($"/accounts/{id}", "enable", []);

        Assert.Contains("已启用账户", await admin.RedirectedPageTextAsync(enabled));
        var again = await app.SignedInAsync("page-disable");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_changed_on_the_page_takes_effect_at_the_next_sign_in()
    {
        await CreateAsync("page-role", Roles.Member);
        var before = await app.SignedInAsync("page-role");
        var admin = await app.SignedInAsync("demo-admin");
        var id = await UserIdAsync("page-role");

        var changed = await admin.SubmitFormAsync($"/accounts/{id}", "role", new() { ["RoleInput.Role"] = Roles.Supervisor });

        Assert.Contains("已将角色改为领导小组办公室（督查）", await admin.RedirectedPageTextAsync(changed));
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/me")).StatusCode);
        var after = await app.SignedInAsync("page-role");
        Assert.Equal([Roles.Supervisor], (await after.GetJsonAsync<MeResponse>("/api/v1/me")).Roles);
        var same = await admin.SubmitFormAsync($"/accounts/{id}", "role", new() { ["RoleInput.Role"] = Roles.Supervisor });
        Assert.Contains("已是领导小组办公室（督查）", WebSession.Text(await same.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role_nor_keep_a_handed_over_password()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var own = await UserIdAsync("demo-admin");
        await CreateAsync("page-same", Roles.Member);

        var demoted = await admin.SubmitFormAsync($"/accounts/{own}", "role", new() { ["RoleInput.Role"] = Roles.Member });
        var user = await app.SignedInAsync("page-same");
        var kept = await user.SubmitFormAsync("/account/password", "password", new()
        {
            ["Input.Current"] = DemoData.Password, ["Input.New"] = DemoData.Password, ["Input.Confirm"] = DemoData.Password,
        });

        Assert.Contains("不能修改自己的角色", WebSession.Text(await demoted.Content.ReadAsStringAsync()));
        Assert.Equal([Roles.Admin], (await admin.GetJsonAsync<MeResponse>("/api/v1/me")).Roles);
        Assert.Contains("新密码不能与当前密码相同", WebSession.Text(await kept.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_admin_home_card_links_to_the_account_pages_instead_of_the_command_line()
    {
        var home = await (await app.SignedInAsync("demo-admin")).GetStringAsync("/");

        Assert.Contains("href=\"/accounts\"", home);
        Assert.DoesNotContain("命令行", home);
    }

    private static async Task AssertHeldAtPasswordChangeAsync(HttpClient user)
    {
        foreach (var path in new[] { "/", "/ledger", "/accounts" })
        {
            var page = await user.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/password", PathOf(page));
        }
        var api = await user.GetAsync("/api/v1/items");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("请先在网页上修改密码", (await api.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Contains("请先修改为只有您自己知道的密码", WebSession.Text(await user.GetStringAsync("/account/password")));
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient user, string current) =>
        user.SubmitFormAsync("/account/password", "password", new()
        {
            ["Input.Current"] = current, ["Input.New"] = NewPassword, ["Input.Confirm"] = NewPassword,
        });

    private Task<(AppUser User, string Password)> CreateAsync(string userName, string role) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AccountService>().CreateAsync(userName, role, "综合科", password: DemoData.Password));

    private Task<int> UserIdAsync(string userName) =>
        app.AsSystemAsync(async sp => (await sp.GetRequiredService<AccountService>().FindAsync(userName)).Id);

    private static string PasswordOn(string page)
    {
        var match = InitialPassword().Match(page);
        Assert.True(match.Success, "the page shows no password");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string PathOf(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("class=\"initial-password\">([^<]+)<")]
    private static partial Regex InitialPassword();
}

public sealed class SqliteAccountPageTests(SqliteAppFactory app) : AccountPageTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresAccountPageTests(PostgresAppFactory app) : AccountPageTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
