using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Auth;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>Sessions end when they should, at once and across processes; sign-in answers do not tell names apart.</summary>
public abstract class SessionTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string Generic = "用户名或密码错误";

    [Fact]
    public async Task A_password_reset_on_the_command_line_ends_the_old_cookie_at_once()
    {
        var name = await NewAccountAsync();
        var old = app.WithCookie(await app.LoginCookieAsync(name));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/v1/me")).StatusCode);

        var reset = await DubanCli.RunAsync(app.CliEnvironment, "user", "reset-password", name, "--data", app.DataDir);

        Assert.True(reset.ExitCode == 0, reset.Output + reset.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.PostAsync("/api/v1/items", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), (await old.GetAsync("/ledger")).Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Disabling_ends_sessions_and_tokens_at_once_and_refuses_the_right_password()
    {
        var name = await NewAccountAsync();
        var cookie = app.WithCookie(await app.LoginCookieAsync(name));
        var (_, secret) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync(name, "测试"));
        var token = app.WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);

        var disabled = await DubanCli.RunAsync(app.CliEnvironment, "user", "disable", name, "--data", app.DataDir);

        Assert.True(disabled.ExitCode == 0, disabled.Output + disabled.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("该账户已停用", await AlertAsync(name, DemoData.Password));
        Assert.Contains(Generic, await AlertAsync(name, "Wrong#2026"));

        await app.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<AccountService>().EnableAsync(name);
            return 0;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync(name, DemoData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_kept_copy_of_its_cookie()
    {
        var name = await NewAccountAsync();
        var cookie = await app.LoginCookieAsync(name);
        var home = await app.WithCookie(cookie).GetAsync("/");
        var browser = app.WithCookie(string.Join("; ", [cookie, .. WebSession.CookiesOf(home)]));

        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(await home.Content.ReadAsStringAsync()) }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithCookie(cookie).GetAsync("/api/v1/me")).StatusCode);
        var other = app.WithCookie(await app.LoginCookieAsync(name));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Two_clicks_on_sign_out_at_once_both_end_well()
    {
        var name = await NewAccountAsync();
        var cookie = await app.LoginCookieAsync(name);
        var home = await app.WithCookie(cookie).GetAsync("/");
        var browser = app.WithCookie(string.Join("; ", [cookie, .. WebSession.CookiesOf(home)]));
        var token = WebSession.AntiforgeryTokenOf(await home.Content.ReadAsStringAsync());

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => browser.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithCookie(cookie).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var name = await NewAccountAsync();
        var browser = app.WithCookie(await app.LoginCookieAsync(name));

        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Contains("请求已失效", await logout.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_sessions_and_a_token_acts_with_the_new_role_at_once()
    {
        var name = await NewAccountAsync();
        var cookie = app.WithCookie(await app.LoginCookieAsync(name));
        var (_, secret) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync(name, "测试"));
        var token = app.WithToken(secret);
        Assert.Contains(Roles.Liaison, (await token.GetJsonAsync<MeResponse>("/api/v1/me")).Roles);

        var changed = await DubanCli.RunAsync(app.CliEnvironment, "user", "set-role", name, "--role", Roles.Member, "--data", app.DataDir);

        Assert.True(changed.ExitCode == 0, changed.Output + changed.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal([Roles.Member], (await token.GetJsonAsync<MeResponse>("/api/v1/me")).Roles);
    }

    [Fact]
    public async Task A_locked_account_keeps_its_sessions_and_tokens_and_an_admin_can_lift_the_lock()
    {
        var name = await NewAccountAsync();
        var cookie = app.WithCookie(await app.LoginCookieAsync(name));
        var (_, secret) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync(name, "测试"));
        for (var i = 0; i < AccountRules.MaxFailedAttempts; i++)
        {
            await app.Anonymous().SubmitLoginAsync(name, "Wrong#2026");
        }
        Assert.Contains(Generic, await AlertAsync(name, DemoData.Password));

        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(secret).GetAsync("/api/v1/me")).StatusCode);
        var unlocked = await DubanCli.RunAsync(app.CliEnvironment, "user", "unlock", name, "--data", app.DataDir);
        Assert.True(unlocked.ExitCode == 0, unlocked.Output + unlocked.Error);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync(name, DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_names_wrong_passwords_and_locked_accounts_get_the_same_answer()
    {
        var locked = await NewAccountAsync();
        for (var i = 0; i < AccountRules.MaxFailedAttempts; i++)
        {
            await app.Anonymous().SubmitLoginAsync(locked, "Wrong#2026");
        }

        var unknown = await AlertAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "Wrong#2026");
        var wrong = await AlertAsync(await NewAccountAsync(), "Wrong#2026");
        var lockedOut = await AlertAsync(locked, DemoData.Password);

        Assert.Contains(Generic, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedOut);
        Assert.DoesNotContain("已被锁定", lockedOut);
    }

    [Fact]
    public async Task A_failed_sign_in_logs_the_typed_name_only_when_it_is_an_account()
    {
        var typed = "Pw#" + Guid.NewGuid().ToString("N")[..10];
        var known = await NewAccountAsync();
        await app.Anonymous().SubmitLoginAsync(typed, "whatever");
        await app.Anonymous().SubmitLoginAsync(known, "Wrong#2026");

        var audit = await (await app.SignedInAsync("demo-admin")).GetJsonAsync<PagedResponse<AuditEventResponse>>(
            "/api/v1/audit?action=account.login-failed&pageSize=200");

        Assert.DoesNotContain(audit.Items, e => (e.ActorName + e.After + e.EntityId).Contains(typed, StringComparison.Ordinal));
        Assert.Contains(audit.Items, e => e.ActorName == LoginService.UnknownName);
        Assert.Contains(audit.Items, e => e.ActorName == known);
    }

    [Fact]
    public async Task An_unknown_name_costs_a_password_check_like_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var known = await NewAccountAsync();

        await counted.Anonymous().SubmitLoginAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "Wrong#2026");
        var forUnknown = hasher.Verifications;
        await counted.Anonymous().SubmitLoginAsync(known, "Wrong#2026");

        Assert.Equal(1, forUnknown);
        Assert.Equal(2, hasher.Verifications);
    }

    private async Task<string> NewAccountAsync()
    {
        var name = "s-" + Guid.NewGuid().ToString("N")[..10];
        await app.AsSystemAsync(sp => sp.GetRequiredService<AccountService>().CreateAsync(name, Roles.Liaison, "综合科", password: DemoData.Password));
        return name;
    }

    private async Task<string> AlertAsync(string name, string password)
    {
        var response = await app.Anonymous().SubmitLoginAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the sign-in page shows no alert");
        return WebSession.Text(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]).Trim();
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SqliteSessionTests(SqliteAppFactory app) : SessionTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresSessionTests(PostgresAppFactory app) : SessionTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;

