using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Audit;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Supervision.Inspections;
using Duban.Core.Supervision.Slips;
using Duban.Ledger;
using Duban.Supervision;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// Inspections through HTTP as each role: a covert visit sealed from the units it concerns until published, 回避,
/// findings becoming items of the inspection's kind, answers to 明查, and refusals that write nothing.
/// </summary>
public abstract class InspectionTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private static readonly string[] UnitRoles = ["demo-head", "demo-liaison", "demo-member"];
    private static readonly int[] NoSuchId = [0];

    [Fact]
    public async Task A_covert_visit_is_invisible_to_the_inspected_unit_until_published_then_its_findings_are_its_items()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var secretariat = await supervisor.UnitAsync("秘书科");
        var title = "暗访封存测试" + Guid.NewGuid().ToString("N")[..6];
        var problem = title + "：窗口工作人员上班时间玩手机";
        var before = new Dictionary<string, int>();
        foreach (var user in UnitRoles)
        {
            before[user] = (await (await app.SignedInAsync(user)).GetJsonAsync<PagedResponse<InspectionSummary>>("/api/v1/inspections")).Total;
        }

        var inspection = await CreateAsync(supervisor, "covert", title, [general.Id, secretariat.Id], [await InspectorAsync(supervisor)]);
        await StepAsync(supervisor, inspection.Id, "start");
        await FindingAsync(supervisor, inspection.Id, new { unitId = general.Id, problem, severity = "较重", dueOn = Day(30) });
        await FindingAsync(supervisor, inspection.Id, new { unitId = secretariat.Id, problem = title + "：秘书科的问题" });
        await StepAsync(supervisor, inspection.Id, "complete");

        var missing = await (await app.SignedInAsync("demo-head")).GetAsync("/api/v1/inspections/999999");
        var missingMessage = (await missing.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!.Replace("999999", "{id}", StringComparison.Ordinal);
        foreach (var user in UnitRoles)
        {
            var client = await app.SignedInAsync(user);
            var list = await client.GetJsonAsync<PagedResponse<InspectionSummary>>("/api/v1/inspections?pageSize=100");
            Assert.Equal(before[user], list.Total);
            Assert.DoesNotContain(list.Items, i => i.Id == inspection.Id);
            var detail = await client.GetAsync($"/api/v1/inspections/{inspection.Id}");
            Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
            Assert.Equal(missingMessage.Replace("{id}", Id(inspection.Id), StringComparison.Ordinal),
                (await detail.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/supervision/{inspection.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/supervision/code/{inspection.Code}")).StatusCode);
            Assert.DoesNotContain(title, await client.GetStringAsync("/supervision"));
            Assert.DoesNotContain(title, await client.GetStringAsync("/ledger/mine"));
            Assert.Equal(0, (await client.GetJsonAsync<ItemListResponse>("/api/v1/items?q=" + Uri.EscapeDataString(title))).Total);
        }
        Assert.Contains(title, await (await app.SignedInAsync("demo-leader")).GetStringAsync("/supervision"));

        var published = await StepAsync(supervisor, inspection.Id, "publish");

        Assert.Equal(2, published.ItemIds.Count);
        var head = await app.SignedInAsync("demo-head");
        var seen = await head.GetJsonAsync<InspectionResponse>($"/api/v1/inspections/{inspection.Id}");
        var finding = Assert.Single(seen.Findings);
        Assert.Equal(general.Id, finding.UnitId);
        var item = await head.GetJsonAsync<ItemView>($"/api/v1/items/{finding.ItemId}");
        Assert.Equal((ItemSource.CovertVisit, inspection.Code, ItemState.Assigned, general.Id), (item.Source, item.SourceCode, item.State, item.Unit.Id));
        Assert.Equal(problem, item.Problem);
        Assert.Contains($"{inspection.Code} 暗访", WebSession.Text(await head.GetStringAsync($"/ledger/{item.Id}")));
        Assert.Contains(problem, WebSession.Text(await head.GetStringAsync($"/supervision/{inspection.Id}")));
        Assert.DoesNotContain("秘书科的问题", await head.GetStringAsync($"/supervision/{inspection.Id}"));
        Assert.Equal(1, (await head.GetJsonAsync<ItemListResponse>("/api/v1/items?q=" + Uri.EscapeDataString(title))).Total);
        var again = await supervisor.PostAsync($"/api/v1/inspections/{inspection.Id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不能重复发布", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task An_inspector_never_inspects_his_own_unit_and_a_refusal_writes_nothing()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var own = (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={general.Id}&pageSize=200")).Items[0];
        var (inspections, events) = await CountsAsync();

        var refused = await supervisor.PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "announced", title = "回避测试", unitIds = new[] { general.Id }, inspectorIds = new[] { own.Id, await InspectorAsync(supervisor) },
            plannedOn = Day(3),
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"督查人员“{own.Name}”属于被督查单位“综合科”，应当回避：不能督查本单位。", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal((inspections, events), await CountsAsync());
        var byHead = await (await app.SignedInAsync("demo-head")).PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "announced", title = "无权新建", unitIds = new[] { general.Id }, inspectorIds = new[] { await InspectorAsync(supervisor) }, plannedOn = Day(3),
        });
        Assert.Equal(HttpStatusCode.Forbidden, byHead.StatusCode);
        var noSuchUnit = await supervisor.PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "announced", title = "无此单位", unitIds = NoSuchId, inspectorIds = new[] { await InspectorAsync(supervisor) }, plannedOn = Day(3),
        });
        Assert.Equal(HttpStatusCode.BadRequest, noSuchUnit.StatusCode);
        Assert.Contains("单位（编号 0）不存在", (await noSuchUnit.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var noSuchInspector = await supervisor.PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "announced", title = "无此人员", unitIds = new[] { general.Id }, inspectorIds = NoSuchId, plannedOn = Day(3),
        });
        Assert.Equal(HttpStatusCode.BadRequest, noSuchInspector.StatusCode);
        Assert.Equal(inspections, (await CountsAsync()).Inspections);
    }

    [Fact]
    public async Task Findings_are_only_for_targeted_units_and_each_write_is_one_audit_event()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var other = await supervisor.UnitAsync("信息科");
        var (_, start) = await CountsAsync();
        var inspection = await CreateAsync(supervisor, "thematic", "专项督查审计测试", [general.Id], [await InspectorAsync(supervisor)]);
        Assert.Equal(start + 1, (await CountsAsync()).Events);

        var early = await supervisor.PostAsJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", new { unitId = general.Id, problem = "太早" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await StepAsync(supervisor, inspection.Id, "start");
        var (_, started) = await CountsAsync();
        var untargeted = await supervisor.PostAsJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", new { unitId = other.Id, problem = "不是对象" });
        Assert.Equal(HttpStatusCode.BadRequest, untargeted.StatusCode);
        Assert.Equal("“信息科”不是本次督查的被督查单位，不能为其登记发现的问题。", (await untargeted.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var badSeverity = await supervisor.PostAsJsonAsync($"/api/v1/inspections/{inspection.Id}/findings",
            new { unitId = general.Id, problem = "程度不对", severity = "极其严重" });
        Assert.Equal(HttpStatusCode.BadRequest, badSeverity.StatusCode);
        var overlong = await supervisor.PostAsJsonAsync($"/api/v1/inspections/{inspection.Id}/findings",
            new { unitId = general.Id, problem = new string('问', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(started, (await CountsAsync()).Events);

        await FindingAsync(supervisor, inspection.Id, new { unitId = general.Id, problem = "会议纪要未按时印发", categoryIds = new[] { await CategoryAsync(supervisor) } });
        Assert.Equal(started + 1, (await CountsAsync()).Events);
        var publishEarly = await supervisor.PostAsync($"/api/v1/inspections/{inspection.Id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, publishEarly.StatusCode);
        Assert.Equal(started + 1, (await CountsAsync()).Events);
        await StepAsync(supervisor, inspection.Id, "complete");
        var published = await StepAsync(supervisor, inspection.Id, "publish");
        var item = await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{published.ItemIds.Single()}");
        Assert.Equal(ItemSource.ThematicInspection, item.Source);
        Assert.Single(item.Categories);
        Assert.Equal("已发布", published.StateName);
    }

    [Fact]
    public async Task A_published_inspection_whose_items_are_all_closed_reads_as_finished_in_the_list_and_its_page()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var clean = await CreateAsync(supervisor, "announced", "无问题的明查" + Guid.NewGuid().ToString("N")[..6], [general.Id], [await InspectorAsync(supervisor)]);
        await StepAsync(supervisor, clean.Id, "start");
        await StepAsync(supervisor, clean.Id, "complete");

        var published = await StepAsync(supervisor, clean.Id, "publish");

        Assert.Equal(InspectionState.Closed, published.State);
        var row = (await supervisor.GetJsonAsync<PagedResponse<InspectionSummary>>("/api/v1/inspections?state=Closed&pageSize=200")).Items.Single(i => i.Id == clean.Id);
        Assert.Equal("已完结", row.StateName);
        Assert.DoesNotContain((await supervisor.GetJsonAsync<PagedResponse<InspectionSummary>>("/api/v1/inspections?state=Published&pageSize=200")).Items,
            i => i.Id == clean.Id);
    }

    [Fact]
    public async Task A_unit_answers_an_announced_finding_before_publishing_and_not_after()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var inspection = await CreateAsync(supervisor, "announced", "明查申辩测试", [general.Id], [await InspectorAsync(supervisor)]);
        await StepAsync(supervisor, inspection.Id, "start");
        var finding = (await FindingAsync(supervisor, inspection.Id, new { unitId = general.Id, problem = "明查申辩测试：值班记录缺失" })).Findings.Single();
        var liaison = await app.SignedInAsync("demo-liaison");
        Assert.Contains("明查申辩测试：值班记录缺失", WebSession.Text(await liaison.GetStringAsync("/ledger/mine")));
        var member = await app.SignedInAsync("demo-member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsJsonAsync($"/api/v1/inspection-findings/{finding.Id}/answer", new { text = "x" })).StatusCode);

        var answered = await liaison.PostAsJsonAsync($"/api/v1/inspection-findings/{finding.Id}/answer", new { text = "当天系统故障，已补录" });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var seen = await supervisor.GetJsonAsync<InspectionResponse>($"/api/v1/inspections/{inspection.Id}");
        Assert.Equal("当天系统故障，已补录", seen.Findings.Single().Answer);
        Assert.DoesNotContain("明查申辩测试：值班记录缺失", WebSession.Text(await liaison.GetStringAsync("/ledger/mine")));
        var twice = await liaison.PostAsJsonAsync($"/api/v1/inspection-findings/{finding.Id}/answer", new { text = "再说一次" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        await StepAsync(supervisor, inspection.Id, "complete");
        await StepAsync(supervisor, inspection.Id, "publish");
        var late = await (await app.SignedInAsync("demo-head")).PostAsJsonAsync($"/api/v1/inspection-findings/{finding.Id}/answer", new { text = "晚了" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task The_pages_plan_an_inspection_and_keep_what_was_typed_when_refused()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var inspector = await InspectorAsync(supervisor);
        var title = "页面新建督查" + Guid.NewGuid().ToString("N")[..6];

        var refused = await supervisor.SubmitFormAsync("/supervision/new", "inspection",
            new() { ["kind"] = "announced", ["title"] = title, ["plannedOn"] = Day(5), ["inspectorIds"] = Id(inspector) });
        var refusedPage = WebSession.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("请选择至少一个被督查单位", refusedPage);
        Assert.Contains(title, await refused.Content.ReadAsStringAsync());

        var saved = await supervisor.SubmitFormAsync("/supervision/new", "inspection",
            new() { ["kind"] = "covert", ["title"] = title, ["plannedOn"] = Day(5), ["unitIds"] = Id(general.Id), ["inspectorIds"] = Id(inspector), ["checkList"] = "工作纪律\n窗口服务" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await supervisor.RedirectedPageTextAsync(saved);
        Assert.Contains("已新建督查", page);
        Assert.Contains("暗访：结果发布前", page);
        Assert.Contains("窗口服务", page);
        Assert.Contains(title, WebSession.Text(await supervisor.GetStringAsync("/supervision?kind=covert")));
        Assert.DoesNotContain(title, WebSession.Text(await supervisor.GetStringAsync("/supervision?kind=announced")));
    }

    [Fact]
    public async Task A_revisit_of_a_draw_targets_the_drawn_items_units_and_shows_its_checks()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var drawn = await supervisor.PostAsJsonAsync("/api/v1/draws", new
        {
            campaign = DemoData.CampaignCode, population = "closedItems", count = 2, seed = "回头看测试", exclude = new string?[] { null },
        });
        Assert.True(drawn.StatusCode == HttpStatusCode.Created, await drawn.Content.ReadAsStringAsync());
        var draw = (await drawn.Content.ReadFromJsonAsync<DrawResponse>(WebSession.Json))!;
        var items = new List<ItemView>();
        foreach (var key in draw.Selected)
        {
            var row = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?q=" + key)).Items.Single(r => r.Code == key);
            items.Add(await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{row.Id}"));
        }
        // 回避: the inspector comes from a unit none of the drawn items belongs to.
        var people = (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>("/api/v1/people?pageSize=200")).Items;
        var inspector = people.First(p => items.All(i => i.Unit.Id != p.UnitId)).Id;
        var withoutDraw = await supervisor.PostAsJsonAsync("/api/v1/inspections", new { kind = "revisit", inspectorIds = new[] { inspector }, plannedOn = Day(1) });
        Assert.Equal(HttpStatusCode.BadRequest, withoutDraw.StatusCode);

        var created = await supervisor.PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "revisit", drawId = draw.Id, inspectorIds = new[] { inspector }, plannedOn = Day(1),
        });

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var revisit = (await created.Content.ReadFromJsonAsync<InspectionResponse>(WebSession.Json))!;
        Assert.Equal(("revisit", $"回头看（{draw.Code}）", draw.Id), (revisit.Kind, revisit.Title, revisit.DrawId));
        Assert.Equal(items.Select(i => i.Unit.Id).Distinct().Order(), revisit.Units.Select(u => u.Id).Order());
        var again = await supervisor.PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "revisit", drawId = draw.Id, inspectorIds = new[] { inspector }, plannedOn = Day(1),
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"已建立回头看督查 {revisit.Code}", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var failed = await supervisor.PostAsJsonAsync($"/api/v1/draws/{draw.Id}/checks", new { key = items[0].Code, passed = false, reason = "整改后问题反弹" });
        Assert.True(failed.IsSuccessStatusCode, await failed.Content.ReadAsStringAsync());
        Assert.Equal(ItemState.InProgress, (await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{items[0].Id}")).State);
        var page = WebSession.Text(await supervisor.GetStringAsync($"/supervision/{revisit.Id}"));
        Assert.Contains("回头看核验结果（1 / 2）", page);
        Assert.Contains("不通过", page);
        Assert.Contains("整改后问题反弹", page);
        Assert.Contains(revisit.Code, WebSession.Text(await supervisor.GetStringAsync($"/supervision/draws/{draw.Id}")));
    }

    [Fact]
    public async Task The_demo_has_a_published_announced_inspection_a_sealed_covert_visit_a_failed_revisit_and_slips_of_each_colour()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var inspections = (await supervisor.GetJsonAsync<PagedResponse<InspectionSummary>>("/api/v1/inspections?pageSize=100")).Items;
        // Loaded before any test ran, the demo's records come first.
        var announced = inspections.Single(i => i.Title == "第三季度作风建设明查");
        Assert.Equal(("announced", 3), (announced.Kind, announced.Items));
        var covert = inspections.Single(i => i.Title == "窗口服务暗访");
        Assert.Equal(("covert", "发现已汇总"), (covert.Kind, covert.StateName));
        Assert.DoesNotContain((await (await app.SignedInAsync("demo-head")).GetJsonAsync<PagedResponse<InspectionSummary>>("/api/v1/inspections?pageSize=100")).Items,
            i => i.Id == covert.Id);
        var revisit = await supervisor.GetJsonAsync<InspectionResponse>($"/api/v1/inspections/{inspections.Where(i => i.Kind == "revisit").MinBy(i => i.Id)!.Id}");
        var draw = await supervisor.GetJsonAsync<DrawResponse>($"/api/v1/draws/{revisit.DrawId}");
        var failed = Assert.Single(draw.Checks, c => !c.Passed);
        var reopened = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?q=" + failed.Key)).Items.Single(r => r.Code == failed.Key);
        Assert.Equal(ItemState.InProgress, reopened.State);
        var slips = (await supervisor.GetJsonAsync<PagedResponse<Duban.Core.Supervision.Slips.SlipRow>>("/api/v1/urge-slips?pageSize=100")).Items;
        Assert.Equal([SlipColour.Blue, SlipColour.Yellow, SlipColour.Red], slips.Select(s => s.Colour).Distinct().Order());
        Assert.Contains(slips, s => s.State == SlipState.Overdue);
    }

    private async Task<(int Inspections, int Events)> CountsAsync() => await app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<DubanDb>();
        return (await db.Set<Core.Supervision.Inspections.Inspection>().CountAsync(), await db.AuditEvents.CountAsync());
    });

    private static async Task<InspectionResponse> CreateAsync(HttpClient supervisor, string kind, string title, int[] unitIds, int[] inspectorIds)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/inspections", new { kind, title, unitIds, inspectorIds, plannedOn = "2026-12-10" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<InspectionResponse>(WebSession.Json))!;
        Assert.Matches(@"^DC-\d{4}-\d{3}$", created.Code);
        return created;
    }

    private static async Task<InspectionResponse> StepAsync(HttpClient supervisor, int id, string slug)
    {
        var response = await supervisor.PostAsync($"/api/v1/inspections/{id}/{slug}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InspectionResponse>(WebSession.Json))!;
    }

    private static async Task<InspectionResponse> FindingAsync(HttpClient supervisor, int id, object body)
    {
        var response = await supervisor.PostAsJsonAsync($"/api/v1/inspections/{id}/findings", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InspectionResponse>(WebSession.Json))!;
    }

    private static async Task<int> InspectorAsync(HttpClient supervisor)
    {
        var office = await supervisor.UnitAsync("调研督查室");
        return (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={office.Id}&pageSize=200")).Items[0].Id;
    }

    private static async Task<int> CategoryAsync(HttpClient client) =>
        (await client.GetJsonAsync<List<Duban.Catalog.CatalogEntryResponse>>("/api/v1/catalog"))[0].Id;

    private string Day(int days) => app.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class SqliteInspectionTests(SqliteAppFactory app) : InspectionTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresInspectionTests(PostgresAppFactory app) : InspectionTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
