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

    /// <summary>Every campaign, newest first (one page holds them all).</summary>
    public static async Task<IReadOnlyList<Duban.Campaigns.CampaignResponse>> CampaignsAsync(this HttpClient client) =>
        (await client.GetJsonAsync<Api.PagedResponse<Duban.Campaigns.CampaignResponse>>("/api/v1/campaigns?pageSize=200")).Items;

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

    /// <summary>
    /// What a browser would post from the page's form named <paramref name="formName"/> if the user changed nothing:
    /// inputs (checked boxes only), textareas, and the selected options of each select (the first one of a single
    /// select when none is marked).
    /// </summary>
    public static List<KeyValuePair<string, string>> FormValues(string page, string formName)
    {
        var form = Forms().Matches(page).Select(m => m.Value)
            .Single(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        var values = new List<KeyValuePair<string, string>>();
        void Add(string? name, string value)
        {
            if (name is not null)
            {
                values.Add(new(name, value));
            }
        }
        foreach (Match input in Inputs().Matches(form))
        {
            var attributes = AttributesOf(input.Groups[1].Value);
            var type = attributes.GetValueOrDefault("type") ?? "text";
            if (type is "submit" or "button" || (type is "checkbox" or "radio" && !attributes.ContainsKey("checked")))
            {
                continue;
            }
            Add(attributes.GetValueOrDefault("name"), attributes.GetValueOrDefault("value") ?? (type == "checkbox" ? "on" : ""));
        }
        foreach (Match area in TextAreas().Matches(form))
        {
            // HTML drops one line break right after <textarea>.
            var text = WebUtility.HtmlDecode(area.Groups[2].Value);
            Add(AttributesOf(area.Groups[1].Value).GetValueOrDefault("name"), text.StartsWith('\n') ? text[1..] : text);
        }
        foreach (Match select in Selects().Matches(form))
        {
            var attributes = AttributesOf(select.Groups[1].Value);
            var options = Options().Matches(select.Groups[2].Value).Select(o => AttributesOf(o.Groups[1].Value)).ToList();
            var chosen = options.Where(o => o.ContainsKey("selected")).ToList();
            if (chosen.Count == 0 && !attributes.ContainsKey("multiple") && options.Count > 0)
            {
                chosen.Add(options[0]);
            }
            foreach (var option in chosen)
            {
                Add(attributes.GetValueOrDefault("name"), option.GetValueOrDefault("value") ?? "");
            }
        }
        return values;
    }

    private static Dictionary<string, string?> AttributesOf(string tag) =>
        Attributes().Matches(tag).GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Success ? WebUtility.HtmlDecode(g.First().Groups[2].Value) : null);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input\\b([^>]*)>")]
    private static partial Regex Inputs();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreas();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Selects();

    [GeneratedRegex("<option\\b([^>]*)>")]
    private static partial Regex Options();

    [GeneratedRegex("([a-zA-Z_][\\w.:-]*)(?:=\"([^\"]*)\")?")]
    private static partial Regex Attributes();
}