/// <summary>The sign-in limit per client address, on an app of its own so no other test's failures count.</summary>
public abstract class SignInLimitTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task The_eleventh_failed_attempt_in_a_minute_from_one_address_is_refused_even_with_the_right_password()
    {
        var address = ClientAddress.New();
        HttpClient From()
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Remove(ClientAddress.Header);
            client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
            return client;
        }
        for (var i = 0; i < SignInGuard.FailuresPerMinute; i++)
        {
            var failed = await From().SubmitLoginAsync($"spray-{i}", "Wrong#2026");
            Assert.Contains("用户名或密码错误", await failed.Content.ReadAsStringAsync());
        }

        var refused = await From().SubmitLoginAsync("demo-leader", DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("登录失败次数过多", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync("demo-leader", DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task Attempts_sent_all_at_once_from_one_address_are_counted_before_the_next_is_let_through()
    {
        var address = ClientAddress.New();
        var attempts = Enumerable.Range(0, 2 * SignInGuard.FailuresPerMinute).Select(async i =>
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Remove(ClientAddress.Header);
            client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
            return await (await client.SubmitLoginAsync($"burst-{i}", "Wrong#2026")).Content.ReadAsStringAsync();
        });

        var answers = await Task.WhenAll(attempts);

        Assert.Equal(SignInGuard.FailuresPerMinute, answers.Count(a => a.Contains("用户名或密码错误", StringComparison.Ordinal)));
        Assert.Equal(SignInGuard.FailuresPerMinute, answers.Count(a => a.Contains("登录失败次数过多", StringComparison.Ordinal)));
    }
}

public sealed class SqliteSignInLimitTests(SqliteAppFactory app) : SignInLimitTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresSignInLimitTests(PostgresAppFactory app) : SignInLimitTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
