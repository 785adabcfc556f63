using System.Net;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

public abstract class AccountTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Login_with_right_password_redirects_home_and_greets_the_user()
    {
        var client = app.Anonymous();
        var response = await client.SubmitLoginAsync("demo-supervisor", DemoData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        var home = await client.GetStringAsync("/");
        Assert.Contains("领导小组办公室（督查）", home);
    }

    [Fact]
    public async Task Login_with_wrong_password_is_refused_in_Chinese()
    {
        var response = await app.Anonymous().SubmitLoginAsync("demo-leader", "Wrong#2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_of_unknown_user_gets_the_same_Chinese_message()
    {
        var response = await app.Anonymous().SubmitLoginAsync("nobody-here", "Whatever#1");

        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Empty_login_form_asks_for_both_fields()
    {
        var response = await app.Anonymous().SubmitLoginAsync("", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("请输入用户名。", html);
        Assert.Contains("请输入密码。", html);
    }

    [Fact]
    public async Task Overlong_user_name_is_refused_with_its_limit()
    {
        var response = await app.Anonymous().SubmitLoginAsync(new string('a', 300), "x");

        Assert.Contains("用户名不能超过 50 个字符", WebSession.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await app.AsSystemAsync(sp => sp.GetRequiredService<AccountService>()
            .CreateAsync("lock-me", Roles.Member, "综合科", password: DemoData.Password));
        var client = app.Anonymous();
        for (var i = 0; i < AccountRules.MaxFailedAttempts; i++)
        {
            await client.SubmitLoginAsync("lock-me", "Wrong#2026");
        }

        var response = await client.SubmitLoginAsync("lock-me", DemoData.Password);

        // Refused with the answer a wrong password gets, so the form does not tell which names exist.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_account_leaves_no_person_behind()
    {
        var error = await Assert.ThrowsAsync<Core.Common.DubanException>(() => app.AsSystemAsync(sp =>
            sp.GetRequiredService<AccountService>().CreateAsync("bad name!", Roles.Member, "综合科", "新人甲")));
        var found = await app.AsSystemAsync(sp => sp.GetRequiredService<Core.Organization.PeopleService>()
            .SearchAsync(new Core.Organization.PeopleQuery(Text: "新人甲"), new Core.Common.PageRequest(1, 10)));

        Assert.Contains("无效", error.Message);
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task Anonymous_visitor_of_home_is_sent_to_the_Chinese_login_page()
    {
        var response = await app.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await app.SignedInAsync("demo-leader");
        var home = await client.GetStringAsync("/");
        Assert.Contains("退出登录", home);

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(home) }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Changing_password_needs_the_current_one_and_a_strong_new_one()
    {
        await app.AsSystemAsync(sp => sp.GetRequiredService<AccountService>()
            .CreateAsync("change-me", Roles.Member, "秘书科", password: DemoData.Password));
        var client = await app.SignedInAsync("change-me");

        var weak = await client.SubmitFormAsync("/account/password", "password",
            new() { ["Input.Current"] = DemoData.Password, ["Input.New"] = "abcdefgh", ["Input.Confirm"] = "abcdefgh" });
        Assert.Contains("密码必须包含至少一个大写字母", await weak.Content.ReadAsStringAsync());

        var ok = await client.SubmitFormAsync("/account/password", "password",
            new() { ["Input.Current"] = DemoData.Password, ["Input.New"] = "New#Pass2026", ["Input.Confirm"] = "New#Pass2026" });
        Assert.Contains("密码已修改", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync("change-me", "New#Pass2026")).StatusCode);
        var audit = await (await app.SignedInAsync("demo-admin")).GetJsonAsync<Api.PagedResponse<AuditEventResponse>>(
            "/api/v1/audit?action=account.password-changed&actor=change-me");
        Assert.Single(audit.Items);
    }
}

public sealed class SqliteAccountTests(SqliteAppFactory app) : AccountTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresAccountTests(PostgresAppFactory app) : AccountTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
