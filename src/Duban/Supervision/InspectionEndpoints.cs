using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Supervision.Inspections;

namespace Duban.Supervision;

/// <summary>A new inspection: kind is announced, covert, thematic (or 明查/暗访/专项督查); the campaign by its code, the open one when left out.</summary>
public sealed record InspectionRequest(string? Campaign, string? Kind, string? Title, IReadOnlyList<int>? UnitIds, IReadOnlyList<int>? InspectorIds,
    DateOnly? PlannedOn, IReadOnlyList<string?>? CheckList, int? DrawId)
{
    public InspectionInput ToInput() => new(Campaign, Kind is null ? null : InspectionTerms.FindKind(Kind) ?? throw InspectionErrors.KindRequired(),
        Title, UnitIds ?? [], InspectorIds ?? [], PlannedOn, CheckList ?? [], DrawId);
}

public sealed record InspectionSummary(int Id, string Code, string Kind, string KindName, string Title, DateOnly PlannedOn, InspectionState State,
    string StateName, IReadOnlyList<string> Units, int Findings, int Items)
{
    public static InspectionSummary From(InspectionRow r) =>
        new(r.Id, r.Code, InspectionTerms.ApiName(r.Kind), r.KindName, r.Title, r.PlannedOn, r.State, r.StateName, r.Units, r.Findings, r.Items);
}

public sealed record FindingResponse(int Id, int UnitId, string UnitName, string Problem, IReadOnlyList<int> CategoryIds, FindingSeverity Severity,
    DateOnly? DueOn, string? Answer, IReadOnlyList<FindingFileView> Files, int? ItemId, string? ItemCode, string? ItemState, string? Light);

public sealed record InspectionResponse(int Id, string Code, string Kind, string KindName, string Title, DateOnly PlannedOn, InspectionState State,
    string StateName, IReadOnlyList<TargetView> Units, IReadOnlyList<InspectorView> Inspectors, IReadOnlyList<string> CheckList,
    IReadOnlyList<FindingResponse> Findings, IReadOnlyList<int> ItemIds, int? DrawId, DateTime? PublishedAt)
{
    public static InspectionResponse From(InspectionView v) => new(v.Id, v.Code, InspectionTerms.ApiName(v.Kind), v.KindName, v.Title, v.PlannedOn,
        v.State, v.StateName, v.Units, v.Inspectors, v.CheckList,
        [.. v.Findings.Select(f => new FindingResponse(f.Id, f.UnitId, f.UnitName, f.Problem, f.CategoryIds, f.Severity, f.DueOn, f.Answer, f.Files,
            f.ItemId, f.ItemCode, f.ItemState?.ToString(), f.Light?.ToString()))],
        [.. v.Findings.Where(f => f.ItemId is not null).Select(f => f.ItemId!.Value)], v.DrawId, v.PublishedAt);
}

internal static class InspectionEndpoints
{
    public static void MapInspections(this RouteGroupBuilder api)
    {
        var inspections = api.MapGroup("/inspections").WithTags("督查");
        inspections.MapGet("/", async (string? kind, InspectionState? state, int? unitId, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                InspectionQueries queries, CancellationToken ct) =>
            {
                var query = new InspectionQuery(kind is null ? null : InspectionTerms.FindKind(kind) ?? throw InspectionErrors.KindRequired(), state,
                    unitId, from, to);
                return PagedResponse.From(await queries.ListAsync(query, new PageRequest(page, pageSize), ct), InspectionSummary.From);
            })
            .WithSummary("督查列表（新的在前，分页）：可按 kind、state、unitId、from/to（计划日期）筛选；未发布的暗访只对督查、领导和管理员可见");
        inspections.MapPost("/", async (InspectionRequest request, InspectionService service, CancellationToken ct) =>
            {
                var inspection = await service.CreateAsync(request.ToInput(), ct);
                return Results.Created($"/api/v1/inspections/{inspection.Id}", InspectionResponse.From(await service.ViewAsync(inspection, ct)));
            })
            .WithSummary("新建督查：kind（announced 明查 / covert 暗访 / thematic 专项督查）、title、unitIds、inspectorIds、plannedOn 必填；campaign、checkList 可选；督查人员不能督查本单位（回避）。kind 为 revisit（回头看）时以 drawId 指明抽取已销号事项的随机抽查，被督查单位取自抽中事项");
        inspections.MapGet("/{id:int}", async (int id, InspectionService service, CancellationToken ct) =>
            InspectionResponse.From(await service.ViewAsync(await service.GetAsync(id, ct), ct))).WithSummary("督查详情：发现的问题及其整改事项");
        inspections.MapGet("/{id:int}/files/{fileId:int}", async (int id, int fileId, InspectionService service, HttpContext context, CancellationToken ct) =>
        {
            var download = await service.OpenFileAsync(id, fileId, ct);
            return Downloads.Attachment(context, download.Content, download.ContentType, download.FileName);
        }).WithSummary("下载督查发现的照片或材料（记入审计日志）");
        inspections.MapActions(InspectionWorkflow.Table.Forms, RunAsync);

        var findings = api.MapGroup("/inspection-findings").WithTags("督查");
        findings.MapActions(InspectionWorkflow.Findings.Forms, AnswerAsync);
    }

    /// <summary>One step of an inspection, for the API and the page alike.</summary>
    public static async Task<object> RunAsync(HttpContext context, int id, InspectionAction action, ActionInput input, CancellationToken ct)
    {
        var service = context.RequestServices.GetRequiredService<InspectionService>();
        return InspectionResponse.From(await service.ViewAsync(await service.ActAsync(id, action, input, ct), ct));
    }

    /// <summary>The unit's answer to a finding; the page goes back to the inspection.</summary>
    public static async Task<object> AnswerAsync(HttpContext context, int id, FindingAction action, ActionInput input, CancellationToken ct)
    {
        var service = context.RequestServices.GetRequiredService<InspectionService>();
        var finding = await service.AnswerAsync(id, input, ct);
        return new { finding.Id, finding.InspectionId, finding.Answer };
    }
}
