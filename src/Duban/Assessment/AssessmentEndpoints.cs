using System.Globalization;
using System.Text.Json;
using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Assessment;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;

namespace Duban.Assessment;

public sealed record SchemeResponse(int Id, int Family, string Name, int Version, decimal Base, IReadOnlyList<Indicator> Indicators, DateTime CreatedAt, string CreatedBy)
{
    public static SchemeResponse From(AssessmentScheme s)
    {
        var scheme = s.ToScheme();
        return new(s.Id, s.FamilyId, s.Name, s.Version, s.BaseScore, scheme.Indicators, s.CreatedAt, s.CreatedBy);
    }
}

/// <summary>POST /assessment/schemes: numbers may come as JSON numbers or text; each is read with a message naming it.</summary>
public sealed record SchemeRequest(string? Name, JsonElement? Base, IReadOnlyList<IndicatorRequest>? Indicators, int? BasedOn);

public sealed record IndicatorRequest(string? Code, string? Name, string? Kind, bool? Enabled, string? Event, JsonElement? PointsEach, string? Rate,
    IReadOnlyList<BandRequest>? Bands, JsonElement? Weight, JsonElement? Cap, JsonElement? Floor, string? VetoText);

public sealed record BandRequest(JsonElement? FromPercent, JsonElement? Points);

public sealed record RunCreateRequest(int? Campaign, DateOnly? From, DateOnly? To, string? Cutoff, int? Scheme);

public sealed record EventResponse(string Type, int Id, string? Code);

public sealed record LineResponse(string Indicator, string Name, bool Enabled, decimal Points, decimal Computed, int Count, IReadOnlyList<EventResponse> Events,
    string? Veto, int? CorrectedByAppeal);

public sealed record AdjustmentResponse(int Id, int ResultId, int UnitId, string UnitName, decimal Points, string Reason, string FileName, ReviewState State,
    string ProposedBy, DateTime ProposedAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionReason, int Version)
{
    public static AdjustmentResponse From(AssessmentAdjustment a) => new(a.Id, a.ResultId, a.UnitId, a.UnitName, a.Points, a.Reason, a.FileName, a.State,
        a.ProposedBy, a.ProposedAt, a.DecidedBy, a.DecidedAt, a.DecisionReason, a.Version);
}

public sealed record AppealResponse(int Id, int ResultId, int UnitId, string UnitName, string Indicator, string IndicatorName, decimal LinePoints, string Reason,
    string? FileName, ReviewState State, string FiledBy, DateTime FiledAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionReason,
    decimal? CorrectedPoints, int Version)
{
    public static AppealResponse From(AssessmentAppeal a) => new(a.Id, a.ResultId, a.UnitId, a.UnitName, a.Indicator, a.IndicatorName, a.LinePoints, a.Reason,
        a.FileName, a.State, a.FiledBy, a.FiledAt, a.DecidedBy, a.DecidedAt, a.DecisionReason, a.CorrectedPoints, a.Version);
}

/// <summary>A unit's result: total = base + Σ lines' points + Σ adjustments (the approved ones; pending ones are listed apart).</summary>
public sealed record ResultResponse(int Id, int UnitId, string UnitName, string? Head, decimal Base, decimal Total, int Rank, string Grade, string? Veto,
    IReadOnlyList<LineResponse> Lines, IReadOnlyList<AdjustmentResponse> Adjustments, IReadOnlyList<AdjustmentResponse> PendingAdjustments,
    IReadOnlyList<AppealResponse> Appeals, int Version)
{
    public static ResultResponse From(ResultView v) => new(v.Result.Id, v.Result.UnitId, v.Result.UnitName, v.Result.HeadName, v.Result.Base, v.Result.Total,
        v.Result.Rank, Grading.Name(v.Result.Grade), v.Result.Veto,
        [.. v.Lines.Select(l => new LineResponse(l.Indicator, l.Name, l.Enabled, l.Points, l.Computed, l.Count,
            [.. l.Events.Select(e => new EventResponse(e.RecordType, e.RecordId, e.Code))], l.Veto, l.CorrectedBy))],
        [.. v.Approved.Select(AdjustmentResponse.From)],
        [.. v.Adjustments.Where(a => a.State == ReviewState.Pending).Select(AdjustmentResponse.From)],
        [.. v.Appeals.Select(AppealResponse.From)], v.Result.Version);
}

public sealed record RunResponse(int Id, string Title, int Campaign, DateOnly From, DateOnly To, DateTime Cutoff, RunState State, int SchemeId, string Scheme,
    int Version, bool NoData, string? NoDataNote, DateTime? PublishedAt, DateOnly? AppealDueOn, IReadOnlyList<ResultResponse> Results,
    IReadOnlyList<RunAction> AllowedActions, int RecordVersion);

