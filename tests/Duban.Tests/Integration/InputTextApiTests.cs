using Duban.Ledger;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>Invisible characters through the API: refused where they would pass for content, removed before storing.</summary>
public abstract class InputTextApiTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task A_problem_of_only_invisible_characters_gets_a_Chinese_400_and_writes_nothing()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var before = (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1")).Total;

        var response = await liaison.PostAsJsonAsync("/api/v1/items", NewItem((await liaison.UnitAsync("综合科")).Id, "\u202E\u200B"), WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("问题描述不能为空。", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(before, (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1")).Total);
    }

    [Fact]
    public async Task NUL_and_bidi_characters_are_removed_and_text_is_stored_composed()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var request = NewItem((await liaison.UnitAsync("综合科")).Id, "隐形字符：接待\u0000窗口\u202E态度生硬 Cafe\u0301") with
        {
            Goal = "\u200B服务规范\u2066",
            Measures = ["\u202E开展培训\u0000", "\u200B"],
        };

        var response = await liaison.PostAsJsonAsync("/api/v1/items", request, WebSession.Json);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.Id;
        var stored = await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{id}");
        Assert.Equal("隐形字符：接待窗口态度生硬 Café", stored.Problem);
        Assert.Equal("服务规范", stored.Goal);
        Assert.Equal(["开展培训"], stored.Measures);
    }

    private ItemRequest NewItem(int unitId, string problem) => new(null, unitId, [], ItemSource.SelfInspection,
        problem, null, ["开展服务礼仪培训"], null, null, app.Today, DeadlineKind.Immediate, null, null, null);
}

public sealed class SqliteInputTextApiTests(SqliteAppFactory app) : InputTextApiTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresInputTextApiTests(PostgresAppFactory app) : InputTextApiTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
