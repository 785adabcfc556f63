using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>
/// Editing an item keeps what the edit does not touch, records what it replaced, and keeps the supervision office's
/// findings in its own hands: through the edit page and through PATCH.
/// </summary>
public abstract class ItemEditTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Theory]
    [InlineData(DeadlineKind.Date, null)]
    [InlineData(DeadlineKind.Ongoing, ReportingPeriod.Quarterly)]
    [InlineData(DeadlineKind.Immediate, null)]
    public async Task The_edit_form_shows_every_saved_field_and_posting_it_back_unchanged_is_refused_and_changes_nothing(DeadlineKind kind, ReportingPeriod? period)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(supervisor, "表单往返：" + kind, ItemSource.PublicReport, kind, period);
        var page = await supervisor.GetStringAsync($"/ledger/{item.Id}/edit");
        var fields = WebSession.FormValues(page, "item");

        Assert.Equal(item.Categories.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            fields.Where(f => f.Key == "Input.CategoryIds").Select(f => f.Value).Order());
        var response = await PostFormAsync(supervisor, item.Id, page, fields);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有修改：内容与原来相同，未保存。", WebSession.Text(await response.Content.ReadAsStringAsync()));
        var after = await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal(Fields(item), Fields(after));
        Assert.Equal(item.Version, after.Version);
        Assert.Equal(item.History.Count, after.History.Count);
    }

    [Fact]
    public async Task A_supervisor_changing_only_the_goal_on_the_page_keeps_the_categories()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(supervisor, "只改目标：信息报送迟报漏报", ItemSource.SuperiorInspection, DeadlineKind.Date, null);
        var page = await supervisor.GetStringAsync($"/ledger/{item.Id}/edit");
        var fields = WebSession.FormValues(page, "item");

        var response = await PostFormAsync(supervisor, item.Id, page, [.. fields.Where(f => f.Key != "Input.Goal"), new("Input.Goal", "信息报送及时率100%")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal("信息报送及时率100%", after.Goal);
        Assert.Equal(item.Categories.Select(c => c.Id), after.Categories.Select(c => c.Id));
        var change = Assert.Single(after.History[^1].Changes);
        Assert.Equal(new FieldChange("整改目标", item.Goal, "信息报送及时率100%"), change);
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_it_names_and_an_empty_one_is_refused()
    {
        var head = await app.SignedInAsync("demo-head");
        var item = await RegisterAsync(head, "局部修改：会议纪要不规范", ItemSource.SelfInspection, DeadlineKind.Ongoing, ReportingPeriod.Quarterly);

        var empty = await head.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { version = item.Version });
        var goal = await head.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { goal = "纪要当天印发", version = item.Version });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("没有修改：内容与原来相同，未保存。", (await empty.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.OK, goal.StatusCode);
        var after = (await goal.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
        Assert.Equal(Fields(item) with { Goal = "纪要当天印发" }, Fields(after));
        Assert.Equal(item.History.Count + 1, after.History.Count);
        Assert.Equal(["整改目标"], after.History[^1].Changes.Select(c => c.Field));
    }

    [Fact]
    public async Task Every_changed_field_keeps_its_old_and_new_value_in_the_api_and_on_the_timeline()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(supervisor, "信息报送迟报漏报，时效性差", ItemSource.SuperiorInspection, DeadlineKind.Date, null);
        var people = await PeopleAsync(supervisor, "综合科");
        var otherPerson = people.First(p => p.Id != item.ResponsiblePerson!.Id);

        var response = await supervisor.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new
        {
            problem = "信息报送偶有延迟",
            categoryIds = new[] { item.Categories[0].Id },
            measures = new List<string> { "建立报送时限表" },
            responsiblePersonId = otherPerson.Id,
            deadlineKind = "Immediate",
        }, WebSession.Json);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var edited = (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.History[^1];
        Assert.Equal(ItemEventKind.Edited, edited.Kind);
        Assert.Equal(
        [
            new FieldChange("问题描述", "信息报送迟报漏报，时效性差", "信息报送偶有延迟"),
            new FieldChange("整改措施", "建立报送时限表\n指定专人负责", "建立报送时限表"),
            new FieldChange("责任人", item.ResponsiblePerson!.Name, otherPerson.Name),
            new FieldChange("整改时限", item.Deadline, "立行立改"),
            new FieldChange("问题类别", string.Join("、", item.Categories.Select(c => c.Name)), item.Categories[0].Name),
        ], edited.Changes);
        var timeline = string.Concat(WebSession.Text(await supervisor.GetStringAsync($"/ledger/{item.Id}")).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("问题描述：信息报送迟报漏报，时效性差→信息报送偶有延迟", timeline);
        Assert.Contains($"责任人：{item.ResponsiblePerson.Name}→{otherPerson.Name}", timeline);
        Assert.Contains($"整改时限：{item.Deadline}→立行立改", timeline);
    }

    [Fact]
    public async Task A_liaison_cannot_rewrite_a_supervision_finding_but_can_change_goal_and_measures()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await RegisterAsync(supervisor, "督查发现：信息报送迟报漏报，时效性差", ItemSource.AnnouncedInspection, DeadlineKind.Date, null);

        var problem = await liaison.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { problem = "信息报送偶有延迟" });
        var categories = await liaison.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { categoryIds = Array.Empty<int>() });
        var source = await liaison.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { source = "SelfInspection" });
        var work = await liaison.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { goal = "报送及时率100%", measures = new List<string> { "每周五前报送", "专人复核" } });

        foreach (var refused in new[] { problem, categories, source })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("只能由督查人员修改", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }
        Assert.True(work.StatusCode == HttpStatusCode.OK, await work.Content.ReadAsStringAsync());
        var after = await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal(Fields(item) with { Goal = "报送及时率100%", Measures = "每周五前报送|专人复核" }, Fields(after));
        Assert.Equal(item.History.Count + 1, after.History.Count);
    }

    [Fact]
    public async Task The_edit_page_shows_a_supervision_finding_read_only_to_the_unit_and_keeps_it_on_save()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await RegisterAsync(supervisor, "督查发现：来文登记滞后", ItemSource.CovertVisit, DeadlineKind.Date, null);
        var page = await liaison.GetStringAsync($"/ledger/{item.Id}/edit");
        var fields = WebSession.FormValues(page, "item");

        Assert.DoesNotContain(fields, f => f.Key is "Input.Problem" or "Input.CategoryIds" or "Input.Source");
        Assert.Contains("督查发现：来文登记滞后", WebSession.Text(page));
        Assert.Contains("只能由督查人员修改", WebSession.Text(page));
        var forged = await PostFormAsync(liaison, item.Id, page, [.. fields, new("Input.Problem", "伪造的问题描述"), new("Input.Source", "SelfInspection")]);
        var response = await PostFormAsync(liaison, item.Id, page, [.. fields.Where(f => f.Key != "Input.Goal"), new("Input.Goal", "当天登记")]);

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("只能由督查人员修改", WebSession.Text(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal(Fields(item) with { Goal = "当天登记" }, Fields(after));
    }

    [Fact]
    public async Task Roles_the_table_lets_neither_edit_nor_register_get_403_instead_of_a_form()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await RegisterAsync(supervisor, "只读角色：档案借阅登记不全", ItemSource.SelfInspection, DeadlineKind.Date, null);
        var leader = await app.SignedInAsync("demo-leader");
        var member = await app.SignedInAsync("demo-member");
        var liaison = await app.SignedInAsync("demo-liaison");

        var edit = await leader.GetAsync($"/ledger/{item.Id}/edit");
        var register = await member.GetAsync("/ledger/new");

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("您的角色无权对该事项编辑", WebSession.Text(await edit.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Contains("您的角色无权登记整改事项", WebSession.Text(await register.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/ledger/{item.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync("/ledger/new")).StatusCode);
    }

    /// <summary>Every field an edit can touch, in one comparable value.</summary>
    private sealed record ItemFields(string Problem, string? Goal, string Measures, string Categories, ItemSource Source,
        int? Leader, int? Person, DateOnly FoundOn, DeadlineKind Kind, DateOnly DueOn, ReportingPeriod? Period);

    private static ItemFields Fields(ItemView item) => new(item.Problem, item.Goal, string.Join('|', item.Measures),
        string.Join(',', item.Categories.Select(c => c.Id).Order()), item.Source, item.Leader?.Id, item.ResponsiblePerson?.Id,
        item.FoundOn, item.DeadlineKind, item.DueOn, item.ReportingPeriod);

    /// <summary>An assigned item of 综合科 with every field filled in.</summary>
    private async Task<ItemView> RegisterAsync(HttpClient client, string problem, ItemSource source, DeadlineKind kind, ReportingPeriod? period)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var unit = (await supervisor.UnitAsync("综合科")).Id;
        var people = await PeopleAsync(supervisor, "综合科");
        var categories = (await supervisor.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog")).Take(3).Select(e => e.Id).ToArray();
        var today = app.Today;
        var created = await client.PostAsJsonAsync("/api/v1/items", new ItemRequest(null, unit, [categories[1], categories[2]], source, problem,
            "信息按时报送率100%", ["建立报送时限表", "指定专人负责"], people[0].Id, people[^1].Id, today.AddDays(-3), kind,
            kind == DeadlineKind.Date ? today.AddDays(45) : null, period, null), WebSession.Json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.Id;
        var assigned = await supervisor.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { });
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        return await client.GetJsonAsync<ItemView>($"/api/v1/items/{id}");
    }

    private static async Task<List<PersonRow>> PeopleAsync(HttpClient client, string unitName) =>
        [.. (await client.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={(await client.UnitAsync(unitName)).Id}&pageSize=50")).Items];

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, int id, string page, List<KeyValuePair<string, string>> fields) =>
        await client.PostAsync($"/ledger/{id}/edit", new FormUrlEncodedContent(
            [.. fields.Where(f => f.Key != "__RequestVerificationToken"), new("__RequestVerificationToken", WebSession.AntiforgeryTokenOf(page))]));
}

public sealed class SqliteItemEditTests(SqliteAppFactory app) : ItemEditTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresItemEditTests(PostgresAppFactory app) : ItemEditTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
