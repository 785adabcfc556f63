using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Ledger;
using Duban.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// The ledger as its users met it (issue 9): people tied to the responsible unit, 转办 with the new unit's 责任人,
/// names instead of login names, returned work and pending extensions that stand out, days beside the light,
/// typed text that survives a refusal, evidence withdrawn before submission, and one round of form errors.
/// </summary>
public abstract class LedgerAsUsersFoundItTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private sealed record PeoplePage(List<PersonRow> Items);

    [Fact]
    public async Task A_person_of_another_unit_is_refused_as_responsible_person_and_a_leader_may_come_from_above()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await UnitIdAsync("综合科");
        var secretariatPerson = (await PeopleOfAsync("秘书科"))[0];
        var officeLeader = (await PeopleOfAsync("区政府办公室"))[0];
        var before = await CountAsync();

        var foreign = await supervisor.PostAsJsonAsync("/api/v1/items", NewItem(general) with { ResponsiblePersonId = secretariatPerson.Id }, WebSession.Json);
        var unseen = await liaison.PostAsJsonAsync("/api/v1/items", NewItem(general) with { ResponsiblePersonId = secretariatPerson.Id }, WebSession.Json);
        var foreignLeader = await supervisor.PostAsJsonAsync("/api/v1/items", NewItem(general) with { LeaderPersonId = secretariatPerson.Id }, WebSession.Json);
        var fromAbove = await liaison.PostAsJsonAsync("/api/v1/items", NewItem(general) with { LeaderPersonId = officeLeader.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains($"责任人“{secretariatPerson.Name}”不是责任单位“综合科”的人员", await foreign.Content.ReadAsStringAsync());
        // Whom the liaison cannot see stays unknown to them: the refusal does not confirm that the person exists.
        Assert.Equal(HttpStatusCode.BadRequest, unseen.StatusCode);
        Assert.Contains("不存在或不在您的数据范围内", await unseen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, foreignLeader.StatusCode);
        Assert.Contains("也不是其上级单位的人员", await foreignLeader.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, fromAbove.StatusCode);
        Assert.Equal(officeLeader.Name, (await fromAbove.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.Leader!.Name);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task A_deactivated_person_is_no_longer_offered_or_accepted_as_responsible_person()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var admin = await app.SignedInAsync("demo-admin");
        var general = await UnitIdAsync("综合科");
        var created = await admin.PostAsJsonAsync("/api/v1/people", new PersonInput("甄离任", general, "科员", false));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = (await created.Content.ReadFromJsonAsync<PersonRow>(WebSession.Json))!;
        Assert.Contains("甄离任", await supervisor.GetStringAsync("/ledger/new"));

        var deactivated = await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/deactivate", new { name = "甄离任" });
        var refused = await supervisor.PostAsJsonAsync("/api/v1/items", NewItem(general) with { ResponsiblePersonId = person.Id }, WebSession.Json);

        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("责任人“甄离任”已停用", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("甄离任", await supervisor.GetStringAsync("/ledger/new"));
    }

    [Fact]
    public async Task A_deactivated_unit_takes_no_new_or_transferred_items_and_its_people_are_not_offered()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var office = await supervisor.UnitAsync(DemoData.OfficeName);
        var created = await admin.PostAsJsonAsync("/api/v1/units", new UnitInput("临时专班", UnitKind.Section, office.Id, 99), WebSession.Json);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var unit = await supervisor.UnitAsync("临时专班");
        var person = await admin.PostAsJsonAsync("/api/v1/people", new PersonInput("专班成员甲", unit.Id, "科员", false));
        Assert.True(person.IsSuccessStatusCode, await person.Content.ReadAsStringAsync());
        Assert.Contains("专班成员甲", await supervisor.GetStringAsync("/ledger/new"));
        var open = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=InProgress&pageSize=1")).Items[0];

        var deactivated = await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id}/deactivate", new { name = "临时专班" });
        var registered = await supervisor.PostAsJsonAsync("/api/v1/items", NewItem(unit.Id), WebSession.Json);
        var moved = await supervisor.PostAsJsonAsync($"/api/v1/items/{open.Id}/reassign", new { unitId = unit.Id, reason = "调整" });

        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, registered.StatusCode);
        Assert.Contains("单位“临时专班”已停用", await registered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(open.UnitId, (await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{open.Id}")).Unit.Id);
        Assert.DoesNotContain("专班成员甲", await supervisor.GetStringAsync("/ledger/new"));
    }

    [Fact]
    public async Task Reassignment_takes_the_new_units_responsible_person_or_clears_the_old_one_and_says_so()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await UnitIdAsync("综合科");
        var secretariat = await UnitIdAsync("秘书科");
        var own = (await PeopleOfAsync("综合科"))[0];
        var newcomer = (await PeopleOfAsync("秘书科"))[0];
        var item = await RegisterAsync(supervisor, NewItem(general) with { ResponsiblePersonId = own.Id });

        var wrongPerson = await supervisor.PostAsJsonAsync($"/api/v1/items/{item.Id}/reassign",
            new { unitId = secretariat, responsiblePersonId = own.Id, reason = "职责调整" });
        var moved = await supervisor.ActAsync(item.Id, "reassign", new { unitId = secretariat, responsiblePersonId = newcomer.Id, reason = "职责调整" });
        var back = await supervisor.ActAsync(item.Id, "reassign", new { unitId = general, reason = "退回原单位" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongPerson.StatusCode);
        Assert.Contains("不是责任单位“秘书科”的人员", await wrongPerson.Content.ReadAsStringAsync());
        Assert.Equal((secretariat, newcomer.Name), (moved.Unit.Id, moved.ResponsiblePerson!.Name));
        var handover = moved.History.Last(e => e.Kind == ItemEventKind.Reassigned);
        Assert.Equal(new FieldChange("责任人", own.Name, newcomer.Name), Assert.Single(handover.Changes));
        Assert.Equal(general, back.Unit.Id);
        Assert.Null(back.ResponsiblePerson);
        Assert.Contains("原单位的责任人已清除", back.History[^1].Text);
    }

    [Fact]
    public async Task The_history_and_evidence_name_people_and_their_unit_never_login_names()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var item = await RegisterAsync(liaison, NewItem(await UnitIdAsync("综合科")));
        await head.ActAsync(item.Id, "assign");
        await liaison.ActAsync(item.Id, "start");
        item = await UploadAsync(liaison, item.Id);
        var names = await PersonNamesAsync("demo-liaison", "demo-head");

        Assert.Equal([names["demo-liaison"], names["demo-head"], names["demo-liaison"], names["demo-liaison"]],
            item.History.Select(e => e.Actor));
        Assert.All(item.History, e => Assert.Equal("综合科", e.ActorUnit));
        Assert.Equal((names["demo-liaison"], "综合科"), (item.Evidence[0].UploadedBy, item.Evidence[0].UploadedByUnit));
        var page = WebSession.Text(await liaison.GetStringAsync($"/ledger/{item.Id}"));
        Assert.Contains($"{names["demo-head"]}（综合科）", page);
        Assert.DoesNotContain("demo-", page.Replace("demo-liaison", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Work_done_without_an_account_reads_system_or_demo_data()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var demo = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Closed&pageSize=1")).Items[0];

        var history = (await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{demo.Id}")).History;

        Assert.Equal("演示数据", history[0].Actor);
        Assert.Null(history[0].ActorUnit);
        Assert.DoesNotContain(history, e => e.Actor.StartsWith("system", StringComparison.Ordinal) || e.Actor.StartsWith("demo-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_returned_item_says_so_in_lists_on_my_work_and_at_the_top_of_its_page()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(liaison, NewItem(await UnitIdAsync("综合科")));
        await head.ActAsync(item.Id, "assign");
        await liaison.ActAsync(item.Id, "start");
        await liaison.ActAsync(item.Id, "submit");
        await supervisor.ActAsync(item.Id, "return", new { reason = "佐证材料缺少会议记录" });
        await liaison.ActAsync(item.Id, "progress", new { text = "正在补充会议记录" });

        var row = (await liaison.GetJsonAsync<ItemListResponse>($"/api/v1/items?q={item.Code}")).Items.Single();
        var myWork = WebSession.Text(await liaison.GetStringAsync("/ledger/mine?page=1"));
        var page = WebSession.Text(await liaison.GetStringAsync($"/ledger/{item.Id}"));

        Assert.True(row.Returned);
        Assert.Contains($"{item.Code}", myWork);
        Assert.Contains("整改中已退回", myWork.Replace(" ", "", StringComparison.Ordinal));
        var reason = page.IndexOf("佐证材料缺少会议记录", StringComparison.Ordinal);
        Assert.InRange(reason, 0, page.IndexOf("办理", page.IndexOf(item.Code, StringComparison.Ordinal) + item.Code.Length + 10, StringComparison.Ordinal));

        await liaison.ActAsync(item.Id, "submit");
        Assert.False((await liaison.GetJsonAsync<ItemListResponse>($"/api/v1/items?q={item.Code}")).Items.Single().Returned);
        Assert.DoesNotContain("已退回，请按退回意见整改", WebSession.Text(await liaison.GetStringAsync($"/ledger/{item.Id}")));
    }

    [Fact]
    public async Task An_extension_waiting_for_a_decision_says_so_on_the_supervisors_my_work()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(liaison, NewItem(await UnitIdAsync("综合科")));
        await head.ActAsync(item.Id, "assign");
        await liaison.ActAsync(item.Id, "extension", new { dueOn = app.Today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = "等待上级批复" });

        var rows = await AllMyWorkAsync(supervisor);

        var line = Assert.Single(rows, r => r.Contains(item.Code, StringComparison.Ordinal));
        Assert.Contains("延期待审批", line);
    }

    [Fact]
    public async Task The_light_says_how_many_days_are_overdue_or_left()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var red = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?light=Red&pageSize=50")).Items;
        var yellow = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?light=Yellow&pageSize=50")).Items;

        Assert.NotEmpty(red);
        Assert.All(red, r => Assert.Equal($"已逾期 {app.Today.DayNumber - r.DueOn.DayNumber} 天", r.DaysText));
        Assert.All(yellow, r => Assert.Equal(r.DueOn == app.Today ? "今天到期" : $"剩余 {r.DueOn.DayNumber - app.Today.DayNumber} 天", r.DaysText));
        var page = WebSession.Text(await supervisor.GetStringAsync($"/ledger/{red[0].Id}"));
        Assert.Contains(red[0].DaysText!, page);
        Assert.Contains(red[0].DaysText!, WebSession.Text(await supervisor.GetStringAsync("/ledger?light=Red")));
    }

    [Fact]
    public async Task A_refused_action_comes_back_with_what_was_typed_and_its_notice_stays_one_small_cookie()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var item = await RegisterAsync(liaison, NewItem(await UnitIdAsync("综合科")));
        await head.ActAsync(item.Id, "assign");
        var reason = string.Concat(Enumerable.Repeat("因上级文件尚未下发，需待政策明确后调整整改措施。", 12));
        var tooEarly = app.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await liaison.PostActionFormAsync(item.Id, "extension", new() { ["dueOn"] = tooEarly, ["reason"] = reason });
        var html = await liaison.GetStringAsync(response.Headers.Location);
        var longResponse = await liaison.PostActionFormAsync(item.Id, "extension", new() { ["dueOn"] = tooEarly, ["reason"] = reason + reason + reason });
        var longHtml = await liaison.GetStringAsync(longResponse.Headers.Location);

        Assert.EndsWith("#notice", response.Headers.Location!.ToString());
        Assert.Contains("延期后的期限必须晚于当前期限", WebSession.Text(html));
        Assert.Contains(reason, html);
        Assert.Contains($"value=\"{tooEarly}\"", html);
        Assert.DoesNotContain(reason, await liaison.GetStringAsync($"/ledger/{item.Id}"));
        // Too long to travel back in the notice: the page marks the refused form, and the tab's copy fills it (forms.js).
        Assert.All(longResponse.Headers.GetValues("Set-Cookie"), cookie => Assert.True(cookie.Length < 3000, $"{cookie.Length} characters"));
        Assert.Contains("延期后的期限必须晚于当前期限", WebSession.Text(longHtml));
        Assert.DoesNotContain(reason, longHtml);
        Assert.Matches("<form[^>]*id=\"act-extension\"[^>]*data-refused", longHtml);
    }

    [Fact]
    public async Task Evidence_uploaded_by_mistake_is_withdrawn_before_submission_and_kept_in_the_history()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(liaison, NewItem(await UnitIdAsync("综合科")));
        await head.ActAsync(item.Id, "assign");
        item = await UploadAsync(liaison, item.Id);
        var file = item.Evidence.Single().Id;

        var withdrawn = await liaison.ActAsync(item.Id, "evidence/withdraw", new { fileId = file });
        var again = await liaison.PostAsJsonAsync($"/api/v1/items/{item.Id}/evidence/withdraw", new { fileId = file });
        await liaison.ActAsync(item.Id, "start");
        await liaison.ActAsync(item.Id, "submit");
        var close = await supervisor.PostAsJsonAsync($"/api/v1/items/{item.Id}/close", new { });

        var shown = Assert.Single(withdrawn.Evidence);
        Assert.True(shown.Withdrawn);
        Assert.Equal(ItemEventKind.EvidenceWithdrawn, withdrawn.History[^1].Kind);
        Assert.Equal("整改报告.pdf", withdrawn.History[^1].Text);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, close.StatusCode);
        var page = WebSession.Text(await liaison.GetStringAsync($"/ledger/{item.Id}"));
        Assert.Contains("已撤回", page);
        Assert.Contains("撤回佐证材料", page);
        var afterSubmit = await liaison.PostAsJsonAsync($"/api/v1/items/{item.Id}/evidence/withdraw", new { fileId = file });
        Assert.Equal(HttpStatusCode.Conflict, afterSubmit.StatusCode);
        await using var export = await liaison.GetStreamAsync($"/ledger/export?q={item.Code}");
        var cells = MiniExcelLibs.MiniExcel.Query(export, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        Assert.Contains(item.Code, cells);
        Assert.DoesNotContain(cells, c => c.Contains("整改报告.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_registration_form_reports_every_missing_field_at_once_beside_its_field()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var before = await CountAsync();

        var response = await liaison.SubmitFormAsync("/ledger/new", "item", new()
        {
            ["Input.Registering"] = "true",
            ["Input.Problem"] = "",
            ["Input.Measures"] = "",
            ["Input.UnitId"] = "",
            ["Input.DeadlineKind"] = "Date",
            ["Input.DueOn"] = "",
            ["Input.FoundOn"] = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var html = await response.Content.ReadAsStringAsync();

        foreach (var message in new[] { "请填写问题描述。", "请至少填写一条整改措施。", "请选择责任单位。", "限期整改的事项必须填写整改期限。" })
        {
            Assert.Contains($"<div class=\"validation-message\">{message}</div>", html);
        }
        Assert.Equal(before, await CountAsync());
    }

    private ItemRequest NewItem(int unitId) => new(null, unitId, [1], ItemSource.SelfInspection,
        "会议通知临时下发，基层准备时间不足", "提前发文", ["建立会议计划制度"], null, null,
        app.Today, DeadlineKind.Date, app.Today.AddDays(40), null, null);

    private async Task<List<PersonRow>> PeopleOfAsync(string unitName)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var unit = await UnitIdAsync(unitName);
        return [.. (await supervisor.GetJsonAsync<PeoplePage>($"/api/v1/people?unit={unit}&pageSize=100")).Items.Where(p => p.UnitId == unit)];
    }

    private async Task<int> UnitIdAsync(string name) => (await (await app.SignedInAsync("demo-supervisor")).UnitAsync(name)).Id;

    private Task<int> CountAsync() => app.AsSystemAsync(services => services.GetRequiredService<DubanDb>().Items.CountAsync());

    private Task<Dictionary<string, string>> PersonNamesAsync(params string[] userNames) => app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<DubanDb>();
        return await db.Users.Where(u => userNames.Contains(u.UserName))
            .Select(u => new { u.UserName, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).First() })
            .ToDictionaryAsync(u => u.UserName!, u => u.Name);
    });

    /// <summary>Each row of 我的待办, page by page, as text.</summary>
    private static async Task<List<string>> AllMyWorkAsync(HttpClient client)
    {
        var rows = new List<string>();
        for (var page = 1; page < 50; page++)
        {
            var html = await client.GetStringAsync($"/ledger/mine?page={page}");
            var found = System.Text.RegularExpressions.Regex.Matches(html, "<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(m => WebSession.Text(m.Groups[1].Value)).Where(r => r.Contains("ZG-", StringComparison.Ordinal)).ToList();
            if (found.Count == 0)
            {
                break;
            }
            rows.AddRange(found);
        }
        return rows;
    }

    private static async Task<ItemView> RegisterAsync(HttpClient client, ItemRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", request, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
    }


    private static async Task<ItemView> UploadAsync(HttpClient client, int id)
    {
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        var response = await client.PostAsync($"/api/v1/items/{id}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "整改报告.pdf" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
    }

}

public sealed class SqliteLedgerAsUsersFoundItTests(SqliteAppFactory app) : LedgerAsUsersFoundItTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresLedgerAsUsersFoundItTests(PostgresAppFactory app) : LedgerAsUsersFoundItTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
