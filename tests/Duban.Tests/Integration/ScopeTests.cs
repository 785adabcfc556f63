using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>Roles and the unit tree decide what each person may see and do, on pages and in the API alike.</summary>
public abstract class ScopeTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Theory]
    [InlineData("/org/units/new")]
    [InlineData("/org/people/new")]
    [InlineData("/audit")]
    [InlineData("/catalog/1/edit")]
    [InlineData("/campaigns/new")]
    public async Task Member_gets_403_with_a_Chinese_page_on_admin_pages(string url)
    {
        var client = await app.SignedInAsync("demo-member");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("没有权限", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Member_gets_403_problem_on_admin_api()
    {
        var client = await app.SignedInAsync("demo-member");

        var create = await client.PostAsJsonAsync("/api/v1/units", new { name = "新单位", kind = "Section", parentId = 1 });
        var audit = await client.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Contains("没有权限", (await create.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Fact]
    public async Task Unit_head_cannot_read_another_sections_people_through_the_api()
    {
        var client = await app.SignedInAsync("demo-head");
        var secretariat = await UnitIdAsync("秘书科");

        var response = await client.GetAsync($"/api/v1/people?unit={secretariat}");

        // Outside the scope is not found, like a unit that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal($"单位（编号 {secretariat}）不存在。", problem!.Detail);
    }

    [Fact]
    public async Task Unit_head_sees_only_own_units_people_in_the_unfiltered_list()
    {
        var client = await app.SignedInAsync("demo-head");

        var page = await client.GetJsonAsync<PagedResponse<PersonRow>>("/api/v1/people?pageSize=200");

        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, p => Assert.Equal("综合科", p.UnitName));
        Assert.Equal(page.Items.Count, page.Total);
    }

    [Fact]
    public async Task Unit_head_cannot_read_a_person_of_another_section_by_id()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var secretariat = await UnitIdAsync("秘书科");
        var others = await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={secretariat}");
        var head = await app.SignedInAsync("demo-head");

        var response = await head.GetAsync($"/api/v1/people/{others!.Items[0].Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unit_head_people_page_lists_no_one_from_another_section()
    {
        var client = await app.SignedInAsync("demo-head");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var secretariat = await UnitIdAsync("秘书科");
        var others = await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={secretariat}");

        var html = await client.GetStringAsync("/org/people");
        var refused = await client.GetAsync($"/org/people?unit={secretariat}");

        Assert.All(others!.Items, p => Assert.DoesNotContain(p.Name, html));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("不存在", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Member_sees_only_themself()
    {
        var client = await app.SignedInAsync("demo-member");

        var page = await client.GetJsonAsync<PagedResponse<PersonRow>>("/api/v1/people");

        Assert.Equal(1, page!.Total);
        Assert.Equal("demo-member", page.Items[0].UserName);
    }

    [Fact]
    public async Task Supervisor_sees_every_unit()
    {
        var client = await app.SignedInAsync("demo-supervisor");

        var units = await client.GetJsonAsync<List<UnitRow>>("/api/v1/units");

        Assert.Contains(units!, u => u.Name == "秘书科");
        Assert.Contains(units!, u => u.Name == "机关事务服务中心");
        Assert.True(units!.Count >= 10);
    }

    [Fact]
    public async Task A_unit_that_does_not_exist_is_a_Chinese_404()
    {
        var client = await app.SignedInAsync("demo-admin");

        var unit = await client.GetAsync("/api/v1/units/987654");
        var people = await client.GetAsync("/api/v1/people?unit=987654");
        var page = await client.GetAsync("/org/units/987654/edit");

        Assert.Equal(HttpStatusCode.NotFound, unit.StatusCode);
        Assert.Contains("不存在", (await unit.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.NotFound, people.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(WebSession.Text(html).Contains("单位（编号 987654）不存在", StringComparison.Ordinal), html);
    }

    [Theory]
    [InlineData("demo-admin", true)]
    [InlineData("demo-supervisor", true)]
    [InlineData("demo-leader", false)]
    [InlineData("demo-head", false)]
    [InlineData("demo-liaison", false)]
    [InlineData("demo-member", false)]
    public async Task The_menu_links_the_api_reference_for_admins_and_supervisors_only(string user, bool linked)
    {
        var client = await app.SignedInAsync(user);

        var menu = await client.GetStringAsync("/");

        Assert.Equal(linked, menu.Contains("href=\"/api/docs\"", StringComparison.Ordinal));
        Assert.Equal(linked, WebSession.Text(menu).Contains("接口文档", StringComparison.Ordinal));
    }

    private async Task<int> UnitIdAsync(string name) => (await (await app.SignedInAsync("demo-supervisor")).UnitAsync(name)).Id;
}

public sealed class SqliteScopeTests(SqliteAppFactory app) : ScopeTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresScopeTests(PostgresAppFactory app) : ScopeTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
