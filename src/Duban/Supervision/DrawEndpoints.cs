using System.Text;
using Duban.Api;
using Duban.Components.Shared;
using Duban.Core.Common;
using Duban.Core.Supervision.Draws;
using Microsoft.AspNetCore.Antiforgery;

namespace Duban.Supervision;

/// <summary>A draw as asked for: population "closedItems" or "units"; replaces and reason only for a redraw.</summary>
public sealed record DrawRequestBody(string? Campaign, string? Population, int? Count, string? Seed, IReadOnlyList<string>? Exclude,
    int? Replaces, string? Reason)
{
    public DrawInput ToInput() => new(Campaign, Population, Count, Seed, Exclude, Replaces, Reason);
}

public sealed record CheckRequestBody(string? Key, bool? Passed, string? Reason);

public sealed record DrawCheckResponse(int Id, string Key, int ItemId, int UnitId, bool Passed, string? Reason, string? EvidenceFileName,
    string? EvidenceSha256, string By, DateTime At)
{
    public static DrawCheckResponse From(DrawCheck c) =>
        new(c.Id, c.Key, c.ItemId, c.UnitId, c.Passed, c.Reason, c.EvidenceFileName, c.EvidenceSha256, c.By, c.At);
}

/// <summary>A stored draw with everything needed to recompute it: population (the keys), seed, method, hash and selection.</summary>
public sealed record DrawResponse(int Id, string Code, string Campaign, string PopulationKind, int Count, string Algorithm, string Seed,
    bool SeedGenerated, string PopulationHash, int PopulationSize, IReadOnlyList<string> Population, IReadOnlyList<string> Excluded,
    IReadOnlyList<string> Selected, string DrawnBy, DateTime DrawnAt, int? Replaces, string? ReplacesCode, string? ReplaceReason,
    int? ReplacedBy, string? ReplacedByCode, IReadOnlyList<DrawCheckResponse> Checks)
{
    public static DrawResponse From(DrawDetail detail)
    {
        var d = detail.Draw;
        return new(d.Id, d.Code, detail.Campaign, DrawTerms.ApiName(d.Population), d.Count, d.Algorithm, d.Seed, d.SeedGenerated,
            d.PopulationHash, d.PopulationSize, d.PopulationKeys, d.ExcludedKeys, d.SelectedKeys, d.DrawnBy, d.DrawnAt, d.ReplacesDrawId,
            detail.ReplacesCode, d.ReplaceReason, detail.ReplacedById, detail.ReplacedByCode, [.. d.Checks.Select(DrawCheckResponse.From)]);
    }
}

public sealed record DrawRowResponse(int Id, string Code, string Campaign, string PopulationKind, int Count, int PopulationSize,
    string DrawnBy, DateTime DrawnAt, string? Replaces, string? ReplacedBy, int Checks, int Failed)
{
    public static DrawRowResponse From(DrawRow r) => new(r.Id, r.Code, r.Campaign, DrawTerms.ApiName(r.Population), r.Count,
        r.PopulationSize, r.DrawnBy, r.DrawnAt, r.Replaces, r.ReplacedBy, r.Checks, r.Failed);
}

internal static class DrawEndpoints
{
    public const string PageBase = SupervisionModule.PageBase + "/draws";

    public static void MapDraws(this IEndpointRouteBuilder api)
    {
        var draws = api.MapGroup("/draws").WithTags("随机抽查");
        draws.MapGet("/", async (DateOnly? from, DateOnly? to, int? page, int? pageSize, DrawService service, CancellationToken ct) =>
                PagedResponse.From(await service.ListAsync(new DrawFilter(from, to), new PageRequest(page, pageSize), ct), DrawRowResponse.From))
            .WithSummary("随机抽查记录列表，新的在前，分页；可按 from/to（抽取日期）筛选（仅领导小组、督查室和管理员可见）");
        draws.MapPost("/", async (DrawRequestBody request, DrawService service, CancellationToken ct) =>
            {
                var draw = DrawResponse.From(await service.DrawAsync(request.ToInput(), ct));
                return Results.Created($"/api/v1/draws/{draw.Id}", draw);
            })
            .WithSummary("随机抽取（sha256-rank-v1）：campaign、population（closedItems 已销号事项 / units 单位）、count 必填；"
                         + "seed（不超过 200 字符，不填则系统生成 32 字节随机种子）、exclude（回避的对象）可选；重新抽取时 replaces 和 reason 必填");
        draws.MapGet("/{id:int}", async (int id, DrawService service, CancellationToken ct) =>
            DrawResponse.From(await service.GetAsync(id, ct))).WithSummary("随机抽查详情：总体、种子、哈希、抽取结果、回头看记录和替换关系");
        draws.MapGet("/{id:int}/population", async (int id, DrawService service, CancellationToken ct) =>
        {
            var (code, text) = await service.PopulationFileAsync(id, ct);
            return Results.File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"{code}-population.txt");
        }).WithSummary("下载总体：每行一个对象，按序排列；文件内容的 SHA-256 即 populationHash");
        draws.MapPost("/{id:int}/checks", async (int id, CheckRequestBody request, DrawService service, CancellationToken ct) =>
                DrawResponse.From(await service.CheckAsync(id, new CheckInput(request.Key, request.Passed, request.Reason), cancellationToken: ct)))
            .WithSummary("登记回头看结果：key（抽中的事项编号）、passed 必填；不通过时 reason 必填，并重新打开该事项");
    }

    /// <summary>The draw page's check form (with an optional evidence file); back to the page with a notice.</summary>
    public static void MapDrawPageForms(this IEndpointRouteBuilder app)
    {
        app.MapPost(PageBase + "/{id:int}/checks", async (int id, HttpContext context, DrawService service, CancellationToken ct) =>
        {
            var back = $"{PageBase}/{id}";
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.LocalRedirect(context.LeaveNotice(back, NoticeKind.Error, "页面已过期，请刷新后重试。") + PageNotice.Anchor);
            }
            var form = await context.Request.ReadFormAsync(ct);
            var key = form["key"].ToString();
            var reason = form["reason"].ToString();
            bool? passed = form["passed"].ToString() switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
            var file = form.Files.Count > 0 && form.Files[0].Length > 0 ? form.Files[0] : null;
            try
            {
                await using var content = file?.OpenReadStream();
                await service.CheckAsync(id, new CheckInput(key, passed, reason), content, file?.FileName, ct);
                var done = passed == true ? $"已登记 {key} 回头看通过。" : $"已登记 {key} 回头看不通过，事项已重新打开。";
                return Results.LocalRedirect(context.LeaveNotice(back, NoticeKind.Success, done) + PageNotice.Anchor);
            }
            catch (DubanException e) when (e.Kind is ErrorKind.Validation or ErrorKind.Conflict)
            {
                var typed = new Dictionary<string, string> { ["key"] = key, ["reason"] = reason, ["passed"] = form["passed"].ToString() };
                return Results.LocalRedirect(context.LeaveNotice(back, NoticeKind.Error, e.Message, "check-" + key, typed) + PageNotice.Anchor);
            }
            catch (DubanException e)
            {
                context.Items[PageErrors.MessageKey] = e.Message;
                return Results.StatusCode(ProblemExceptionHandler.StatusOf(e.Kind));
            }
        }).RequireAuthorization().ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
