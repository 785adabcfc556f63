using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Duban.Ledger;

/// <summary>
/// Fields of an item; on PATCH only the fields given change. A new item's campaign is named by id (campaignId) or
/// code (campaign); without either it goes to the open campaign of the latest year.
/// </summary>
public sealed record ItemRequest(
    int? CampaignId, int? UnitId, IReadOnlyList<int>? CategoryIds, ItemSource? Source, string? Problem, string? Goal,
    IReadOnlyList<string>? Measures, int? LeaderPersonId, int? ResponsiblePersonId, DateOnly? FoundOn,
    DeadlineKind? DeadlineKind, DateOnly? DueOn, ReportingPeriod? ReportingPeriod, int? Version, string? Campaign = null)
{
    public ItemDetails Over(ItemDetails current) => new(
        CategoryIds ?? current.CategoryIds, Source ?? current.Source, Problem ?? current.Problem, Goal ?? current.Goal,
        Measures ?? current.Measures, LeaderPersonId ?? current.LeaderPersonId,
        ResponsiblePersonId ?? current.ResponsiblePersonId, FoundOn ?? current.FoundOn,
        DeadlineKind ?? current.DeadlineKind, DueOn ?? current.DueOn, ReportingPeriod ?? current.ReportingPeriod);
}

public sealed record LightsResponse(LightCounts Total, IReadOnlyList<UnitLights> Units);

public sealed record ItemListResponse(IReadOnlyList<ItemRow> Items, int Total, int Page, int PageSize, LightCounts? Lights);

internal static class LedgerEndpoints
{
    public static void MapLedger(this IEndpointRouteBuilder api)
    {
        var items = api.MapGroup("/items").WithTags("整改台账");
        items.MapGet("/", async ([AsParameters] ItemFilter filter, LedgerQueries queries, CancellationToken ct) =>
        {
            var query = filter.ToQuery();
            var page = await queries.SearchAsync(query, new PageRequest(filter.Page, filter.PageSize), ct);
            var lights = filter.Counts == true ? await queries.CountLightsAsync(query, ct) : null;
            return new ItemListResponse(page.Items, page.Total, page.PageNumber, page.PageSize, lights);
        }).WithSummary("整改事项列表：按活动、单位（含下级）、类别、来源、状态、亮灯、责任人、文字和销号日期（closedFrom/closedTo）筛选，分页；counts=true 时附各色灯数量");
        items.MapGet("/lights", async ([AsParameters] ItemFilter filter, LedgerQueries queries, CancellationToken ct) =>
        {
            var units = await queries.CountLightsByUnitAsync(filter.ToQuery(), ct);
            return new LightsResponse(new LightCounts(units.Sum(u => u.Red), units.Sum(u => u.Yellow), units.Sum(u => u.Green),
                units.Sum(u => u.Closed)), units);
        }).WithSummary("各单位红黄绿灯和已销号数量（同列表筛选条件）");
        items.MapGet("/{id:int}", (int id, LedgerService ledger, LedgerQueries queries, DubanDb db, CancellationToken ct) =>
            ViewAsync(id, ledger, queries, db, ct)).WithSummary("整改事项详情，含全部历史和当前用户可执行的操作");
        items.MapPost("/", async (ItemRequest request, LedgerService ledger, LedgerQueries queries, DubanDb db) =>
        {
            var details = request.Over(new ItemDetails([], ItemSource.SelfInspection, null, null, [], null, null,
                queries.Today, Core.Ledger.DeadlineKind.Date, null, null));
            var item = await ledger.RegisterAsync(new RegisterInput(request.CampaignId,
                request.UnitId ?? throw LedgerErrors.UnitRequired(), details, request.Campaign));
            return Results.Created($"/api/v1/items/{item.Id}", await db.ViewAsync(item, queries.Today, queries.YellowDays));
        }).WithSummary("登记整改事项（草稿）");
        items.MapPatch("/{id:int}", async (int id, ItemRequest request, LedgerService ledger, LedgerQueries queries, DubanDb db) =>
        {
            var current = await ledger.GetAsync(id);
            await ledger.EditAsync(id, request.Version, request.Over(ItemViews.DetailsOf(current)));
            return await ViewAsync(id, ledger, queries, db, default);
        }).WithSummary("修改整改事项；带 version 时，若事项已被他人修改则返回 409");

        items.MapActions(LedgerWorkflow.Table.Forms, RunAsync);
        items.MapGet("/{id:int}/evidence/{fileId:int}", async (int id, int fileId, LedgerService ledger, HttpContext context) =>
        {
            var download = await ledger.OpenEvidenceAsync(id, fileId);
            return Downloads.Attachment(context, download.Content, download.ContentType, download.FileName);
        }).WithSummary("下载佐证材料（记入审计日志；一律作为附件下载）");

        api.MapGet("/my-work", async (int? page, int? pageSize, LedgerQueries queries, CancellationToken ct) =>
                PagedResponse.From(await queries.MyWorkAsync(new PageRequest(page, pageSize), ct)))
            .WithTags("整改台账").WithSummary("等待当前用户处理的整改事项");
    }

    /// <summary>One workflow action, for the API and the page forms alike; answers the item as the actor now sees it.</summary>
    public static async Task<object> RunAsync(HttpContext context, int id, ItemAction action, ActionInput input, CancellationToken ct)
    {
        var services = context.RequestServices;
        var item = await services.GetRequiredService<LedgerService>().ActAsync(id, action, input, ct);
        var queries = services.GetRequiredService<LedgerQueries>();
        return await services.GetRequiredService<DubanDb>().ViewAsync(item, queries.Today, queries.YellowDays, ct);
    }

    private static async Task<ItemView> ViewAsync(int id, LedgerService ledger, LedgerQueries queries, DubanDb db, CancellationToken ct) =>
        await db.ViewAsync(await ledger.GetAsync(id, ct), queries.Today, queries.YellowDays, ct);
}

/// <summary>The list's query string: the same filters as the ledger page.</summary>
internal sealed record ItemFilter(int? Campaign, int? Unit, int? Category, ItemSource? Source, ItemState? State,
    Light? Light, int? Person, string? Q, LedgerSort? Sort, int? Page, int? PageSize, bool? Counts,
    DateOnly? FoundFrom, DateOnly? FoundTo, DateTimeOffset? AsOf, CutStanding? Standing, bool? UnitOnly,
    DateOnly? ClosedFrom, DateOnly? ClosedTo)
{
    public LedgerQuery ToQuery() => new(Campaign, Unit, Category, Source, State, Light, Person, Q, Sort ?? LedgerSort.Newest,
        FoundFrom, FoundTo, AsOf?.UtcDateTime, Standing is { } standing && !Enum.IsDefined(standing) ? throw LedgerErrors.BadStanding() : Standing,
        UnitOnly ?? false, ClosedFrom, ClosedTo);
}
