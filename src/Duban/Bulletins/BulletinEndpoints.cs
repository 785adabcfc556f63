using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Bulletins;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;

namespace Duban.Bulletins;

/// <summary>A bulletin as the API answers it: its text by sections, the table, the numbers with their lists, and what the caller may do.</summary>
public sealed record BulletinResponse(int Id, string? Number, BulletinState State, string Title, IReadOnlyList<BulletinSection> Sections,
    BulletinTable Table, string? Sha256, string? ContentSha256, IReadOnlyList<BulletinFigure> Figures, IReadOnlyList<BulletinUnit> Units,
    int CampaignId, DateOnly PeriodFrom, DateOnly PeriodTo, int? UnitId, string ScopeName, DateTime CutOff, string Signature, DateOnly Date,
    DateOnly FeedbackDueOn, string DraftedBy, string? ApprovedBy, string? ReturnReason, DateTime? PublishedAt, string? PdfError,
    int? CorrectsId, string? CorrectsNumber, DateTime? WithdrawnAt, string? WithdrawReason, IReadOnlyList<BulletinAction> AllowedActions, int Version)
{
    public static BulletinResponse From(Bulletin b, DubanDb db) => new(b.Id, b.NumberText, b.State, b.Title, BulletinText.Sections(b.Body),
        b.Table, b.DocxSha256, b.ContentSha256, b.Figures, b.Units, b.CampaignId, b.FromDate, b.ToDate, b.ScopeUnitId, b.ScopeName, b.CutOff,
        b.Signature, b.DocumentDate, b.FeedbackDueOn, b.DraftedBy, b.ApprovedBy, b.ReturnReason, b.PublishedAt, b.PdfError, b.CorrectsId,
        b.CorrectsNumber, b.WithdrawnAt, b.WithdrawReason, [.. BulletinWorkflow.Table.Allowed(b, db.Actor)], b.Version);
}

/// <summary>POST /bulletins: a draft from the data.</summary>
public sealed record BulletinDraftRequest(int? Campaign, DateOnly? From, DateOnly? To, int? Unit, string? Cutoff)
{
    /// <summary>The cut-off as sent: with an offset as it says, without one in China time (2026-11-30T18:00).</summary>
    public DateTimeOffset? CutOffTime => Cutoff switch
    {
        null or "" => null,
        var text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9) => at,
        var text when DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local) =>
            new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Core.Common.ChinaTime.Offset),
        _ => throw BulletinErrors.BadCutOff(),
    };
}

/// <summary>PATCH /bulletins/{id}: what changes; sections replace the whole body (headings numbered as in 一、 / （一） / 1. / （1））.</summary>
public sealed record BulletinPatch(string? Title, IReadOnlyList<BulletinSection>? Sections, IReadOnlyList<int>? MainUnitIds,
    IReadOnlyList<int>? CopyUnitIds, string? Signature, DateOnly? Date, DateOnly? FeedbackDueOn, int? Version);

/// <summary>POST /bulletins/{id}/acknowledge|feedback: which of the caller's units (default: the caller's own).</summary>
public sealed record ReceiptRequest(int? UnitId, string? Text, int? Version);

internal sealed record BulletinListFilter(BulletinState? State, DateOnly? From, DateOnly? To, string? Number, int? Page, int? PageSize);

internal static class BulletinEndpoints
{
    public const string PageBase = "/bulletins";

