using System.Net;
using System.Net.Http.Json;
using Duban.Core.Audit;
using Duban.Core.Ledger;
using Duban.Ledger;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>
/// Campaigns through the API: a supervisor opens next year's, the ledger registers into it by id, by code or by
/// default, and a closed campaign is read-only for its items, the campaign itself and the import. Each test opens
/// campaigns of its own; campaigns of later years never become the default while this year's runs.
/// </summary>
public abstract class CampaignTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string ClosedWords = "已结束，只能查阅";

    [Fact]
    public async Task A_supervisor_opens_a_campaign_and_items_registered_into_it_take_its_prefix_by_id_or_code()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var created = await supervisor.PostAsJsonAsync("/api/v1/campaigns",
            new { code = "zfjs-2027", name = "2027年作风建设年", year = 2027, itemPrefix = "zf" }, WebSession.Json);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignResponse>(WebSession.Json))!;
        Assert.Equal(("ZFJS-2027", "ZF", new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), false),
            (campaign.Code, campaign.ItemPrefix, campaign.StartsOn, campaign.EndsOn, campaign.Closed));
        Assert.Equal(created.Headers.Location!.ToString(), $"/api/v1/campaigns/{campaign.Id}");
        Assert.Equal(campaign, await supervisor.GetJsonAsync<CampaignResponse>($"/api/v1/campaigns/{campaign.Id}"));
        Assert.Contains(campaign, await supervisor.CampaignsAsync());

        var byCode = await RegisterAsync(supervisor, "按代码登记：会议通知不及时", campaignCode: "ZFJS-2027");
        var byId = await RegisterAsync(supervisor, "按编号登记：公文积压", campaignId: campaign.Id);

        Assert.Equal(["ZF-2027-0001", "ZF-2027-0002"], new[] { byCode.Code, byId.Code });
        Assert.All(new[] { byCode, byId }, i => Assert.Equal(campaign.Id, i.CampaignId));
        var audit = await supervisor.GetStringAsync("/api/v1/audit?pageSize=200");
        Assert.Contains("ZFJS-2027", audit);
    }

    [Fact]
    public async Task Without_a_campaign_an_item_goes_to_the_open_campaign_running_today_not_to_next_years()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var running = (await supervisor.CampaignsAsync()).Single(c => c.Code == Core.Data.DemoData.CampaignCode);
        await CreateAsync(supervisor, "ZFJS-2099", 2099);

        var item = await RegisterAsync(supervisor, "默认活动：窗口服务态度差");
        var form = WebSession.FormValues(await supervisor.GetStringAsync("/ledger/new"), "item");

        Assert.Equal(running.Id, item.CampaignId);
        Assert.StartsWith($"ZG-{running.Year}-", item.Code, StringComparison.Ordinal);
        Assert.Equal(running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Single(f => f.Key == "Input.CampaignId").Value);
    }

    [Fact]
    public async Task Bad_campaigns_are_refused_in_Chinese_and_nothing_is_written()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var before = (await supervisor.CampaignsAsync()).Count;
        await CreateAsync(supervisor, "DUP-2030", 2030);

        var cases = new (object Body, HttpStatusCode Status, string Words)[]
        {
            (new { code = "NOYEAR-1", name = "缺年度" }, HttpStatusCode.BadRequest, "请填写活动年度。"),
            (new { code = "dup-2030", name = "重复", year = 2030 }, HttpStatusCode.Conflict, "活动代码“DUP-2030”已被使用。"),
            (new { code = "作风 2030", name = "代码不对", year = 2030 }, HttpStatusCode.BadRequest, "活动代码只能由大写字母、数字和连字符组成"),
            (new { code = "PFX-2030", name = "前缀不对", year = 2030, itemPrefix = "Z-G" }, HttpStatusCode.BadRequest, "事项编号前缀应为 1 至 10 个大写字母或数字"),
            (new { code = "END-2030", name = "日期颠倒", year = 2030, startsOn = "2030-06-01", endsOn = "2030-05-31" }, HttpStatusCode.BadRequest, "活动结束日期不能早于开始日期。"),
            (new { code = "LONG-2030", name = new string('长', 101), year = 2030 }, HttpStatusCode.BadRequest, "活动名称不能超过 100 个字符"),
            (new { code = "OLD-1999", name = "太早", year = 1999 }, HttpStatusCode.BadRequest, "活动年度应在 2000 年至 2100 年之间。"),
            (new { name = "缺代码", year = 2030 }, HttpStatusCode.BadRequest, "活动代码不能为空。"),
        };
        foreach (var (body, status, words) in cases)
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/campaigns", body, WebSession.Json);
            Assert.True(response.StatusCode == status, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains(words, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }

        Assert.Equal(before + 1, (await supervisor.CampaignsAsync()).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/v1/campaigns/999999")).StatusCode);
        var unknown = await supervisor.PostAsJsonAsync("/api/v1/items", await RequestAsync("未知活动", campaignCode: "NONE-2030"), WebSession.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("活动“NONE-2030”不存在。", (await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Only_a_supervisor_manages_campaigns_and_everyone_signed_in_reads_them()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = await CreateAsync(supervisor, "ROLE-2031", 2031);

        foreach (var user in new[] { "demo-head", "demo-liaison", "demo-member" })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(campaign, await client.GetJsonAsync<CampaignResponse>($"/api/v1/campaigns/{campaign.Id}"));
            var attempts = new[]
            {
                await client.PostAsJsonAsync("/api/v1/campaigns", new { code = "ROLE-X", name = "越权", year = 2031 }, WebSession.Json),
                await client.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new { name = "越权改名" }, WebSession.Json),
                await client.PostAsync($"/api/v1/campaigns/{campaign.Id}/close", null),
            };
            Assert.All(attempts, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
            Assert.Equal(["没有权限：管理活动。", "没有权限：修改活动。", "没有权限：结束活动。"],
                await Task.WhenAll(attempts.Select(DetailAsync)));
        }
        var after = await supervisor.GetJsonAsync<CampaignResponse>($"/api/v1/campaigns/{campaign.Id}");
        Assert.Equal(campaign, after);
    }

    [Fact]
    public async Task An_edit_changes_what_is_given_keeps_the_code_and_fixes_year_and_prefix_once_items_exist()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = await CreateAsync(supervisor, "EDIT-2032", 2032);

        var renamed = await supervisor.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}",
            new { code = "edit-2032", name = "2032年作风建设年（修订）", itemPrefix = "ZY" }, WebSession.Json);
        Assert.True(renamed.StatusCode == HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        Assert.Equal(campaign with { Name = "2032年作风建设年（修订）", ItemPrefix = "ZY" }, await renamed.Content.ReadFromJsonAsync<CampaignResponse>(WebSession.Json));

        await RegisterAsync(supervisor, "前缀固定：信息报送迟报", campaignId: campaign.Id);
        var prefix = await supervisor.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new { itemPrefix = "QT" }, WebSession.Json);
        var year = await supervisor.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new { year = 2033 }, WebSession.Json);
        var same = await supervisor.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new { name = "2032年作风建设年（修订）" }, WebSession.Json);
        var code = await supervisor.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new { code = "OTHER-2032", name = "改代码" }, WebSession.Json);

        Assert.Contains("事项编号前缀不能再改", await DetailAsync(prefix));
        Assert.Contains("年度不能再改", await DetailAsync(year));
        Assert.Equal("没有修改：内容与原来相同，未保存。", await DetailAsync(same));
        Assert.Equal("活动代码创建后不能修改。", await DetailAsync(code));
        Assert.Equal("ZY", (await supervisor.GetJsonAsync<CampaignResponse>($"/api/v1/campaigns/{campaign.Id}")).ItemPrefix);
    }

    [Fact]
    public async Task A_closed_campaign_refuses_every_write_to_itself_its_items_and_the_import()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = await CreateAsync(supervisor, "CLOSE-2034", 2034);
        var item = await RegisterAsync(supervisor, "结束后只读：会议通知不及时", campaignId: campaign.Id);

        var assigned = await supervisor.PostAsJsonAsync($"/api/v1/items/{item.Id}/assign", new { version = item.Version }, WebSession.Json);
        item = (await assigned.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
        var liaison = await app.SignedInAsync("demo-liaison");
        async Task<IEnumerable<int>> LiaisonsWorkAsync() =>
            (await liaison.GetJsonAsync<Api.PagedResponse<ItemRow>>("/api/v1/my-work?pageSize=200")).Items.Select(i => i.Id);
        Assert.Contains(item.Id, await LiaisonsWorkAsync());

        var close = await supervisor.PostAsync($"/api/v1/campaigns/{campaign.Id}/close", null);

        Assert.True(close.StatusCode == HttpStatusCode.OK, await close.Content.ReadAsStringAsync());
        var closed = (await close.Content.ReadFromJsonAsync<CampaignResponse>(WebSession.Json))!;
        Assert.True(closed.Closed);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, closed.ClosedAt);
        var writes = new[]
        {
            await supervisor.PostAsJsonAsync("/api/v1/items", await RequestAsync("结束后登记", campaignId: campaign.Id), WebSession.Json),
            await supervisor.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { goal = "结束后修改" }, WebSession.Json),
            await supervisor.PostAsJsonAsync($"/api/v1/items/{item.Id}/urge", new { message = "结束后催办" }, WebSession.Json),
            await liaison.PostAsJsonAsync($"/api/v1/items/{item.Id}/start", new { version = item.Version }, WebSession.Json),
            await supervisor.PatchAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", new { name = "结束后改名" }, WebSession.Json),
            await supervisor.PostAsync($"/api/v1/campaigns/{campaign.Id}/close", null),
        };
        foreach (var write in writes)
        {
            Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
            Assert.Contains(ClosedWords, await DetailAsync(write));
        }
        var after = await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal((item.Version, item.State, item.Goal), (after.Version, after.State, after.Goal));
        Assert.Contains(ItemAction.Urge, item.AllowedActions);
        Assert.True(after.CampaignClosed);
        Assert.Empty(after.AllowedActions);
        Assert.DoesNotContain(item.Id, await LiaisonsWorkAsync());
        Assert.Contains("已结束，只能查阅", WebSession.Text(await supervisor.GetStringAsync($"/ledger/{item.Id}")));
        var editPage = await supervisor.GetStringAsync($"/ledger/{item.Id}/edit");
        Assert.Contains(ClosedWords, WebSession.Text(editPage));
        Assert.DoesNotContain("name=\"Input.Problem\"", editPage);
        Assert.Equal(closed, await supervisor.GetJsonAsync<CampaignResponse>($"/api/v1/campaigns/{campaign.Id}"));

        var file = Path.Combine(app.DataDir, "closed-campaign.xlsx");
        await File.WriteAllBytesAsync(file, LedgerSheets.Xlsx([LedgerSheets.Header, LedgerSheets.Row("1", "结束后导入：公文积压")]));
        var import = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "close-2034", "--data", app.DataDir);
        Assert.NotEqual(0, import.ExitCode);
        Assert.Contains(ClosedWords, import.Error + import.Output);
        var items = await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?campaign={campaign.Id}&pageSize=10");
        Assert.Equal([item.Id], items.Items.Select(i => i.Id));
    }

    private static async Task<CampaignResponse> CreateAsync(HttpClient supervisor, string code, int year)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/campaigns", new { code, name = $"{year}年作风建设年", year }, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CampaignResponse>(WebSession.Json))!;
    }

    private async Task<ItemView> RegisterAsync(HttpClient client, string problem, int? campaignId = null, string? campaignCode = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", await RequestAsync(problem, campaignId, campaignCode), WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
    }

    private async Task<ItemRequest> RequestAsync(string problem, int? campaignId = null, string? campaignCode = null)
    {
        var unit = await (await app.SignedInAsync("demo-supervisor")).UnitAsync("综合科");
        return new(campaignId, unit.Id, [], ItemSource.SelfInspection, problem, null, ["专人负责"], null, null, app.Today,
            DeadlineKind.Date, app.Today.AddDays(30), null, null, campaignCode);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
}

public sealed class SqliteCampaignTests(SqliteAppFactory app) : CampaignTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresCampaignTests(PostgresAppFactory app) : CampaignTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
