using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>Refusals found in review: a liaison cannot move a promised deadline, nor name people outside the scope.</summary>
public abstract class LedgerGuardTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task A_liaison_cannot_move_the_deadline_of_an_assigned_item_but_a_supervisor_can()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = (await liaison.GetJsonAsync<PagedResponse<ItemRow>>("/api/v1/my-work?pageSize=200")).Items
            .First(i => i.DeadlineKind == DeadlineKind.Date);

        var moved = await liaison.PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { dueOn = item.DueOn.AddDays(90) });
        var bySupervisor = await (await app.SignedInAsync("demo-supervisor")).PatchAsJsonAsync($"/api/v1/items/{item.Id}", new { dueOn = item.DueOn.AddDays(90) });

        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Contains("延期申请", (await moved.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        var history = (await bySupervisor.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.History[^1];
        Assert.Equal((item.DueOn, item.DueOn.AddDays(90)), (history.OldDueOn!.Value, history.NewDueOn!.Value));
    }

    [Fact]
    public async Task A_liaison_cannot_name_a_person_outside_the_scope()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var units = await supervisor.GetJsonAsync<List<UnitRow>>("/api/v1/units");
        var stranger = (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={units.Single(u => u.Name == "秘书科").Id}")).Items[0];
        var liaison = await app.SignedInAsync("demo-liaison");

        var response = await liaison.PostAsJsonAsync("/api/v1/items", new ItemRequest(null, units.Single(u => u.Name == "综合科").Id, [], ItemSource.SelfInspection,
            "会议纪要不规范", null, ["统一模板"], stranger.Id, null, app.Today, DeadlineKind.Immediate, null, null, null), WebSession.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不在您的数据范围内", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Theory]
    [InlineData("/api/v1/audit?to=9999-12-31")]
    [InlineData("/api/v1/audit?from=0001-01-01")]
    public async Task Absurd_audit_dates_get_a_Chinese_400(string url)
    {
        var response = await (await app.SignedInAsync("demo-admin")).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000 年至 2100 年", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task A_huge_page_number_is_an_empty_page_not_an_error()
    {
        var page = await (await app.SignedInAsync("demo-supervisor")).GetJsonAsync<ItemListResponse>("/api/v1/items?page=2147483647&state=Draft");

        Assert.Empty(page.Items);
    }
}

public sealed class SqliteLedgerGuardTests(SqliteAppFactory app) : LedgerGuardTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresLedgerGuardTests(PostgresAppFactory app) : LedgerGuardTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