    public static void MapBulletins(this IEndpointRouteBuilder api)
    {
        var bulletins = api.MapGroup("/bulletins").WithTags("情况通报");
        bulletins.MapGet("/", async ([AsParameters] BulletinListFilter filter, BulletinQueries queries, CancellationToken ct) =>
                PagedResponse.From(await queries.ListAsync(new BulletinFilter(filter.State, filter.From, filter.To, filter.Number),
                    new PageRequest(filter.Page, filter.PageSize), ct)))
            .WithSummary("情况通报列表：按状态（Draft 草稿/Submitted 待审批/Returned 已退回/Approved 已审批/Published 已发布/Withdrawn 已撤回）、期间、文号筛选，分页；单位只看到发给本单位的已发布通报（unread：未签收）");
        bulletins.MapPost("/", async (BulletinDraftRequest request, BulletinService service, DubanDb db, CancellationToken ct) =>
            {
                var bulletin = await service.DraftAsync(new BulletinRequest(request.Campaign, request.From, request.To, request.Unit, request.CutOffTime), ct);
                return Results.Created($"/api/v1/bulletins/{bulletin.Id}", BulletinResponse.From(bulletin, db));
            })
            .WithSummary("按数据起草通报（限督查人员）：campaign 必填；from、to（统计期间，按发现日期）默认活动开始至今天；unit（本单位及下级，不填为全部）；cutoff（数据截止时间，默认现在）");
        bulletins.MapGet("/{id:int}", async (int id, BulletinService service, DubanDb db, CancellationToken ct) =>
            BulletinResponse.From(await service.GetAsync(id, ct), db)).WithSummary("通报详情：正文（按一级标题分节）、附件表、数据来源、发布后的 SHA-256");
        bulletins.MapPatch("/{id:int}", async (int id, BulletinPatch patch, BulletinService service, DubanDb db, CancellationToken ct) =>
            BulletinResponse.From(await service.EditAsync(id, ToEdit(patch), patch.Version, ct), db))
            .WithSummary("修改草稿（限督查人员，草稿或已退回时）：title、sections（[{heading, paragraphs}]）、mainUnitIds、copyUnitIds、signature、date、feedbackDueOn、version");
        bulletins.MapGet("/{id:int}/recipients", async (int id, BulletinService service, BulletinQueries queries, CancellationToken ct) =>
            {
                await service.GetAsync(id, ct);
                return await queries.RecipientsAsync(id, ct);
            })
            .WithSummary("分发和签收情况：各单位签收时间、整改反馈（单位只看到本单位的）");
        bulletins.MapPost("/{id:int}/correct", async (int id, BulletinService service, DubanDb db, CancellationToken ct) =>
            {
                var bulletin = await service.CorrectAsync(id, ct);
                return Results.Created($"/api/v1/bulletins/{bulletin.Id}", BulletinResponse.From(bulletin, db));
            })
            .WithSummary("更正：以已发布的通报为底稿起草更正通报（新的草稿，注明所更正的文号）");
        bulletins.MapPost("/{id:int}/acknowledge", (int id, ReceiptRequest request, HttpContext context, CancellationToken ct) =>
                ReceiveAsync(context, id, RecipientAction.Acknowledge, request, ct))
            .WithSummary("签收（单位负责人或联络员）：unitId 不填为本人所在单位");
        bulletins.MapPost("/{id:int}/feedback", (int id, ReceiptRequest request, HttpContext context, CancellationToken ct) =>
                ReceiveAsync(context, id, RecipientAction.Feedback, request, ct))
            .WithSummary("报送整改反馈（被通报批评的单位，签收后）：text 必填，unitId 不填为本人所在单位");
        bulletins.MapGet("/{id:int}/document.docx", async (int id, BulletinService service, HttpContext context, CancellationToken ct) =>
        {
            var file = await service.DocxAsync(id, ct);
            return Downloads.Attachment(context, file.Content, file.ContentType, file.FileName);
        }).WithSummary("Word 文件（GB/T 9704 公文格式）：已发布的为发布时固定的文件，草稿为当前内容");
        bulletins.MapGet("/{id:int}/document.pdf", async (int id, BulletinService service, HttpContext context, CancellationToken ct) =>
        {
            var file = await service.PdfAsync(id, ct);
            return Downloads.Attachment(context, file.Content, file.ContentType, file.FileName);
        }).WithSummary("PDF 文件（已发布的通报；需要服务器安装 LibreOffice）");
        bulletins.MapActions(BulletinWorkflow.Table.Forms, RunAsync);
        api.MapGroup("/bulletin-recipients").WithTags("情况通报").MapActions(BulletinWorkflow.Recipients.Forms, ReceiveAsync);
    }

    public static BulletinEdit ToEdit(BulletinPatch patch) => new(patch.Title,
        patch.Sections is { } sections ? [.. Paragraphs(sections)] : null,
        patch.MainUnitIds?.Select(id => new BulletinUnit(id, string.Empty, RecipientRole.Main)).ToList(),
        patch.CopyUnitIds?.Select(id => new BulletinUnit(id, string.Empty, RecipientRole.Copy)).ToList(),
        patch.Signature, patch.Date, patch.FeedbackDueOn);

    /// <summary>Sections back into paragraphs; the part of each is read from its heading's words (基本情况, 较好, 问题, 要求).</summary>
    private static IEnumerable<BulletinParagraph> Paragraphs(IReadOnlyList<BulletinSection> sections)
    {
        foreach (var section in sections.Where(s => s is not null))
        {
            var part = section.Heading switch
            {
                null => BulletinPart.Lead,
                var h when h.Contains("要求", StringComparison.Ordinal) => BulletinPart.Requirements,
                var h when h.Contains("较好", StringComparison.Ordinal) || h.Contains("表扬", StringComparison.Ordinal) => BulletinPart.Praise,
                var h when h.Contains("问题", StringComparison.Ordinal) => BulletinPart.Problems,
                _ => BulletinPart.Basics,
            };
            if (section.Heading is { } heading)
            {
                yield return new BulletinParagraph(heading, part);
            }
            foreach (var text in (section.Paragraphs ?? []).Where(t => t is not null))
            {
                yield return new BulletinParagraph(text, part);
            }
        }
    }

    public static async Task<object> RunAsync(HttpContext context, int id, BulletinAction action, ActionInput input, CancellationToken ct)
    {
        var services = context.RequestServices;
        var bulletin = await services.GetRequiredService<BulletinService>().ActAsync(id, action, input, ct);
        return BulletinResponse.From(bulletin, services.GetRequiredService<DubanDb>());
    }

    public static async Task<object> ReceiveAsync(HttpContext context, int recipientId, RecipientAction action, ActionInput input, CancellationToken ct) =>
        await context.RequestServices.GetRequiredService<BulletinService>().ActOnRecipientAsync(recipientId, action, input, ct) switch
        {
            var r => new RecipientRow(r.Id, r.UnitId, r.UnitName, r.Role, r.AcknowledgedAt, r.AcknowledgedBy, r.FeedbackDueOn, r.FeedbackText,
                r.FeedbackAt, r.FeedbackBy, r.ItemCode, r.Withdrawn, r.Version),
        };

    private static async Task<IResult> ReceiveAsync(HttpContext context, int bulletinId, RecipientAction action, ReceiptRequest request, CancellationToken ct)
    {
        var services = context.RequestServices;
        var recipientId = await services.GetRequiredService<BulletinService>().RecipientOfAsync(bulletinId, request.UnitId, ct);
        var input = new ActionInput([new(BulletinWorkflow.Field.Text, request.Text),
            new("version", request.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return Results.Ok(await ReceiveAsync(context, recipientId, action, input, ct));
    }
}
