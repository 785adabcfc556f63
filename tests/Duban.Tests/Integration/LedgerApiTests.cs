using Duban.Ledger;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>The ledger through its API, as each role would use it.</summary>
public abstract class LedgerApiTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task The_full_happy_path_from_draft_to_closed()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var item = await RegisterAsync(liaison, "综合科");
        Assert.Equal(ItemState.Draft, item.State);
        Assert.Matches(@"^ZG-2026-\d{4}$", item.Code);
        item = await head.ActAsync(item.Id, "assign");
        item = await liaison.ActAsync(item.Id, "start");
        item = await liaison.ActAsync(item.Id, "progress", new { text = "已完成第一项措施" });
        item = await UploadAsync(liaison, item.Id, "整改报告.pdf", Pdf);
        Assert.Single(item.Evidence);
        item = await liaison.ActAsync(item.Id, "submit", new { note = "请审核" });
        Assert.DoesNotContain(ItemAction.Close, item.AllowedActions);
        item = await supervisor.ActAsync(item.Id, "close", new { note = "同意销号" });

        Assert.Equal(ItemState.Closed, item.State);
        Assert.Equal(
            [ItemEventKind.Created, ItemEventKind.Assigned, ItemEventKind.Started, ItemEventKind.Progress, ItemEventKind.EvidenceAdded, ItemEventKind.Submitted, ItemEventKind.Closed],
            item.History.Select(e => e.Kind));
        // People's names, not login names (LedgerAsUsersFoundItTests checks whose).
        Assert.DoesNotContain(item.History, e => e.Actor.StartsWith("demo-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Returned_items_go_back_to_work_and_can_be_resubmitted()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await InProgressAsync(liaison, await app.SignedInAsync("demo-head"));
        await liaison.ActAsync(item.Id, "submit");

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/items/{item.Id}/return", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("退回必须填写理由。", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        item = await supervisor.ActAsync(item.Id, "return", new { reason = "佐证材料不足" });
        Assert.Equal(ItemState.InProgress, item.State);
        item = await liaison.ActAsync(item.Id, "submit", new { note = "已补充" });

        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Contains(item.History, e => e.Kind == ItemEventKind.Returned && e.Text == "佐证材料不足");
    }

    [Fact]
    public async Task Closing_without_evidence_needs_a_reason()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await InProgressAsync(liaison, await app.SignedInAsync("demo-head"));
        await liaison.ActAsync(item.Id, "submit");

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/items/{item.Id}/close", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("佐证材料", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var closed = await supervisor.ActAsync(item.Id, "close", new { noEvidenceReason = "现场核查，整改到位" });
        Assert.Equal(ItemState.Closed, closed.State);
    }

    [Fact]
    public async Task Reassignment_leaves_a_trail_of_units()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(await app.SignedInAsync("demo-liaison"), "综合科");
        var secretariat = await UnitIdAsync("秘书科");
        var general = await UnitIdAsync("综合科");

        await supervisor.ActAsync(item.Id, "reassign", new { unitId = secretariat, reason = "属秘书科职责" });
        item = await supervisor.ActAsync(item.Id, "reassign", new { unitId = general, reason = "秘书科认为属综合科" });

        var trail = item.History.Where(e => e.Kind == ItemEventKind.Reassigned).Select(e => $"{e.FromUnit}→{e.ToUnit}").ToList();
        Assert.Equal(["综合科→秘书科", "秘书科→综合科"], trail);
        Assert.Equal("综合科", item.Unit.Name);
    }

    [Fact]
    public async Task A_refused_extension_keeps_the_deadline_and_says_why()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await InProgressAsync(liaison, await app.SignedInAsync("demo-head"));
        var due = item.DueOn;

        item = await liaison.ActAsync(item.Id, "extension", new { dueOn = due.AddDays(30), reason = "需等待上级批复" });
        Assert.Equal(due.AddDays(30), item.PendingExtensionDueOn);
        var liaisonDecides = await liaison.PostAsJsonAsync($"/api/v1/items/{item.Id}/extension/decide", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, liaisonDecides.StatusCode);
        item = await supervisor.ActAsync(item.Id, "extension/decide", new { approve = false, reason = "理由不充分，应按期完成" });

        Assert.Equal(due, item.DueOn);
        Assert.Null(item.PendingExtensionDueOn);
        var refusal = item.History[^1];
        Assert.Equal(ItemEventKind.ExtensionRefused, refusal.Kind);
        Assert.Equal("理由不充分，应按期完成", refusal.Text);
    }

    [Fact]
    public async Task An_item_outside_the_unit_tree_is_404_on_read_write_and_download_like_one_that_does_not_exist()
    {
        var secretariatLiaison = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(secretariatLiaison, "秘书科");
        await secretariatLiaison.ActAsync(item.Id, "assign");
        var head = await app.SignedInAsync("demo-head");

        var read = await head.GetAsync($"/api/v1/items/{item.Id}");
        var write = await head.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { problem = "改写" });
        var act = await head.PostAsJsonAsync($"/api/v1/items/{item.Id}/urge", new { });
        var download = await head.GetAsync($"/api/v1/items/{item.Id}/evidence/1");
        var list = await head.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=200&q={Uri.EscapeDataString(item.Code)}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.True(list.Items.Count == 0, string.Join(";", list.Items.Select(i => $"{i.Code} {i.UnitName}")) + " vs " + item.Code);
        Assert.Equal($"整改事项（编号 {item.Id}）不存在。", (await read.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Evidence_downloads_for_those_in_scope_and_each_download_is_audited()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await InProgressAsync(liaison, await app.SignedInAsync("demo-head"));
        item = await UploadAsync(liaison, item.Id, "会议纪要.pdf", Pdf);
        var file = item.Evidence[0];

        var response = await (await app.SignedInAsync("demo-leader")).GetAsync($"/api/v1/items/{item.Id}/evidence/{file.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        var audit = await (await app.SignedInAsync("demo-admin")).GetJsonAsync<PagedResponse<AuditEventResponse>>(
            "/api/v1/audit?action=evidence.download&actor=demo-leader");
        Assert.Contains(audit.Items, e => e.EntityId == file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("整改报告.pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })]
    [InlineData("照片.png", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 })]
    [InlineData("说明.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 })]
    [InlineData("程序.exe", new byte[] { 0x4D, 0x5A, 0x90, 0x00 })]
    public async Task Files_whose_content_is_not_what_their_name_says_are_refused(string name, byte[] content)
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await InProgressAsync(liaison, await app.SignedInAsync("demo-head"));

        var response = await liaison.PostAsync($"/api/v1/items/{item.Id}/evidence", Multipart(name, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只接受", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Empty((await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).Evidence);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_nothing_is_overwritten()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var item = await RegisterAsync(liaison, "综合科");

        var first = await liaison.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { problem = "联络员的修改", version = item.Version });
        var second = await head.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { problem = "科长的修改", version = item.Version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已被他人修改", (await second.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal("联络员的修改", (await head.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).Problem);
    }

    [Fact]
    public async Task Wrong_roles_and_wrong_states_are_refused_in_Chinese()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var member = await app.SignedInAsync("demo-member");
        var item = await RegisterAsync(liaison, "综合科");

        var liaisonAssigns = await liaison.PostAsJsonAsync($"/api/v1/items/{item.Id}/assign", new { });
        var startDraft = await (await app.SignedInAsync("demo-head")).PostAsJsonAsync($"/api/v1/items/{item.Id}/start", new { });
        var memberCreates = await member.PostAsJsonAsync("/api/v1/items", NewItem(await UnitIdAsync("综合科")), WebSession.Json);

        Assert.Equal(HttpStatusCode.Forbidden, liaisonAssigns.StatusCode);
        Assert.Contains("无权对该事项交办", (await liaisonAssigns.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.Conflict, startDraft.StatusCode);
        Assert.Contains("当前状态为“草稿”，不能开始整改", (await startDraft.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, memberCreates.StatusCode);
    }

    [Fact]
    public async Task Bad_item_input_gets_Chinese_problems_and_writes_nothing()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var unit = await UnitIdAsync("综合科");
        var before = (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items")).Total;

        var noMeasures = await liaison.PostAsJsonAsync("/api/v1/items", NewItem(unit) with { Measures = [] }, WebSession.Json);
        var overlong = await liaison.PostAsJsonAsync("/api/v1/items", NewItem(unit) with { Problem = new string('问', 2001) }, WebSession.Json);
        var badCategory = await liaison.PostAsJsonAsync("/api/v1/items", NewItem(unit) with { CategoryIds = [987654] }, WebSession.Json);
        var otherUnit = await liaison.PostAsJsonAsync("/api/v1/items", NewItem(await UnitIdAsync("秘书科")), WebSession.Json);
        var badEnum = await liaison.PostAsync("/api/v1/items", new StringContent("{\"unitId\":1,\"source\":\"Rumour\"}", Encoding.UTF8, "application/json"));
        var badState = await liaison.GetAsync("/api/v1/items?state=Lost");

        Assert.Equal("请至少填写一条整改措施。", (await noMeasures.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Contains("不能超过 2000 个字符", (await overlong.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal("所选问题类别不存在。", (await badCategory.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Equal(before, (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items")).Total);
    }

    [Fact]
    public async Task The_list_filters_by_unit_state_light_and_text_and_counts_lights()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await UnitIdAsync("综合科");

        var all = await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=200&counts=true");
        var red = await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?light=Red&pageSize=200");
        var unitInProgress = await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?unit={general}&state=InProgress&pageSize=200");
        var text = await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?q={Uri.EscapeDataString("公文办理")}&pageSize=200");
        var huge = await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=5000");
        var campaigns = await supervisor.CampaignsAsync();
        var byCampaign = await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?campaign={campaigns.Single().Id}&pageSize=1");
        Assert.Equal(all.Total, byCampaign.Total);

        Assert.True(all.Total >= 60);
        Assert.Equal(all.Total, all.Lights!.Total);
        Assert.Equal(all.Lights.Red, red.Total);
        Assert.All(red.Items, i => Assert.Equal(Light.Red, i.Light));
        Assert.All(red.Items, i => Assert.True(i.DueOn < app.Today));
        Assert.NotEmpty(unitInProgress.Items);
        Assert.All(unitInProgress.Items, i => Assert.True(i.UnitName == "综合科" && i.State == ItemState.InProgress));
        Assert.NotEmpty(text.Items);
        Assert.All(text.Items, i => Assert.Contains("公文办理", i.Problem));
        Assert.Equal(200, huge.PageSize);
        // The demo has items of every light, so every tab has something to show.
        Assert.All(new[] { all.Lights.Red, all.Lights.Yellow, all.Lights.Green, all.Lights.Closed }, count => Assert.True(count > 0));
    }

    [Fact]
    public async Task My_work_shows_what_waits_for_each_role()
    {
        var supervisor = await (await app.SignedInAsync("demo-supervisor")).GetJsonAsync<PagedResponse<ItemRow>>("/api/v1/my-work?pageSize=200");
        var liaison = await (await app.SignedInAsync("demo-liaison")).GetJsonAsync<PagedResponse<ItemRow>>("/api/v1/my-work?pageSize=200");

        Assert.NotEmpty(supervisor.Items);
        Assert.Contains(supervisor.Items, i => i.State == ItemState.Submitted);
        Assert.NotEmpty(liaison.Items);
        Assert.All(liaison.Items, i => Assert.True(i.State is ItemState.Assigned or ItemState.InProgress));
    }

    [Fact]
    public async Task Urging_is_recorded_and_shown_to_the_unit()
    {
        var head = await app.SignedInAsync("demo-head");
        var item = await InProgressAsync(await app.SignedInAsync("demo-liaison"), head);

        await (await app.SignedInAsync("demo-supervisor")).ActAsync(item.Id, "urge", new { message = "请本周内报送进展" });
        var seen = await (await app.SignedInAsync("demo-liaison")).GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");

        Assert.Equal(1, seen.UrgeCount);
        Assert.Contains(seen.History, e => e.Kind == ItemEventKind.Urged && e.Text == "请本周内报送进展");
    }

    private ItemRequest NewItem(int unitId) => new(null, unitId, [1, 2], ItemSource.SelfInspection,
        "接待群众来访态度生硬", "服务规范", ["开展服务礼仪培训", "设立意见箱"], null, null,
        app.Today, DeadlineKind.Date, app.Today.AddDays(40), null, null);

    private async Task<ItemView> RegisterAsync(HttpClient client, string unitName)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", NewItem(await UnitIdAsync(unitName)), WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
    }

    private async Task<ItemView> InProgressAsync(HttpClient liaison, HttpClient head)
    {
        var item = await RegisterAsync(liaison, "综合科");
        await head.ActAsync(item.Id, "assign");
        return await liaison.ActAsync(item.Id, "start");
    }


    private static async Task<ItemView> UploadAsync(HttpClient client, int id, string name, byte[] content)
    {
        var response = await client.PostAsync($"/api/v1/items/{id}/evidence", Multipart(name, content));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
    }

    private static MultipartFormDataContent Multipart(string name, byte[] content) =>
        new() { { new ByteArrayContent(content), "file", name } };

    private async Task<int> UnitIdAsync(string name) => (await (await app.SignedInAsync("demo-supervisor")).UnitAsync(name)).Id;
}

public sealed class SqliteLedgerApiTests(SqliteAppFactory app) : LedgerApiTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresLedgerApiTests(PostgresAppFactory app) : LedgerApiTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
