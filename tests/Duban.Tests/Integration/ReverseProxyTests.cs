using System.Net;
using Duban.Hosting;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>The app on real Kestrel behind a reverse proxy at 127.0.0.1 that ends TLS (Proxy__Trusted=127.0.0.1).</summary>
public sealed class ProxiedSqliteAppFactory : SqliteAppFactory
{
    public ProxiedSqliteAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ReverseProxy.TrustedKey, "127.0.0.1");
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class ProxiedPostgresAppFactory : PostgresAppFactory
{
    public ProxiedPostgresAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ReverseProxy.TrustedKey, "127.0.0.1");
    }
}

public abstract class ReverseProxyTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string PublicHost = "duban.example.gov.cn";

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_the_login_cookie_is_secure_and_hsts_is_sent()
    {
        // Cookies by hand: a client would not send Secure cookies back over the plain HTTP the proxy speaks.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.ClientOptions.BaseAddress,
        };
        var login = await SendAsync(client, HttpMethod.Get, "/account/login", cookies: null, form: null);
        var antiforgery = CookieOf(login, ".AspNetCore.Antiforgery");
        var token = WebSession.AntiforgeryTokenOf(await login.Content.ReadAsStringAsync());

        var signedIn = await SendAsync(client, HttpMethod.Post, "/account/login", antiforgery.Split(';')[0], new()
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "demo-supervisor",
            ["Input.Password"] = Core.Data.DemoData.Password,
        });
        var auth = CookieOf(signedIn, "duban.auth");
        var home = await SendAsync(client, HttpMethod.Get, "/", auth.Split(';')[0], form: null);

        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.StartsWith("max-age=", string.Join(",", home.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(home.Headers.Contains("Server"), "Kestrel names itself");
        Assert.Contains("frame-ancestors 'none'", string.Join(",", home.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Without_the_forwarded_https_nothing_claims_https()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.ClientOptions.BaseAddress };

        var login = await client.GetAsync("/account/login");

        Assert.DoesNotContain("secure", CookieOf(login, ".AspNetCore.Antiforgery"), StringComparison.OrdinalIgnoreCase);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.False(login.Headers.Contains("Server"), "Kestrel names itself");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? cookies,
        Dictionary<string, string>? form)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        return await client.SendAsync(request);
    }

    private static string CookieOf(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name, StringComparison.Ordinal));
}

public sealed class SqliteReverseProxyTests(ProxiedSqliteAppFactory app) : ReverseProxyTests<ProxiedSqliteAppFactory>(app), IClassFixture<ProxiedSqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresReverseProxyTests(ProxiedPostgresAppFactory app) : ReverseProxyTests<ProxiedPostgresAppFactory>(app), IClassFixture<ProxiedPostgresAppFactory>;

/// <summary>No app and no database: the proxy setting is read on its own.</summary>
public sealed class TrustedProxySettingTests
{
    [Theory]
    [InlineData("10.0.0.0/8,192.168.1.5", true)]
    [InlineData("", false)]
    public void Trusted_proxies_are_addresses_or_networks(string setting, bool trusted)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ReverseProxy.TrustedKey, setting)]).Build();

        Assert.Equal(trusted, new ServiceCollection().AddTrustedProxies(configuration));
    }

    [Fact]
    public void A_proxy_setting_that_is_no_address_stops_the_start_with_a_clear_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ReverseProxy.TrustedKey, "10.0.0.1,nginx")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTrustedProxies(configuration));

        Assert.Contains("“nginx”不是 IP 地址或网段", error.Message);
    }
}