internal sealed record RunListFilter(int? Page, int? PageSize);

internal static class AssessmentEndpoints
{
    public const string PageBase = "/assessment";
    public const string ResultsBase = "/assessment/results";
    public const string AdjustmentsBase = "/assessment/adjustments";
    public const string AppealsBase = "/assessment/appeals";

    public const string NoDataNote = "考核期间内没有可计分的数据，各单位均为基础分。";

    public static void MapAssessment(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/assessment").WithTags("考核");
        group.MapGet("/schemes", async ([AsParameters] RunListFilter filter, AssessmentQueries queries, CancellationToken ct) =>
                PagedResponse.From(await queries.SchemesAsync(new PageRequest(filter.Page, filter.PageSize), ct), SchemeResponse.From))
            .WithSummary("考核方案的各个版本（新保存的在前，分页）：基础分、指标（按事件计分、按比率分档、一票否决，上限和下限，是否启用）");
        group.MapGet("/schemes/{id:int}", async (int id, AssessmentQueries queries, CancellationToken ct) =>
                SchemeResponse.From(await queries.SchemeAsync(id, ct)))
            .WithSummary("一个考核方案版本");
        group.MapPost("/schemes", async (SchemeRequest request, AssessmentService service, Core.Data.DubanDb db, CancellationToken ct) =>
            {
                db.Actor.Require(AssessmentPermissions.Manage);
                var scheme = SchemeInput.Read(request.Name, Text(request.Base), [.. (request.Indicators ?? []).Where(i => i is not null).Select(ToInput)]);
                var saved = await service.SaveSchemeAsync(scheme, request.BasedOn, ct);
                return Results.Created($"/api/v1/assessment/schemes/{saved.Id}", SchemeResponse.From(saved));
            })
            .WithSummary("保存考核方案（限督查人员）：name、base、indicators（code、name、kind：PerEvent/Rate/Veto、enabled、event、pointsEach、rate、bands：[{fromPercent, points}]、weight、cap、floor、vetoText）；basedOn 填已有版本的编号时保存为该方案的新版本");
        group.MapGet("/runs", async ([AsParameters] RunListFilter filter, AssessmentQueries queries, CancellationToken ct) =>
                PagedResponse.From(await queries.RunsAsync(new PageRequest(filter.Page, filter.PageSize), ct)))
            .WithSummary("考核结果列表（新的在前，分页）");
        group.MapPost("/runs", async (RunCreateRequest request, AssessmentService service, Core.Data.DubanDb db, HttpContext context, CancellationToken ct) =>
            {
                db.Actor.Require(AssessmentPermissions.Manage);
                var run = await service.ComputeAsync(new RunRequest(request.Campaign, request.From, request.To, CutOff(request.Cutoff), request.Scheme), ct);
                return Results.Created($"/api/v1/assessment/runs/{run.Id}", await RunAsync(context, run.Id, ct));
            })
            .WithSummary("计算考核结果（限督查人员）：campaign、from、to（考核期间，月、季、年或任意期间，不超过一年）必填；cutoff（数据截止时间，默认考核期间的最后一刻，期间未结束时为现在；不带时区的按北京时间）；scheme（方案版本编号，默认最新）");
        group.MapGet("/runs/{id:int}", (int id, HttpContext context, CancellationToken ct) => RunAsync(context, id, ct))
            .WithSummary("考核结果：各单位的基础分、总分、排名、等次、一票否决，逐项指标的得分和计分依据（events：item 整改事项、check 回头看复查、slip 督办单、bulletin 情况通报），已同意的分值调整；总分 = 基础分 + 各指标得分 + 调整分。发布前单位只看到本单位及下级的结果");
        group.MapGet("/runs/{id:int}/export.xlsx", async (int id, AssessmentExport export, HttpContext context, CancellationToken ct) =>
                File(context, await export.SheetAsync(id, ct)))
            .WithSummary("导出 Excel（每个单位一行：排名、单位、等次、基础分、各指标得分、调整分、总分、一票否决、负责人）");
        group.MapGet("/runs/{id:int}/document.docx", async (int id, AssessmentExport export, HttpContext context, CancellationToken ct) =>
                File(context, await export.DocumentAsync(id, ct)))
            .WithSummary("考核结果通报（Word，公文格式，附排名表）");
        group.MapGet("/results/{id:int}", async (int id, AssessmentQueries queries, CancellationToken ct) =>
                ResultResponse.From((await queries.ResultAsync(id, ct)).View))
            .WithSummary("一个单位的考核结果及计分明细");
        group.MapGet("/adjustments/{id:int}/file", (int id, AssessmentService service, HttpContext context, CancellationToken ct) =>
                Download(context, service.AdjustmentFileAsync(id, ct)))
            .WithSummary("分值调整的依据文件");
        group.MapGet("/appeals/{id:int}/file", (int id, AssessmentService service, HttpContext context, CancellationToken ct) =>
                Download(context, service.AppealFileAsync(id, ct)))
            .WithSummary("申诉的证明材料");
        group.MapGroup("/runs").MapActions(AssessmentWorkflow.Runs.Forms, PublishAsync);
        group.MapGroup("/results").MapActions(AssessmentWorkflow.Results.Forms, ResultActionAsync);
        group.MapGroup("/adjustments").MapActions(AssessmentWorkflow.Adjustments.Forms, AdjustmentActionAsync);
        group.MapGroup("/appeals").MapActions(AssessmentWorkflow.Appeals.Forms, AppealActionAsync);
    }

