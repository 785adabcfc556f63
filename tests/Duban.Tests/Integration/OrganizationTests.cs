using System.Net;
using System.Net.Http.Json;
using System.Text;
using Duban.Api;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

public abstract class OrganizationTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Admin_creates_a_unit_under_the_office_and_it_lands_in_the_tree()
    {
        var client = await app.SignedInAsync("demo-admin");
        var office = await UnitAsync(client, "区政府办公室");

        var response = await client.PostAsJsonAsync("/api/v1/units",
            new { name = "法制科", kind = "Section", parentId = office.Id, sortOrder = 20 }, WebSession.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<UnitResponse>(WebSession.Json))!;
        Assert.Equal($"{office.Path}{created.Id}/", created.Path);
        var tree = await client.GetJsonAsync<List<UnitRow>>("/api/v1/units");
        Assert.Contains(tree, u => u.Name == "法制科" && u.ParentId == office.Id);
    }

    [Fact]
    public async Task Overlong_unit_name_is_refused_with_a_Chinese_problem_and_nothing_written()
    {
        var client = await app.SignedInAsync("demo-admin");
        var office = await UnitAsync(client, "区政府办公室");
        var name = new string('科', 51);

        var response = await client.PostAsJsonAsync("/api/v1/units", new { name, kind = "Section", parentId = office.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("单位名称不能超过 50 个字符", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.DoesNotContain(await client.GetJsonAsync<List<UnitRow>>("/api/v1/units"), u => u.Name == name);
    }

    [Fact]
    public async Task Empty_unit_name_is_refused()
    {
        var client = await app.SignedInAsync("demo-admin");
        var office = await UnitAsync(client, "区政府办公室");

        var response = await client.PostAsJsonAsync("/api/v1/units", new { name = "  ", kind = "Section", parentId = office.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("单位名称不能为空", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"name\": 5, \"kind\": \"Section\"}")]
    [InlineData("{\"name\": \"x\", \"kind\": \"NoSuchKind\"}")]
    public async Task Malformed_json_gets_a_Chinese_400_problem(string body)
    {
        var client = await app.SignedInAsync("demo-admin");

        var response = await client.PostAsync("/api/v1/units", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("请求格式不正确", problem!.Title);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_unit_cannot_move_below_itself()
    {
        var client = await app.SignedInAsync("demo-admin");
        var office = await UnitAsync(client, "区政府办公室");
        var section = await UnitAsync(client, "信息科");

        var response = await client.PutAsJsonAsync($"/api/v1/units/{office.Id}",
            new { name = office.Name, kind = "Office", parentId = section.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能把单位移动到它自己或它的下级单位之下", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Moving_a_unit_moves_its_subtree_and_the_head_keeps_seeing_it()
    {
        var client = await app.SignedInAsync("demo-admin");
        var general = await UnitAsync(client, "综合科");
        var created = await (await client.PostAsJsonAsync("/api/v1/units",
            new { name = "档案室", kind = "Subordinate", parentId = (await UnitAsync(client, "文电科")).Id }, WebSession.Json))
            .Content.ReadFromJsonAsync<UnitResponse>(WebSession.Json);

        var moved = await client.PutAsJsonAsync($"/api/v1/units/{created!.Id}",
            new { name = "档案室", kind = "Subordinate", parentId = general.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var head = await app.SignedInAsync("demo-head");
        Assert.Contains(await head.GetJsonAsync<List<UnitRow>>("/api/v1/units"), u => u.Name == "档案室");
    }

    [Fact]
    public async Task Head_and_liaison_must_belong_to_the_unit()
    {
        var client = await app.SignedInAsync("demo-admin");
        var general = await UnitAsync(client, "综合科");
        var stranger = (await client.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={(await UnitAsync(client, "秘书科")).Id}")).Items[0];

        var response = await client.PutAsJsonAsync($"/api/v1/units/{general.Id}",
            new { name = general.Name, kind = "Section", parentId = general.ParentId, headPersonId = stranger.Id }, WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("主要负责人必须是本单位人员", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Admin_adds_a_person_through_the_page_and_finds_them_by_search()
    {
        var client = await app.SignedInAsync("demo-admin");
        var unit = await UnitAsync(client, "信息科");

        var saved = await client.SubmitFormAsync("/org/people/new", "person", new()
        {
            ["Input.Name"] = "欧阳新民", ["Input.UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Position"] = "科员", ["Input.IsPartyMember"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetStringAsync("/org/people?q=欧阳");
        Assert.Contains("欧阳新民", page);
        Assert.Contains("共 1 条", page);
    }

    [Fact]
    public async Task Person_form_with_empty_and_overlong_fields_shows_Chinese_messages()
    {
        var client = await app.SignedInAsync("demo-admin");

        var empty = await client.SubmitFormAsync("/org/people/new", "person", new() { ["Input.Name"] = "" });
        var overlong = await client.SubmitFormAsync("/org/people/new", "person",
            new() { ["Input.Name"] = new string('张', 40), ["Input.UnitId"] = "1" });

        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请输入姓名。", emptyHtml);
        Assert.Contains("请选择所在单位。", emptyHtml);
        Assert.Contains("姓名不能超过 30 个字符。", await overlong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task People_list_pages_on_the_server()
    {
        var client = await app.SignedInAsync("demo-supervisor");

        var first = await client.GetJsonAsync<PagedResponse<PersonRow>>("/api/v1/people?page=1&pageSize=10");
        var second = await client.GetJsonAsync<PagedResponse<PersonRow>>("/api/v1/people?page=2&pageSize=10");
        var huge = await client.GetJsonAsync<PagedResponse<PersonRow>>("/api/v1/people?pageSize=100000");

        Assert.Equal(10, first.Items.Count);
        Assert.True(first.Total >= 38);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(second.Items.Select(p => p.Id)));
        Assert.Equal(200, huge.PageSize);
    }

    [Fact]
    public async Task Units_page_shows_the_tree_with_heads_and_liaisons()
    {
        var client = await app.SignedInAsync("demo-leader");

        var html = WebSession.Text(await client.GetStringAsync("/org/units"));

        Assert.Contains("区政府办公室", html);
        Assert.Contains("调研督查室", html);
        Assert.Contains("区政府办公室机关党支部", html);
        Assert.DoesNotContain("新建单位", html);
    }

    private static Task<UnitRow> UnitAsync(HttpClient client, string name) => client.UnitAsync(name);
}

public sealed class SqliteOrganizationTests(SqliteAppFactory app) : OrganizationTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresOrganizationTests(PostgresAppFactory app) : OrganizationTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
