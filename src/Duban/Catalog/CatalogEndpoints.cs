using Duban.Api;
using Duban.Core.Catalog;

namespace Duban.Catalog;

public sealed record CatalogEntryResponse(int Id, CatalogSet Set, string SetName, string Code, string Title,
    string? Description, IReadOnlyList<string> Aliases, string Source, bool IsPlaceholder)
{
    public static CatalogEntryResponse From(CatalogEntry e) => new(e.Id, e.Set, CatalogSets.ChineseName(e.Set), e.Code,
        e.Title, e.Description, e.AliasList, e.Source, e.IsPlaceholder);
}

internal static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("问题目录");
        catalog.MapGet("/", async (CatalogSet? set, string? q, CatalogService service, CancellationToken ct) =>
                (await service.ListAsync(set, q, ct)).Select(CatalogEntryResponse.From))
            .WithSummary("问题目录（可按目录类别和文字筛选）");
        catalog.MapGet("/{id:int}", async (int id, CatalogService service, CancellationToken ct) =>
            CatalogEntryResponse.From(await service.GetAsync(id, ct)));
        catalog.MapPut("/{id:int}", async (int id, CatalogInput input, CatalogService service) =>
            CatalogEntryResponse.From(await service.UpdateAsync(id, input))).WithSummary("修改条目（督查人员）");
    }
}