    private static async Task<RunResponse> RunAsync(HttpContext context, int id, CancellationToken ct)
    {
        var queries = context.RequestServices.GetRequiredService<AssessmentQueries>();
        var db = context.RequestServices.GetRequiredService<Core.Data.DubanDb>();
        var run = await queries.RunAsync(id, ct);
        var views = await queries.ResultViewsAsync(run, ct);
        return new RunResponse(run.Id, run.Title, run.CampaignId, run.FromDate, run.ToDate, run.CutOff, run.State, run.SchemeId, run.SchemeName,
            run.SchemeVersion, run.NoData, run.NoData ? NoDataNote : null, run.PublishedAt, run.AppealDueOn, [.. views.Select(ResultResponse.From)],
            [.. AssessmentWorkflow.Runs.Allowed(run, db.Actor)], run.Version);
    }

    public static async Task<object> PublishAsync(HttpContext context, int id, RunAction action, ActionInput input, CancellationToken ct)
    {
        await context.RequestServices.GetRequiredService<AssessmentService>().ActOnRunAsync(id, action, input, ct);
        return await RunAsync(context, id, ct);
    }

    public static async Task<object> ResultActionAsync(HttpContext context, int id, ResultAction action, ActionInput input, CancellationToken ct) =>
        await context.RequestServices.GetRequiredService<AssessmentService>().ActOnResultAsync(id, action, input, ct) switch
        {
            AssessmentAdjustment a => AdjustmentResponse.From(a),
            var appeal => AppealResponse.From((AssessmentAppeal)appeal),
        };

    public static async Task<object> AdjustmentActionAsync(HttpContext context, int id, AdjustmentAction action, ActionInput input, CancellationToken ct) =>
        AdjustmentResponse.From(await context.RequestServices.GetRequiredService<AssessmentService>().ActOnAdjustmentAsync(id, action, input, ct));

    public static async Task<object> AppealActionAsync(HttpContext context, int id, AppealAction action, ActionInput input, CancellationToken ct) =>
        AppealResponse.From(await context.RequestServices.GetRequiredService<AssessmentService>().ActOnAppealAsync(id, action, input, ct));

    private static async Task<IResult> Download(HttpContext context, Task<(Stream Content, string FileName, string ContentType)> opening)
    {
        var (content, name, type) = await opening;
        return Downloads.Attachment(context, content, type, name);
    }

    private static IResult File(HttpContext context, ExportFile file) =>
        Downloads.Attachment(context, new MemoryStream(file.Content), file.ContentType, file.FileName);

    private static IndicatorInput ToInput(IndicatorRequest i) => new(i.Code, i.Name, i.Kind, i.Enabled ?? true, i.Event, Text(i.PointsEach), i.Rate,
        i.Bands is null ? null : string.Join(", ", i.Bands.Where(b => b is not null).Select(b => $"{Text(b.FromPercent)}:{Text(b.Points)}")),
        Text(i.Weight), Text(i.Cap), Text(i.Floor), i.VetoText);

    /// <summary>A JSON number or text as text (an object or array reads as text that will not parse, and is refused as such).</summary>
    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        { } e => e.GetRawText(),
    };

    /// <summary>The cut-off as sent: with an offset as it says, without one in China time.</summary>
    public static DateTimeOffset? CutOff(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        var hasOffset = text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9;
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }
        // The calendar's first hours have no UTC instant eight hours earlier.
        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year >= 2000)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
        }
        throw AssessmentErrors.BadCutOff();
    }
}
