using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

/// <summary>The ledger pages through HTTP: scope, bad input and refusals show in Chinese, and nothing typed is lost.</summary>
public abstract class LedgerPageTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task The_list_shows_light_counts_and_only_the_heads_own_tree()
    {
        var head = await app.SignedInAsync("demo-head");

        var html = WebSession.Text(await head.GetStringAsync("/ledger"));

        Assert.Contains("红灯", html);
        Assert.Contains("综合科", html);
        Assert.DoesNotContain("秘书科", html);
    }

    [Fact]
    public async Task An_item_outside_the_tree_is_a_404_page_like_a_missing_one()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var secretariat = (await supervisor.GetJsonAsync<List<UnitRow>>("/api/v1/units")).Single(u => u.Name == "秘书科").Id;
        var foreign = (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?unit={secretariat}")).Items[0];
        var head = await app.SignedInAsync("demo-head");

        var forbidden = await head.GetAsync($"/ledger/{foreign.Id}");
        var missing = await head.GetAsync("/ledger/987654");

        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        Assert.Contains($"整改事项（编号 {foreign.Id}）不存在", WebSession.Text(await forbidden.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("整改事项（编号 987654）不存在", WebSession.Text(await missing.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_empty_registration_form_asks_in_Chinese_and_registers_nothing()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var before = (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items")).Total;

        var response = await liaison.SubmitFormAsync("/ledger/new", "item", new() { ["Input.Problem"] = "", ["Input.Measures"] = "" });
        var html = WebSession.Text(await response.Content.ReadAsStringAsync());

        Assert.Contains("请填写问题描述。", html);
        Assert.Contains("请至少填写一条整改措施。", html);
        Assert.Equal(before, (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items")).Total);
    }

    [Fact]
    public async Task A_liaison_registers_an_item_through_the_form()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var unit = (await liaison.GetJsonAsync<List<UnitRow>>("/api/v1/units")).Single(u => u.Name == "综合科").Id;

        var response = await liaison.SubmitFormAsync("/ledger/new", "item", new()
        {
            ["Input.UnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Problem"] = "周例会记录不完整",
            ["Input.Measures"] = "指定专人记录\n会后当天归档",
            ["Input.Source"] = "SelfInspection",
            ["Input.FoundOn"] = app.Today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DeadlineKind"] = "Immediate",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = WebSession.Text(await liaison.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("周例会记录不完整", detail);
        Assert.Contains("立行立改", detail);
        Assert.Contains("会后当天归档", detail);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_on_the_page_and_keeps_what_was_typed()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        // A problem the unit found itself: one found by others only a supervisor may rewrite.
        var today = app.Today;
        var created = await liaison.PostAsJsonAsync("/api/v1/items", new ItemRequest(null, (await liaison.UnitAsync("综合科")).Id, [],
            ItemSource.SelfInspection, "过期编辑：原来的问题", null, ["专人负责"], null, null, today, DeadlineKind.Date, today.AddDays(30), null, null), WebSession.Json);
        var item = (await created.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
        var editPage = await liaison.GetStringAsync($"/ledger/{item.Id}/edit");
        var token = WebSession.AntiforgeryTokenOf(editPage);
        var view = await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");

        var other = await head.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { problem = "科长先改了", version = view.Version });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var mine = await liaison.PostAsync($"/ledger/{item.Id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "item",
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Problem"] = "联络员后改的内容",
            ["Input.Measures"] = string.Join('\n', view.Measures),
            ["Input.Source"] = view.Source.ToString(),
            ["Input.FoundOn"] = view.FoundOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DeadlineKind"] = view.DeadlineKind.ToString(),
            ["Input.DueOn"] = view.DeadlineKind == DeadlineKind.Date ? view.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "",
        }));

        var html = WebSession.Text(await mine.Content.ReadAsStringAsync());
        Assert.Contains("已被他人修改", html);
        Assert.Contains("联络员后改的内容", html);
        Assert.Equal("科长先改了", (await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).Problem);
    }

    [Fact]
    public async Task An_action_refused_for_a_missing_reason_comes_back_to_the_page_with_the_reason()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var submitted = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted")).Items[0];
        var page = await supervisor.GetStringAsync($"/ledger/{submitted.Id}");

        var response = await supervisor.PostAsync($"/ledger/{submitted.Id}/act/return", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(page),
            ["Reason"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = WebSession.Text(await supervisor.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("退回必须填写理由。", shown);
        Assert.Contains("待审核", shown);
    }

    [Fact]
    public async Task Buttons_appear_only_for_allowed_actions()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var submitted = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted")).Items[0];

        var asSupervisor = await supervisor.GetStringAsync($"/ledger/{submitted.Id}");
        var asLeader = await (await app.SignedInAsync("demo-leader")).GetStringAsync($"/ledger/{submitted.Id}");

        Assert.Contains($"/ledger/{submitted.Id}/act/close", asSupervisor);
        Assert.Contains($"/ledger/{submitted.Id}/act/return", asSupervisor);
        Assert.DoesNotContain("/act/submit", asSupervisor);
        Assert.DoesNotContain("/act/", asLeader);
        Assert.Contains("当前没有您可以执行的操作", WebSession.Text(asLeader));
    }
}

public sealed class SqliteLedgerPageTests(SqliteAppFactory app) : LedgerPageTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresLedgerPageTests(PostgresAppFactory app) : LedgerPageTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;

/// <summary>The in-memory light tally agrees with the database after changes that move items between lights.</summary>
public abstract class LightTallyTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Counts_from_the_tally_match_the_database_after_workflow_changes()
    {
        var tally = (LightTally)app.Services.GetService(typeof(LightTally))!;
        for (var i = 0; i < 100 && !tally.IsReady; i++)
        {
            await Task.Delay(100);
        }
        Assert.True(tally.IsReady, "the tally was not built within 10 s of start");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var submitted = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted&pageSize=3")).Items;
        await supervisor.PostAsJsonAsync($"/api/v1/items/{submitted[0].Id}/close", new { noEvidenceReason = "现场核查" });
        await supervisor.PostAsJsonAsync($"/api/v1/items/{submitted[1].Id}/return", new { reason = "补充材料" });
        var general = (await supervisor.GetJsonAsync<List<UnitRow>>("/api/v1/units")).Single(u => u.Name == "综合科").Id;
        var open = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=InProgress&pageSize=50")).Items.First(i => i.UnitId != general);
        await supervisor.PostAsJsonAsync($"/api/v1/items/{open.Id}/reassign", new { unitId = general, reason = "调整" });

        var lights = await supervisor.GetJsonAsync<LightsResponse>("/api/v1/items/lights");
        var generalLights = await supervisor.GetJsonAsync<LightsResponse>($"/api/v1/items/lights?unit={general}");
        // Filtering by the (only) campaign selects the same items but makes the database count them.
        var campaign = (await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{open.Id}")).CampaignId;
        async Task<int> CountedByDatabase(string filter) =>
            (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?campaign={campaign}&pageSize=1&{filter}")).Total;
        async Task<int> CountedByTally(string filter) =>
            (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=1&{filter}")).Total;

        foreach (var (light, count) in new[] { (Light.Red, lights.Total.Red), (Light.Yellow, lights.Total.Yellow), (Light.Green, lights.Total.Green), (Light.None, lights.Total.Closed) })
        {
            Assert.Equal(await CountedByDatabase($"light={light}"), count);
            Assert.Equal(count, await CountedByTally($"light={light}"));
        }
        foreach (var state in Enum.GetValues<ItemState>())
        {
            Assert.Equal(await CountedByDatabase($"state={state}&unit={general}"), await CountedByTally($"state={state}&unit={general}"));
        }
        Assert.Equal(await CountedByDatabase($"unit={general}"), generalLights.Total.Total);
        Assert.Equal("综合科", Assert.Single(generalLights.Units).UnitName);
    }
}

public sealed class SqliteLightTallyTests(SqliteAppFactory app) : LightTallyTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresLightTallyTests(PostgresAppFactory app) : LightTallyTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
