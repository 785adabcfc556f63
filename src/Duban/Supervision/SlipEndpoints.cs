using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Core.Supervision.Slips;

namespace Duban.Supervision;

/// <summary>A slip's item as issued: a snapshot of the ledger item on that day.</summary>
public sealed record SlipItemResponse(int ItemId, string Code, string Problem, DateOnly DueOn, int OverdueDays, SlipColour Colour);

/// <summary>A slip with its items, reply, state today and what the caller may do with it now.</summary>
public sealed record SlipResponse(int Id, string Number, int Year, int Sequence, int CampaignId, int UnitId, string UnitName,
    SlipColour Colour, string Demand, DateOnly ReplyDueOn, string IssuedBy, DateTime IssuedAt, SlipState State,
    DateTime? AcknowledgedAt, string? AcknowledgedBy, string? ReplyText, string? ReplyFileName, DateTime? RepliedAt, string? RepliedBy,
    IReadOnlyList<SlipItemResponse> Items, IReadOnlyList<SlipAction> AllowedActions, int Version)
{
    public static SlipResponse From(UrgeSlip s, SlipQueries queries, DubanDb db) => new(s.Id, queries.NumberOf(s), s.Year, s.Number,
        s.CampaignId, s.UnitId, s.UnitName, s.Colour, s.Demand, s.ReplyDueOn, s.IssuedByName, s.IssuedAt, s.StateOn(queries.Today),
        s.AcknowledgedAt, s.AcknowledgedByName, s.ReplyText, s.ReplyFileName, s.RepliedAt, s.RepliedByName,
        [.. s.Items.Select(i => new SlipItemResponse(i.ItemId, i.ItemCode, i.Problem, i.DueOn, i.OverdueDays, i.Colour))],
        [.. UrgeSlipWorkflow.Table.Allowed(s, db.Actor)], s.Version);
}

/// <summary>What a supervisor sends to issue a slip.</summary>
public sealed record SlipRequest(IReadOnlyList<int>? ItemIds, string? Demand, DateOnly? ReplyDueOn);

public sealed record ProposalResponse(DateOnly Today, IReadOnlyList<ProposalLine> Units);

/// <summary>The list's query string.</summary>
internal sealed record SlipListFilter(int? Unit, SlipColour? Colour, SlipState? State, int? Page, int? PageSize);

internal static class SlipEndpoints
{
    public const string PageBase = SupervisionModule.PageBase + "/slips";

    /// <summary>Where a slip's .docx downloads, for the pages' links.</summary>
    public static string DocumentPath(int id) => $"/api/v1/urge-slips/{id}/document.docx";

    public static void MapSlips(this IEndpointRouteBuilder api)
    {
        var slips = api.MapGroup("/urge-slips").WithTags("督办单");
        slips.MapGet("/", async ([AsParameters] SlipListFilter filter, SlipQueries queries, CancellationToken ct) =>
                PagedResponse.From(await queries.ListAsync(new SlipFilter(filter.Unit, filter.Colour, filter.State),
                    new PageRequest(filter.Page, filter.PageSize), ct)))
            .WithSummary("督办单列表：按单位、颜色（Blue 蓝/Yellow 黄/Red 红）、状态（ToAcknowledge 待签收/ToReply 待反馈/Replied 已反馈/Overdue 超期未反馈）筛选，新的在前，分页");
        slips.MapGet("/proposals", async (SlipQueries queries, DubanDb db, CancellationToken ct) =>
            {
                db.Actor.Require(Core.Supervision.SupervisionPermissions.Supervise);
                return new ProposalResponse(queries.Today, await queries.ProposalAsync(ct));
            })
            .WithSummary("今日建议督办：符合条件的事项按单位和颜色计数（限督查人员）");
        slips.MapPost("/", async (SlipRequest request, SlipService service, SlipQueries queries, DubanDb db, CancellationToken ct) =>
            {
                var slip = await service.IssueAsync(new SlipInput(request.ItemIds, request.Demand, request.ReplyDueOn), ct);
                return Results.Created($"/api/v1/urge-slips/{slip.Id}", SlipResponse.From(slip, queries, db));
            })
            .WithSummary("下督办单（限督查人员）：itemIds（同一单位的事项）、demand（督办要求）、replyDueOn（反馈期限）必填；编号按年连续");
        slips.MapGet("/{id:int}", async (int id, SlipQueries queries, DubanDb db, CancellationToken ct) =>
            SlipResponse.From(await queries.GetAsync(id, ct), queries, db)).WithSummary("督办单详情，含事项、签收和反馈情况及当前用户可执行的操作");
        slips.MapGet("/{id:int}/reply-file", async (int id, SlipService service, HttpContext context, CancellationToken ct) =>
        {
            var download = await service.OpenReplyFileAsync(id, ct);
            return Downloads.Attachment(context, download.Content, download.ContentType, download.FileName);
        }).WithSummary("下载反馈附件（记入审计日志；一律作为附件下载）");
        slips.MapGet("/{id:int}/document.docx", async (int id, SlipService service, HttpContext context, CancellationToken ct) =>
        {
            var download = await service.DocumentAsync(id, ct);
            return Downloads.Attachment(context, download.Content, download.ContentType, download.FileName);
        }).WithSummary("下载督办单 Word 文件（按 GB/T 9704-2012 公文格式排版；记入审计日志）")
            .Produces(StatusCodes.Status200OK, contentType: ContentTypes.Docx);
        slips.MapActions(UrgeSlipWorkflow.Table.Forms, RunAsync);
    }

    /// <summary>One action of the slip's table, for the API and the page forms alike; answers the slip as the actor now sees it.</summary>
    public static async Task<object> RunAsync(HttpContext context, int id, SlipAction action, ActionInput input, CancellationToken ct)
    {
        var services = context.RequestServices;
        var slip = await services.GetRequiredService<SlipService>().ActAsync(id, action, input, ct);
        return SlipResponse.From(slip, services.GetRequiredService<SlipQueries>(), services.GetRequiredService<DubanDb>());
    }
}
