using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Core.Data;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Duban.Tests.Infrastructure;

/// <summary>Drives the pages as a browser would without one: GET a form, POST it back with its antiforgery token.</summary>
public static partial class WebSession
{
    /// <summary>A client without a session, from an address of its own (see <see cref="ClientAddress"/>).</summary>
    public static HttpClient Anonymous(this WebApplicationFactory<Program> app, bool handleCookies = true)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });
        client.DefaultRequestHeaders.Add(ClientAddress.Header, ClientAddress.New());
        return client;
    }

    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> app, string userName, string password = DemoData.Password)
    {
        var client = app.Anonymous();
        var response = await client.SubmitLoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"login of {userName} did not redirect: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        // As the app's own scripts would: API writes with the cookie carry this header (ApiWriteGuard).
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    /// <summary>Signs in and returns the login cookie as a browser holds it, so a test can replay it later.</summary>
    public static async Task<string> LoginCookieAsync(this WebApplicationFactory<Program> app, string userName, string password = DemoData.Password)
    {
        var client = app.Anonymous(handleCookies: false);
        var form = await client.GetAsync("/account/login");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AntiforgeryTokenOf(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", CookiesOf(form)));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = CookiesOf(response).Where(c => c.StartsWith("duban.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookie);
        return string.Join("; ", cookie);
    }

    /// <summary>A client that sends exactly this cookie and keeps no other.</summary>
    public static HttpClient WithCookie(this WebApplicationFactory<Program> app, string cookie)
    {
        var client = app.Anonymous(handleCookies: false);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    public static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    public static HttpClient WithToken(this DubanFactory app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> SubmitLoginAsync(this HttpClient client, string userName, string password) =>
        client.SubmitFormAsync("/account/login", "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Loads the page, then posts the named form with the given fields and the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, string formName,
        Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var content = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(page),
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>The unit of that name as the client's user sees it in the unit tree.</summary>
    public static async Task<Core.Organization.UnitRow> UnitAsync(this HttpClient client, string name) =>
        (await client.GetJsonAsync<List<Core.Organization.UnitRow>>("/api/v1/units")).Single(u => u.Name == name);

    public static string AntiforgeryTokenOf(string page)
    {
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
