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
    public static HttpClient Anonymous(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

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

    /// <summary>The text of the page a form post redirected to, with the outcome the post left there.</summary>
    public static async Task<string> RedirectedPageTextAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Text(await client.GetStringAsync(response.Headers.Location));
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
