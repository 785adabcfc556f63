using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Audit;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Draws;
using Duban.Ledger;
using Duban.Supervision;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// Random draws through HTTP as each role: a supervisor draws, the roles that see everything read, the others get the
/// 404 of a missing draw; redraws, 回头看 checks that reopen items in the same save, refusals that write nothing,
/// and <c>duban draw verify</c>. Each test opens a campaign of its own year, so its population and draw codes are
/// its own.
/// </summary>
public abstract class DrawTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string Seed = "2026年第317期 845";

    [Fact]
    public async Task A_supervisor_draws_and_only_the_roles_that_see_everything_can_read_it()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var items = await ClosedItemsAsync(supervisor, "DRAWA-2041", 2041, 4);
        var before = await AuditTotalAsync(supervisor);

        var draw = await DrawAsync(supervisor, new { campaign = "drawa-2041", population = "closedItems", count = 2, seed = Seed });

        var codes = items.Select(i => i.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(("CJ-2041-001", DrawMethod.Algorithm, Seed, false), (draw.Code, draw.Algorithm, draw.Seed, draw.SeedGenerated));
        Assert.Equal(codes, draw.Population);
        Assert.Equal(DrawMethod.PopulationHash(codes), draw.PopulationHash);
        Assert.Equal(DrawMethod.Select(Seed, codes, 2), draw.Selected);
        Assert.Equal(["Draw.created"], await AuditSinceAsync(supervisor, before));
        foreach (var reader in new[] { "demo-leader", "demo-admin" })
        {
            var client = await app.SignedInAsync(reader);
            Assert.Equal(draw.PopulationHash, (await client.GetJsonAsync<DrawResponse>($"/api/v1/draws/{draw.Id}")).PopulationHash);
            Assert.Contains("CJ-2041-001", await client.GetStringAsync("/supervision/draws"));
        }

        var missing = await DetailAsync(await supervisor.GetAsync("/api/v1/draws/999999"));
        foreach (var outsider in new[] { "demo-head", "demo-liaison", "demo-member" })
        {
            var client = await app.SignedInAsync(outsider);
            foreach (var url in new[] { $"/api/v1/draws/{draw.Id}", $"/api/v1/draws/{draw.Id}/population", "/api/v1/draws" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal(missing, await DetailAsync(response));
            }
            var page = await client.GetAsync($"/supervision/draws/{draw.Id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(draw.Seed, await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/draws",
                new { campaign = "DRAWA-2041", population = "closedItems", count = 1 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/draws/{draw.Id}/checks",
                new { key = draw.Selected[0], passed = true })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("demo-leader")).PostAsJsonAsync("/api/v1/draws",
            new { campaign = "DRAWA-2041", population = "closedItems", count = 1 })).StatusCode);
        Assert.Equal(2, (await supervisor.GetJsonAsync<PagedResponse<DrawRowResponse>>("/api/v1/draws?pageSize=200")).Items
            .Single(r => r.Id == draw.Id).Count);
    }

    [Fact]
    public async Task The_population_file_hashes_to_the_population_hash_and_the_page_shows_how_to_recompute()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        await ClosedItemsAsync(supervisor, "DRAWB-2042", 2042, 3);
        var draw = await DrawAsync(supervisor, new { campaign = "DRAWB-2042", population = "closedItems", count = 1 });

        var file = await supervisor.GetByteArrayAsync($"/api/v1/draws/{draw.Id}/population");
        var page = WebSession.Text(await supervisor.GetStringAsync($"/supervision/draws/{draw.Id}"));

        Assert.Equal(draw.PopulationHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        Assert.True(draw.SeedGenerated);
        Assert.Matches("^[0-9a-f]{64}$", draw.Seed);
        Assert.Contains(draw.Seed, page);
        Assert.Contains(draw.PopulationHash, page);
        Assert.Contains(DrawMethod.RankKey(draw.Seed, draw.Selected[0]), page);
        Assert.Contains("如何自行验证", page);
    }

    [Fact]
    public async Task Units_are_drawn_by_id_without_the_excluded_ones()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        await ClosedItemsAsync(supervisor, "DRAWC-2043", 2043, 0);
        var office = await supervisor.UnitAsync("综合科");

        var draw = await DrawAsync(supervisor, new { campaign = "DRAWC-2043", population = "units", count = 2, seed = Seed, exclude = new[] { office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } });

        Assert.Equal("units", draw.PopulationKind);
        Assert.DoesNotContain(office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), draw.Population);
        Assert.Equal([office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], draw.Excluded);
        Assert.Equal(DrawMethod.Select(Seed, draw.Population, 2), draw.Selected);
        var check = await supervisor.PostAsJsonAsync($"/api/v1/draws/{draw.Id}/checks", new { key = draw.Selected[0], passed = true });
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.Equal("只有从已销号事项中抽取的结果才能登记回头看。", await DetailAsync(check));
    }

    [Fact]
    public async Task Bad_draws_are_refused_in_Chinese_and_nothing_is_written()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        await ClosedItemsAsync(supervisor, "DRAWD-2044", 2044, 2);
        var before = await AuditTotalAsync(supervisor);

        var cases = new (object Body, HttpStatusCode Status, string Words)[]
        {
            (new { campaign = "DRAWD-2044", population = "closedItems", count = 0 }, HttpStatusCode.BadRequest, "抽取数量应在 1 至 2 之间（回避后总体共 2 个）。"),
            (new { campaign = "DRAWD-2044", population = "closedItems", count = 3 }, HttpStatusCode.BadRequest, "抽取数量应在 1 至 2 之间（回避后总体共 2 个）。"),
            (new { campaign = "DRAWD-2044", population = "closedItems", count = 1, seed = new string('种', 201) }, HttpStatusCode.BadRequest, "种子不能超过 200 个字符（现为 201 个）。"),
            (new { campaign = "DRAWD-2044", population = "closedItems", count = 1, exclude = new[] { "ZG-2044-9999" } }, HttpStatusCode.BadRequest, "回避对象“ZG-2044-9999”不在总体中。"),
            (new { campaign = "DRAWD-2044", population = "everything", count = 1 }, HttpStatusCode.BadRequest, "请选择抽取对象"),
            (new { campaign = "NOPE-2044", population = "units", count = 1 }, HttpStatusCode.NotFound, "活动“NOPE-2044”不存在。"),
            (new { campaign = "DRAWD-2044", population = "units", count = 1, replaces = 999999, reason = "重抽" }, HttpStatusCode.NotFound, "随机抽查记录不存在。"),
        };
        foreach (var (body, status, words) in cases)
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/draws", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(words, await DetailAsync(response));
        }
        Assert.Empty(await AuditSinceAsync(supervisor, before));
    }

    [Fact]
    public async Task A_redraw_needs_a_reason_names_the_old_draw_and_the_old_one_takes_no_more_checks()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        await ClosedItemsAsync(supervisor, "DRAWE-2045", 2045, 3);
        var first = await DrawAsync(supervisor, new { campaign = "DRAWE-2045", population = "closedItems", count = 2, seed = Seed });
        var before = await AuditTotalAsync(supervisor);

        var noReason = await supervisor.PostAsJsonAsync("/api/v1/draws", new { campaign = "DRAWE-2045", population = "closedItems", count = 2, replaces = first.Id });
        Assert.Equal("重新抽取必须填写理由。", await DetailAsync(noReason));
        Assert.Empty(await AuditSinceAsync(supervisor, before));

        var second = await DrawAsync(supervisor, new { campaign = "DRAWE-2045", population = "closedItems", count = 2, replaces = first.Id, reason = "种子公布前已泄露" });
        Assert.Equal(("CJ-2045-002", first.Id, "CJ-2045-001", "种子公布前已泄露"), (second.Code, second.Replaces, second.ReplacesCode, second.ReplaceReason));
        var old = await supervisor.GetJsonAsync<DrawResponse>($"/api/v1/draws/{first.Id}");
        Assert.Equal((second.Id, "CJ-2045-002"), (old.ReplacedBy, old.ReplacedByCode));
        Assert.Equal(first.Selected, old.Selected);

        var again = await supervisor.PostAsJsonAsync("/api/v1/draws", new { campaign = "DRAWE-2045", population = "closedItems", count = 2, replaces = first.Id, reason = "再来" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("抽取 CJ-2045-001 已被 CJ-2045-002 替换，不能再次替换。", await DetailAsync(again));
        var check = await supervisor.PostAsJsonAsync($"/api/v1/draws/{first.Id}/checks", new { key = first.Selected[0], passed = true });
        Assert.Equal(HttpStatusCode.Conflict, check.StatusCode);
        Assert.Equal("抽取 CJ-2045-001 已被 CJ-2045-002 替换，不能再登记回头看结果。", await DetailAsync(check));
        Assert.Contains("已被 CJ-2045-002 替换", WebSession.Text(await supervisor.GetStringAsync("/supervision/draws")));
    }

    [Fact]
    public async Task A_failed_check_reopens_the_item_in_the_same_save_and_refused_checks_write_nothing()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var items = await ClosedItemsAsync(supervisor, "DRAWF-2046", 2046, 3);
        var draw = await DrawAsync(supervisor, new { campaign = "DRAWF-2046", population = "closedItems", count = 2, seed = Seed });
        var notDrawn = items.Select(i => i.Code).Except(draw.Selected).Single();
        var (passedKey, failedKey) = (draw.Selected[0], draw.Selected[1]);
        var before = await AuditTotalAsync(supervisor);

        var refusals = new (object Body, HttpStatusCode Status, string Words)[]
        {
            (new { key = notDrawn, passed = true }, HttpStatusCode.BadRequest, "该事项不在本次抽取结果中。"),
            (new { key = failedKey, passed = false, reason = " " }, HttpStatusCode.BadRequest, "回头看不通过必须填写理由。"),
            (new { key = failedKey }, HttpStatusCode.BadRequest, "请选择回头看结果：通过或不通过。"),
        };
        foreach (var (body, status, words) in refusals)
        {
            var response = await supervisor.PostAsJsonAsync($"/api/v1/draws/{draw.Id}/checks", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(words, await DetailAsync(response));
        }
        Assert.Empty(await AuditSinceAsync(supervisor, before));

        var passed = await CheckAsync(supervisor, draw.Id, new { key = passedKey, passed = true });
        Assert.Equal(["DrawCheck.created"], await AuditSinceAsync(supervisor, before));
        var afterPassed = await AuditTotalAsync(supervisor);
        var failed = await CheckAsync(supervisor, draw.Id, new { key = failedKey, passed = false, reason = "现场核查发现问题反弹" });

        Assert.Equal([true, false], failed.Checks.Select(c => c.Passed));
        Assert.Single(passed.Checks);
        var item = await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{items.Single(i => i.Code == failedKey).Id}");
        Assert.Equal(ItemState.InProgress, item.State);
        Assert.Equal((ItemEventKind.Reopened, $"回头看（{draw.Code}）不通过：现场核查发现问题反弹"), (item.History[^1].Kind, item.History[^1].Text));
        // One save: the check, the item's new state and its history entry, in one transaction and nothing else (the
        // ledger's own reopen writes the item's two in the same way).
        var saved = await AuditSinceAsync(supervisor, afterPassed);
        Assert.Equal(["DrawCheck.created", "ItemEvent.created", "RectificationItem.updated"], saved.Order(StringComparer.Ordinal));
        Assert.Equal(ItemState.Closed, (await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{items.Single(i => i.Code == passedKey).Id}")).State);

        var twice = await supervisor.PostAsJsonAsync($"/api/v1/draws/{draw.Id}/checks", new { key = passedKey, passed = false, reason = "改判" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal($"事项 {passedKey} 已登记回头看结果，不能改写。", await DetailAsync(twice));
        Assert.Contains("整改中", WebSession.Text(await (await app.SignedInAsync("demo-liaison")).GetStringAsync($"/ledger/{item.Id}")));
    }

    [Fact]
    public async Task A_check_on_an_item_reopened_meanwhile_is_refused_and_the_page_form_records_a_check()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var items = await ClosedItemsAsync(supervisor, "DRAWG-2047", 2047, 2);
        var draw = await DrawAsync(supervisor, new { campaign = "DRAWG-2047", population = "closedItems", count = 2, seed = Seed });
        var reopened = items.Single(i => i.Code == draw.Selected[0]);
        await supervisor.ActAsync(reopened.Id, "reopen", new { reason = "群众再次反映" });
        var before = await AuditTotalAsync(supervisor);

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/draws/{draw.Id}/checks", new { key = reopened.Code, passed = true });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal($"事项 {reopened.Code} 当前状态为“整改中”，不再是已销号，不能登记回头看结果。", await DetailAsync(refused));
        Assert.Empty(await AuditSinceAsync(supervisor, before));

        var page = await supervisor.GetStringAsync($"/supervision/draws/{draw.Id}");
        var posted = await supervisor.PostAsync($"/supervision/draws/{draw.Id}/checks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(page),
            ["key"] = draw.Selected[1],
            ["passed"] = "true",
            ["reason"] = "资料齐全",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var shown = WebSession.Text(await supervisor.RedirectedPageTextAsync(posted));
        Assert.Contains($"已登记 {draw.Selected[1]} 回头看通过。", shown);
        Assert.Contains("资料齐全", shown);
    }

    [Fact]
    public async Task The_new_draw_page_previews_the_population_keeps_what_was_typed_on_a_refusal_and_redraws_with_a_reason()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        await ClosedItemsAsync(supervisor, "DRAWI-2049", 2049, 3);
        Dictionary<string, string> Form(string step, string count) => new()
        {
            ["Input.Campaign"] = "DRAWI-2049", ["Input.Population"] = "closedItems", ["Input.Count"] = count,
            ["Input.Seed"] = "页面种子", ["Input.Exclude"] = "ZG-2049-0003", ["Input.Step"] = step,
        };

        var preview = WebSession.Text(await (await supervisor.SubmitFormAsync("/supervision/draws/new", "draw", Form("preview", ""))).Content.ReadAsStringAsync());
        Assert.Contains("总体：活动 DRAWI-2049 的已销号事项，回避后共 2 个。", preview);
        var refused = await (await supervisor.SubmitFormAsync("/supervision/draws/new", "draw", Form("draw", "3"))).Content.ReadAsStringAsync();
        Assert.Contains("抽取数量应在 1 至 2 之间（回避后总体共 2 个）。", WebSession.Text(refused));
        Assert.Contains("value=\"页面种子\"", refused);
        Assert.Contains("ZG-2049-0003</textarea>", refused);

        var drawn = await supervisor.SubmitFormAsync("/supervision/draws/new", "draw", Form("draw", "1"));
        Assert.Contains("已完成抽取 CJ-2049-001：从 2 个中抽取 1 个。", await supervisor.RedirectedPageTextAsync(drawn));
        var first = drawn.Headers.Location!.ToString();
        var noReason = await supervisor.SubmitFormAsync(first, "redraw", new() { ["Redraw.Count"] = "1" });
        Assert.Contains("重新抽取必须填写理由。", WebSession.Text(await noReason.Content.ReadAsStringAsync()));
        var redrawn = await supervisor.SubmitFormAsync(first, "redraw", new() { ["Redraw.Count"] = "2", ["Redraw.Reason"] = "抽取数量有误" });
        Assert.Contains("已重新抽取 CJ-2049-002，替换 CJ-2049-001。", await supervisor.RedirectedPageTextAsync(redrawn));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("demo-leader")).GetAsync("/supervision/draws/new")).StatusCode);
    }

    /// <summary>A campaign of the test's own year with <paramref name="count"/> items of 综合科 taken through to closed.</summary>
    private async Task<IReadOnlyList<ItemView>> ClosedItemsAsync(HttpClient supervisor, string campaign, int year, int count)
    {
        var created = await supervisor.PostAsJsonAsync("/api/v1/campaigns", new { code = campaign, name = $"{year}年抽查测试", year });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var liaison = await app.SignedInAsync("demo-liaison");
        var unit = await supervisor.UnitAsync("综合科");
        var items = new List<ItemView>();
        for (var n = 1; n <= count; n++)
        {
            var request = new ItemRequest(null, unit.Id, [], ItemSource.SelfInspection, $"回头看测试问题 {n}", null, ["专人负责"], null, null,
                app.Today, DeadlineKind.Date, app.Today.AddDays(30), null, null, campaign);
            var registered = await supervisor.PostAsJsonAsync("/api/v1/items", request, WebSession.Json);
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
            var item = (await registered.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
            await supervisor.ActAsync(item.Id, "assign");
            await liaison.ActAsync(item.Id, "start");
            await liaison.ActAsync(item.Id, "submit");
            items.Add(await supervisor.ActAsync(item.Id, "close", new { noEvidenceReason = "现场核查" }));
        }
        return items;
    }

    private static async Task<DrawResponse> DrawAsync(HttpClient supervisor, object body)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/draws", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draw = (await response.Content.ReadFromJsonAsync<DrawResponse>(WebSession.Json))!;
        Assert.Equal($"/api/v1/draws/{draw.Id}", response.Headers.Location!.ToString());
        return draw;
    }

    private static async Task<DrawResponse> CheckAsync(HttpClient supervisor, int id, object body)
    {
        var response = await supervisor.PostAsJsonAsync($"/api/v1/draws/{id}/checks", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DrawResponse>(WebSession.Json))!;
    }

    private static async Task<int> AuditTotalAsync(HttpClient supervisor) =>
        (await supervisor.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?pageSize=1")).Total;

    /// <summary>The actions of the audit events written since the total was <paramref name="total"/>.</summary>
    private static async Task<IReadOnlyList<string>> AuditSinceAsync(HttpClient supervisor, int total)
    {
        var page = await supervisor.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?pageSize=200");
        return [.. page.Items.Take(page.Total - total).Select(e => e.Action)];
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;

    /// <summary>For the verify verb's test: the stored draw's seed changed behind the app's back.</summary>
    protected async Task AlterSeedAsync(int id, string seed) =>
        await app.AsSystemAsync(async services => await services.GetRequiredService<Core.Data.DubanDb>().Set<Draw>()
            .Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Seed, seed)));

    [Fact]
    public async Task Draw_verify_says_consistent_and_names_the_difference_once_the_stored_seed_is_altered()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        await ClosedItemsAsync(supervisor, "DRAWH-2048", 2048, 5);
        var draw = await DrawAsync(supervisor, new { campaign = "DRAWH-2048", population = "closedItems", count = 2, seed = Seed });

        var ok = await DubanCli.RunAsync(app.CliEnvironment, "draw", "verify", "cj-2048-001", "--data", app.DataDir);
        Assert.True(ok.ExitCode == 0, ok.Error);
        Assert.Contains("一致", ok.Output);

        await AlterSeedAsync(draw.Id, "改过的种子");
        var altered = await DubanCli.RunAsync(app.CliEnvironment, "draw", "verify", "CJ-2048-001", "--data", app.DataDir);
        var recomputed = DrawMethod.Select("改过的种子", draw.Population, 2);

        Assert.Equal(1, altered.ExitCode);
        Assert.Contains("不一致", altered.Error);
        Assert.Contains($"抽取结果不同：记录为 {string.Join("、", draw.Selected)}；重新计算为 {string.Join("、", recomputed)}。", altered.Error);
        Assert.DoesNotContain("总体哈希不同", altered.Error);
        var missing = await DubanCli.RunAsync(app.CliEnvironment, "draw", "verify", "CJ-2048-099", "--data", app.DataDir);
        Assert.Equal((1, "错误：随机抽查记录不存在。"), (missing.ExitCode, missing.Error.Trim()));
    }
}

public sealed class SqliteDrawTests(SqliteAppFactory app) : DrawTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresDrawTests(PostgresAppFactory app) : DrawTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
