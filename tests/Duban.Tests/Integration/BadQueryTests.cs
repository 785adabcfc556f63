using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>Values in the address or a form that cannot be read are the client's mistake: a Chinese 400, never a 500.</summary>
public abstract class BadQueryTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Theory]
    [InlineData("/ledger?unit=abc")]
    [InlineData("/ledger?page=abc")]
    [InlineData("/ledger?person=abc")]
    [InlineData("/ledger?category=abc")]
    [InlineData("/ledger?campaign=abc")]
    [InlineData("/ledger?unit=99999999999")]
    [InlineData("/ledger?light=Red&page=1.5")]
    [InlineData("/ledger/mine?page=abc")]
    [InlineData("/audit?page=abc")]
    [InlineData("/org/people?unit=abc")]
    [InlineData("/org/people?page=%E7%AC%AC%E4%BA%8C%E9%A1%B5")]
    [InlineData("/ledger/import/0f8fad5b-d9cb-469f-a165-70867728950e?page=abc")]
    public async Task An_unreadable_query_value_on_a_page_is_a_Chinese_400(string url)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var response = await supervisor.GetAsync(url);

        var text = WebSession.Text(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求有误", text);
        Assert.Contains("值无法识别", text);
    }

    [Fact]
    public async Task The_400_page_does_not_repeat_the_unreadable_text()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var response = await supervisor.GetAsync("/ledger?page=" + Uri.EscapeDataString("请立即拨打010-12345678"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("拨打", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/ledger?unit=&person=&page=")]
    [InlineData("/ledger?page=2")]
    [InlineData("/org/people?unit=")]
    public async Task Empty_and_readable_values_still_show_the_page(string url)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var response = await supervisor.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/items?light=-5", "light")]
    [InlineData("/api/v1/items?state=99", "state")]
    [InlineData("/api/v1/items?source=70", "source")]
    [InlineData("/api/v1/items?sort=12", "sort")]
    [InlineData("/api/v1/items/lights?state=99", "state")]
    [InlineData("/api/v1/catalog?set=77", "set")]
    public async Task An_undefined_enum_value_in_an_api_filter_is_a_400_problem(string url, string parameter)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var response = await supervisor.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Contains($"参数 {parameter} 的取值", problem.Detail);
    }

    [Theory]
    [InlineData("/api/v1/items?page=abc")]
    [InlineData("/api/v1/items?unit=99999999999")]
    [InlineData("/api/v1/my-work?page=abc")]
    [InlineData("/api/v1/people?unit=abc")]
    [InlineData("/api/v1/audit?from=abc")]
    public async Task An_unreadable_value_in_an_api_filter_is_a_400_problem(string url)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var response = await supervisor.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("格式不正确", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task A_number_for_an_enum_in_an_api_body_is_refused()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var root = (await admin.GetJsonAsync<List<UnitRow>>("/api/v1/units")).First(u => u.ParentId is null).Id;

        var number = await admin.PostAsJsonAsync("/api/v1/units", new { name = "类型为数字的单位", kind = 99, parentId = root, sortOrder = 1 });
        var text = await admin.PostAsJsonAsync("/api/v1/units", new { name = "类型为数字的单位", kind = "99", parentId = root, sortOrder = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, number.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.DoesNotContain(await admin.GetJsonAsync<List<UnitRow>>("/api/v1/units"), u => u.Name == "类型为数字的单位");
    }

    [Fact]
    public async Task An_unreadable_value_in_an_action_form_comes_back_as_a_Chinese_notice_not_a_500()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted")).Items[0];
        var page = await supervisor.GetStringAsync($"/ledger/{item.Id}");

        var response = await supervisor.PostAsync($"/ledger/{item.Id}/act/urge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(page),
            ["Version"] = "abc",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("版本号应为编号（数字）", await supervisor.RedirectedPageTextAsync(response));
    }
}

public sealed class SqliteBadQueryTests(SqliteAppFactory app) : BadQueryTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresBadQueryTests(PostgresAppFactory app) : BadQueryTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
