using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Ledger;
using Duban.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>Deactivating units and people (kept, gone from pickers), unique unit names among siblings, and the saved notice.</summary>
public abstract class OrganizationActivationTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task A_deactivated_person_leaves_the_pickers_but_keeps_their_name_on_an_existing_item()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var unit = await admin.UnitAsync("文电科");
        var person = await CreatePersonAsync(admin, "停用甲", unit.Id);
        var registered = await supervisor.PostAsJsonAsync("/api/v1/items", new ItemRequest(null, unit.Id, [], ItemSource.SelfInspection,
            "停用人员测试：材料报送不及时", null, ["按周报送"], null, person.Id, app.Today, DeadlineKind.Date, app.Today.AddDays(30), null, null,
            DemoData.CampaignCode), WebSession.Json);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var item = (await registered.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;

        var refused = await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/deactivate", new { name = "别人" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var deactivated = await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/deactivate", new { name = "停用甲" });

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<PersonResponse>(WebSession.Json))!.IsActive);
        var picker = await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={unit.Id}&pageSize=200");
        Assert.DoesNotContain(picker.Items, p => p.Id == person.Id);
        var all = await admin.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={unit.Id}&pageSize=200&includeInactive=true");
        Assert.False(all.Items.Single(p => p.Id == person.Id).IsActive);
        var (searched, active) = await app.AsSystemAsync(async sp =>
        {
            var people = sp.GetRequiredService<PeopleService>();
            return ((await people.SearchAsync(new PeopleQuery(), new PageRequest(1, PageRequest.MaxPageSize))).Items, await people.IsActiveAsync(person.Id));
        });
        Assert.DoesNotContain(searched, p => p.Id == person.Id);
        Assert.False(active);
        Assert.Equal("停用甲", (await supervisor.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).ResponsiblePerson?.Name);
        Assert.Matches(@"停用甲\s+已停用", WebSession.Text(await admin.GetStringAsync($"/org/people?unit={unit.Id}")));
        var again = await admin.PostAsJsonAsync($"/api/v1/people/{person.Id}/deactivate", new { name = "停用甲" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已是停用状态", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task A_person_is_deactivated_on_their_page_after_a_confirmation_and_reactivated_there()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var person = await CreatePersonAsync(admin, "停用乙", (await admin.UnitAsync("信息科")).Id);
        var path = $"/org/people/{person.Id}/edit";
        Assert.DoesNotContain("确认停用", await admin.GetStringAsync(path));
        Assert.Contains("确定停用人员“停用乙”吗", WebSession.Text(await admin.GetStringAsync(path + "?confirm=deactivate")));

        var deactivated = await admin.SubmitFormAsync(path + "?confirm=deactivate", "deactivate", []);

        Assert.Contains("已停用人员“停用乙”。", await admin.RedirectedPageTextAsync(deactivated));
        Assert.False((await admin.GetJsonAsync<PersonResponse>($"/api/v1/people/{person.Id}")).IsActive);
        var reactivated = await admin.SubmitFormAsync(path, "reactivate", []);
        Assert.Contains("已启用人员“停用乙”。", await admin.RedirectedPageTextAsync(reactivated));
        Assert.True((await admin.GetJsonAsync<PersonResponse>($"/api/v1/people/{person.Id}")).IsActive);
    }

    [Fact]
    public async Task A_unit_with_active_sub_units_cannot_be_deactivated_and_deactivated_units_leave_the_pickers()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var office = await admin.UnitAsync(DemoData.OfficeName);
        var parent = await CreateUnitAsync(admin, "停用测试中心", office.Id);
        var child = await CreateUnitAsync(admin, "停用测试组", parent.Id);

        var refused = await admin.PostAsJsonAsync($"/api/v1/units/{parent.Id}/deactivate", new { name = "停用测试中心" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("单位“停用测试中心”下还有未停用的下级单位", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/units/{child.Id}/deactivate", new { name = "停用测试组" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/units/{parent.Id}/deactivate", new { name = "停用测试中心" })).StatusCode);
        var picker = await admin.GetJsonAsync<List<UnitRow>>("/api/v1/units");
        Assert.DoesNotContain(picker, u => u.Id == parent.Id || u.Id == child.Id);
        var listed = await app.AsSystemAsync(sp => sp.GetRequiredService<UnitService>().ListAsync());
        Assert.DoesNotContain(listed, u => u.Id == parent.Id);
        var all = await admin.GetJsonAsync<List<UnitRow>>("/api/v1/units?includeInactive=true");
        Assert.False(all.Single(u => u.Id == child.Id).IsActive);
        Assert.Matches(@"停用测试中心\s+已停用", WebSession.Text(await admin.GetStringAsync("/org/units")));
        var orphan = await admin.PostAsJsonAsync($"/api/v1/units/{child.Id}/reactivate", new { name = "停用测试组" });
        Assert.Equal(HttpStatusCode.Conflict, orphan.StatusCode);
        Assert.Contains("上级单位“停用测试中心”已停用", (await orphan.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var newcomer = await admin.PostAsJsonAsync("/api/v1/people", new { name = "新来的", unitId = parent.Id }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, newcomer.StatusCode);
        Assert.Contains("单位“停用测试中心”已停用", (await newcomer.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task A_unit_name_must_be_unique_under_its_parent_but_not_elsewhere()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var office = await admin.UnitAsync(DemoData.OfficeName);
        var general = await admin.UnitAsync("综合科");
        await CreateUnitAsync(admin, "重名测试科", office.Id);

        var twin = await admin.PostAsJsonAsync("/api/v1/units", new { name = "  重名测试科 ", kind = "Section", parentId = office.Id }, WebSession.Json);
        var cased = await admin.PostAsJsonAsync("/api/v1/units", new { name = "abc组", kind = "Section", parentId = office.Id }, WebSession.Json);
        var upper = await admin.PostAsJsonAsync("/api/v1/units", new { name = "ABC组", kind = "Section", parentId = office.Id }, WebSession.Json);
        var elsewhere = await admin.PostAsJsonAsync("/api/v1/units", new { name = "重名测试科", kind = "Section", parentId = general.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.Conflict, twin.StatusCode);
        Assert.Contains("“区政府办公室”下已有名为“重名测试科”的单位", (await twin.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.Created, cased.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, upper.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        var other = await CreateUnitAsync(admin, "改名测试科", office.Id);
        var renamed = await admin.PutAsJsonAsync($"/api/v1/units/{other.Id}", new { name = "重名测试科", kind = "Section", parentId = office.Id }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, renamed.StatusCode);
        var page = await admin.SubmitFormAsync($"/org/units/{other.Id}/edit", "unit", new()
        {
            ["Input.Name"] = "重名测试科", ["Input.Kind"] = "Section", ["Input.ParentId"] = Id(office.Id), ["Input.SortOrder"] = "0",
        });
        Assert.Contains("“区政府办公室”下已有名为“重名测试科”的单位", WebSession.Text(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Saving_a_unit_or_a_person_on_its_page_says_so_on_the_list()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var office = await admin.UnitAsync(DemoData.OfficeName);

        var unit = await admin.SubmitFormAsync("/org/units/new", "unit", new()
        {
            ["Input.Name"] = "保存提示科", ["Input.Kind"] = "Section", ["Input.ParentId"] = Id(office.Id), ["Input.SortOrder"] = "30",
        });

        Assert.Equal("/org/units", PathOf(unit));
        Assert.Contains("已保存单位“保存提示科”。", await admin.RedirectedPageTextAsync(unit));

        var person = await admin.SubmitFormAsync("/org/people/new", "person", new()
        {
            ["Input.Name"] = "保存提示人", ["Input.UnitId"] = Id(office.Id), ["Input.Position"] = "科员",
        });

        Assert.Equal("/org/people", PathOf(person));
        Assert.Contains("已保存人员“保存提示人”。", await admin.RedirectedPageTextAsync(person));
        Assert.DoesNotContain("已保存人员", await admin.GetStringAsync("/org/people"));
    }

    private static async Task<PersonResponse> CreatePersonAsync(HttpClient admin, string name, int unitId)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/people", new { name, unitId }, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PersonResponse>(WebSession.Json))!;
    }

    private static async Task<UnitResponse> CreateUnitAsync(HttpClient admin, string name, int parentId)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name, kind = "Section", parentId }, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UnitResponse>(WebSession.Json))!;
    }

    private static string PathOf(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class SqliteOrganizationActivationTests(SqliteAppFactory app) : OrganizationActivationTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresOrganizationActivationTests(PostgresAppFactory app) : OrganizationActivationTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
