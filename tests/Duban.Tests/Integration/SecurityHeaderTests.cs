using System.Net;
using System.Text.RegularExpressions;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

/// <summary>Every answer carries the security headers; pages hold nothing the Content-Security-Policy would block.</summary>
public abstract partial class SecurityHeaderTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_page_an_api_answer_an_evidence_download_and_an_error_page_carry_the_headers()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var (item, file) = await EvidenceAsync(liaison);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["login page"] = await app.Anonymous().GetAsync("/account/login"),
            ["ledger page"] = await liaison.GetAsync("/ledger"),
            ["api"] = await liaison.GetAsync("/api/v1/me"),
            ["api problem"] = await liaison.GetAsync("/api/v1/items/987654"),
            ["evidence"] = await liaison.GetAsync($"/api/v1/items/{item}/evidence/{file}"),
            ["error page"] = await liaison.GetAsync("/ledger/987654"),
            ["style sheet"] = await liaison.GetAsync("/css/app.css"),
        };

        Assert.Equal(HttpStatusCode.OK, answers["evidence"].StatusCode);
        Assert.Equal(Pdf, await answers["evidence"].Content.ReadAsByteArrayAsync());
        Assert.All(answers, answer =>
        {
            var (name, response) = answer;
            var policy = Header(response, "Content-Security-Policy");
            Assert.True(policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{name}: {policy}");
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("style-src 'self';", policy);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.False(response.Headers.Contains("Server"), name);
        });
    }

    [Fact]
    public async Task The_api_reference_page_alone_may_run_its_inline_start_script_and_is_not_framed()
    {
        var response = await app.Anonymous().GetAsync("/api/docs/");

        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("demo-supervisor", "/ledger/{submitted}")]
    [InlineData("demo-liaison", "/ledger/{working}")]
    [InlineData("demo-supervisor", "/ledger")]
    [InlineData("demo-supervisor", "/ledger/import")]
    [InlineData("demo-admin", "/org/units")]
    [InlineData("demo-admin", "/org/people")]
    [InlineData("demo-supervisor", "/audit")]
    [InlineData("demo-liaison", "/ledger/new")]
    public async Task Pages_have_no_inline_script_event_attribute_or_inline_style(string user, string url)
    {
        var client = await app.SignedInAsync(user);
        if (url.EndsWith('}'))
        {
            var state = url.EndsWith("{submitted}", StringComparison.Ordinal) ? "Submitted" : "InProgress";
            url = $"/ledger/{(await client.GetJsonAsync<ItemListResponse>($"/api/v1/items?state={state}")).Items[0].Id}";
        }

        var html = await client.GetStringAsync(url);

        Assert.Contains("<script src=\"js/forms.js\"></script>", html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(EventAttribute(), html);
        Assert.DoesNotMatch(StyleAttribute(), html);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_https_is_ignored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await app.Anonymous().SendAsync(request);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    /// <summary>An item of the liaison's unit with an evidence file the test uploaded.</summary>
    private static async Task<(int Item, int File)> EvidenceAsync(HttpClient liaison)
    {
        foreach (var row in (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items?state=InProgress&pageSize=50")).Items)
        {
            var view = await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{row.Id}");
            if (view.AllowedActions.Contains(ItemAction.AddEvidence))
            {
                var upload = await liaison.PostAsync($"/api/v1/items/{row.Id}/evidence",
                    new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "安全头测试.pdf" } });
                Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
                var item = await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{row.Id}");
                return (row.Id, item.Evidence.Single(f => f.FileName == "安全头测试.pdf").Id);
            }
        }
        throw new InvalidOperationException("the demo ledger has no item the liaison may add evidence to");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}

public sealed class SqliteSecurityHeaderTests(SqliteAppFactory app) : SecurityHeaderTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresSecurityHeaderTests(PostgresAppFactory app) : SecurityHeaderTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
