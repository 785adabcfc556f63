using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Campaigns;
using Duban.Core.Common;

namespace Duban.Campaigns;

public sealed record CampaignResponse(int Id, string Code, string Name, int Year, string ItemPrefix, DateOnly StartsOn, DateOnly EndsOn,
    bool Closed, DateTime? ClosedAt)
{
    public static CampaignResponse From(Campaign c) => new(c.Id, c.Code, c.Name, c.Year, c.ItemPrefix, c.StartsOn, c.EndsOn, c.IsClosed, c.ClosedAt);
}

/// <summary>A campaign's fields; on PATCH only those given change (the code never does).</summary>
public sealed record CampaignRequest(string? Code, string? Name, int? Year, string? ItemPrefix, DateOnly? StartsOn, DateOnly? EndsOn)
{
    public CampaignInput ToInput() => new(Code, Name, Year, ItemPrefix, StartsOn, EndsOn);
}

internal static class CampaignEndpoints
{
    public static void MapCampaigns(this IEndpointRouteBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("活动");
        campaigns.MapGet("/", async (int? page, int? pageSize, CampaignService service, CancellationToken ct) =>
            PagedResponse.From(await service.ListAsync(new PageRequest(page, pageSize), ct), CampaignResponse.From))
            .WithSummary("活动（作风建设年）列表，新的在前，分页");
        campaigns.MapGet("/{id:int}", async (int id, CampaignService service, CancellationToken ct) =>
            CampaignResponse.From(await service.GetAsync(id, ct))).WithSummary("活动详情");
        campaigns.MapPost("/", async (CampaignRequest request, CampaignService service, CancellationToken ct) =>
            {
                var campaign = await service.CreateAsync(request.ToInput(), ct);
                return Results.Created($"/api/v1/campaigns/{campaign.Id}", CampaignResponse.From(campaign));
            })
            .WithSummary("新建活动：code（如 ZFJS-2027）、name、year 必填；itemPrefix（事项编号前缀，默认 ZG）、startsOn、endsOn 可选");
        campaigns.MapPatch("/{id:int}", async (int id, CampaignRequest request, CampaignService service, CancellationToken ct) =>
            CampaignResponse.From(await service.EditAsync(id, request.ToInput(), ct))).WithSummary("修改活动（已结束的活动不能修改）");
        campaigns.MapActions(CampaignWorkflow.Table.Forms, RunAsync);
    }

    /// <summary>One action of the campaign's table, for the API and the page alike.</summary>
    public static async Task<object> RunAsync(HttpContext context, int id, CampaignAction action, Core.Common.Workflow.ActionInput input,
        CancellationToken ct)
    {
        var service = context.RequestServices.GetRequiredService<CampaignService>();
        return CampaignResponse.From(action switch
        {
            CampaignAction.Close => await service.CloseAsync(id, ct),
            CampaignAction.Edit => throw new InvalidOperationException("Editing goes through PATCH with the campaign's fields."),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        });
    }
}
