using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Campaigns;
using Duban.Core.Dashboard;
using Duban.Core.Ledger;
using Duban.Dashboard;
using Duban.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// The dashboard through HTTP as each role: every figure equals the total of the list its page link opens and of the
/// same list in the API; a hand-built ledger gives the figures written out; the filters the figures need (closedFrom/
/// closedTo on the ledger, from/to on draws) select what they say.
/// </summary>
public abstract partial class DashboardTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private static readonly string[] NumberFields = ["key", "label", "value", "href", "api"];

    [Theory]
    [InlineData("demo-leader", DashboardKind.Overview)]
    [InlineData("demo-supervisor", DashboardKind.Overview)]
    [InlineData("demo-head", DashboardKind.UnitTree)]
    [InlineData("demo-liaison", DashboardKind.Mine)]
    [InlineData("demo-member", DashboardKind.Mine)]
    public async Task Every_number_equals_the_total_of_the_list_it_links_to(string user, DashboardKind kind)
    {
        var client = await app.SignedInAsync(user);
        var dashboard = await client.GetJsonAsync<DashboardResponse>("/api/v1/dashboard");

        Assert.Equal(kind, dashboard.Kind);
        Assert.Contains(dashboard.Numbers, n => n.Value > 0);
        Assert.Equal(dashboard.Numbers.Count, dashboard.Numbers.Select(n => n.Key).Distinct().Count());
        var page = await client.GetStringAsync("/");
        foreach (var number in dashboard.Numbers)
        {
            if (number.Href.StartsWith("/ledger?", StringComparison.Ordinal))
            {
                Assert.Equal("/api/v1/items" + number.Href["/ledger".Length..], number.Api);
            }
            Assert.True(number.Value == await ApiTotalAsync(client, number.Api), $"{number.Key} ({number.Api}): {number.Value}");
            Assert.True(number.Value == await PageTotalAsync(client, number.Href), $"{number.Key} ({number.Href}): {number.Value}");
            // The page shows the same figure, linked to the same list.
            Assert.Contains($"href=\"{WebUtility.HtmlEncode(number.Href)}\" data-key=\"{number.Key}\" data-value=\"{number.Value}\"", page);
        }
    }

    [Fact]
    public async Task An_administrator_without_a_dashboard_role_sees_no_figures()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var dashboard = await admin.GetJsonAsync<DashboardResponse>("/api/v1/dashboard");
        Assert.Equal(DashboardKind.None, dashboard.Kind);
        Assert.Empty(dashboard.Numbers);
        Assert.DoesNotContain("dash-num", await admin.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_hand_built_ledger_gives_the_numbers_written_out()
    {
        var campaign = await HandBuiltLedgerAsync();
        var leader = await app.SignedInAsync("demo-leader");

        var dashboard = await leader.GetJsonAsync<DashboardResponse>($"/api/v1/dashboard?campaign={campaign}");

        Assert.Equal(campaign, dashboard.Campaign!.Id);
        var figures = dashboard.Numbers.ToDictionary(n => n.Key, n => n.Value);
        Assert.Equal((5, 1, 1, 2, 1), (figures["items"], figures["items.Red"], figures["items.Yellow"], figures["items.Green"], figures["items.Closed"]));
        Assert.Equal([1, 1, 2, 0, 1], Enum.GetValues<ItemState>().Select(s => figures[$"state.{s}"]));
        Assert.Equal([("综合科", 1)], dashboard.Numbers.Where(n => n.Key.StartsWith("red.", StringComparison.Ordinal)).Select(n => (n.Label, n.Value)));
        Assert.Equal([("综合科", 3, 1, 0, 1, 1), ("调研督查室", 2, 0, 1, 1, 0)], Bars(dashboard));
        // Weeks run Monday to Sunday; the last is the week of today (Wednesday 25 November).
        Assert.Equal((2, 1), Week(figures, "2026-11-23"));
        Assert.Equal((2, 0), Week(figures, "2026-11-16"));
        Assert.Equal((1, 0), Week(figures, "2026-11-02"));
        Assert.Equal(5, dashboard.Numbers.Where(n => n.Key.EndsWith(".found", StringComparison.Ordinal)).Sum(n => n.Value));
        Assert.Equal("/ledger?campaign=" + campaign + "&closedFrom=2026-11-23&closedTo=2026-11-29",
            dashboard.Numbers.Single(n => n.Key == "week.2026-11-23.closed").Href);
        foreach (var number in dashboard.Numbers.Where(n => n.Href.StartsWith("/ledger?", StringComparison.Ordinal)))
        {
            Assert.True(number.Value == await ApiTotalAsync(leader, number.Api), $"{number.Key}: {number.Value}");
        }
        var page = await leader.GetStringAsync(dashboard.Numbers.Single(n => n.Key == "week.2026-11-23.closed").Href);
        Assert.Contains("销号日期 2026-11-23 至 2026-11-29", page);
        Assert.Contains("共 1 条", page);
    }

    [Fact]
    public async Task The_dashboard_is_in_the_OpenAPI_document_with_its_figures_shape()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        Assert.True(root.GetProperty("paths").TryGetProperty("/api/v1/dashboard", out var path));
        Assert.True(path.TryGetProperty("get", out _));
        var number = root.GetProperty("components").GetProperty("schemas").GetProperty("DashboardNumber").GetProperty("properties");
        Assert.All(NumberFields, name => Assert.True(number.TryGetProperty(name, out _), name));
    }

    [Fact]
    public async Task An_unknown_campaign_is_not_found()
    {
        var leader = await app.SignedInAsync("demo-leader");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/api/v1/dashboard?campaign=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/?campaign=999999")).StatusCode);
    }

    [Fact]
    public async Task Draws_filter_by_the_day_they_were_drawn()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var code = (await supervisor.CampaignsAsync()).First(c => c.Code == Core.Data.DemoData.CampaignCode).Code;
        var created = await supervisor.PostAsJsonAsync("/api/v1/draws", new { campaign = code, population = "units", count = 1 }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var today = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = app.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = app.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var all = await ApiTotalAsync(supervisor, "/api/v1/draws");
        Assert.Equal(all, await ApiTotalAsync(supervisor, $"/api/v1/draws?from={today}&to={today}") + await ApiTotalAsync(supervisor, $"/api/v1/draws?to={yesterday}"));
        Assert.True(await ApiTotalAsync(supervisor, $"/api/v1/draws?from={today}&to={today}") >= 1);
        Assert.Equal(0, await ApiTotalAsync(supervisor, $"/api/v1/draws?from={tomorrow}"));
        // The calendar's edges are typing mistakes, refused in Chinese rather than overflowing.
        var edge = await supervisor.GetAsync("/api/v1/draws?from=0001-01-01");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, edge.StatusCode);
        Assert.Contains("不在 2000 年至 2099 年之间", await edge.Content.ReadAsStringAsync());
        Assert.Equal(await ApiTotalAsync(supervisor, $"/api/v1/draws?from={today}"), await PageTotalAsync(supervisor, $"/supervision/draws?from={today}"));
        Assert.Equal(0, await PageTotalAsync(supervisor, $"/supervision/draws?from={tomorrow}"));
    }

    private static IEnumerable<(string, int, int, int, int, int)> Bars(DashboardResponse dashboard) =>
        dashboard.Numbers.Where(n => n.Key.StartsWith("bar.", StringComparison.Ordinal) && n.Key.Count(c => c == '.') == 1)
            .Select(total => (total.Label, total.Value, Figure(dashboard, total.Key + ".Red"), Figure(dashboard, total.Key + ".Yellow"),
                Figure(dashboard, total.Key + ".Green"), Figure(dashboard, total.Key + ".Closed")));

    private static int Figure(DashboardResponse dashboard, string key) => dashboard.Numbers.Single(n => n.Key == key).Value;

    private static (int Found, int Closed) Week(Dictionary<string, int> figures, string monday) =>
        (figures[$"week.{monday}.found"], figures[$"week.{monday}.closed"]);

    private static async Task<int> ApiTotalAsync(HttpClient client, string api)
    {
        var url = api + (api.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=1";
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<int> PageTotalAsync(HttpClient client, string href)
    {
        var match = PagerTotal().Match(await client.GetStringAsync(href));
        Assert.True(match.Success, $"{href} shows no total");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"共 (\d+) 条")]
    private static partial Regex PagerTotal();

    /// <summary>
    /// A campaign of its own with five items: 综合科 A (found Monday 23rd, in progress, green), B (found the 16th, in
    /// progress, overdue), C (found the 17th, closed today); 调研督查室 D (found the 24th, assigned, due in three days:
    /// yellow) and E (found 2 November, a draft, green).
    /// </summary>
    private async Task<int> HandBuiltLedgerAsync() => await app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<Core.Data.DubanDb>();
        var campaign = new Campaign("KB-TEST", "看板测试活动", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "KB");
        db.Set<Campaign>().Add(campaign);
        await db.SaveChangesAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var registered = now.AddDays(-2);
        var by = new ItemActor(null, "test");
        var number = 0;
        async Task<RectificationItem> ItemAsync(string unitName, DateOnly foundOn, int dueInDays)
        {
            var unit = await db.Units.SingleAsync(u => u.Name == unitName);
            var details = new ItemDetails([], ItemSource.SelfInspection, $"看板测试问题{number + 1}", null, ["专人负责"], null, null,
                foundOn, DeadlineKind.Date, app.Today.AddDays(dueInDays), null);
            var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, unit.Id, unit.Path, details, by, registered, campaign.ItemPrefix);
            db.Items.Add(item);
            return item;
        }
        var a = await ItemAsync("综合科", new DateOnly(2026, 11, 23), 30);
        var b = await ItemAsync("综合科", new DateOnly(2026, 11, 16), -3);
        var c = await ItemAsync("综合科", new DateOnly(2026, 11, 17), 30);
        var d = await ItemAsync("调研督查室", new DateOnly(2026, 11, 24), 3);
        await ItemAsync("调研督查室", new DateOnly(2026, 11, 2), 30);
        foreach (var item in new[] { a, b, c, d })
        {
            item.Assign(by, registered);
        }
        foreach (var item in new[] { a, b, c })
        {
            item.Start(by, registered);
        }
        c.Submit(null, by, now.AddHours(-1));
        c.Close("手工台账", null, by, now.AddHours(-1));
        await db.SaveChangesAsync();
        return campaign.Id;
    });
}

public sealed class SqliteDashboardTests(SqliteAppFactory app) : DashboardTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresDashboardTests(PostgresAppFactory app) : DashboardTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
