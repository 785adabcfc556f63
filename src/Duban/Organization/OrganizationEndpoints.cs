using Duban.Api;
using Duban.Core.Common;
using Duban.Core.Organization;

namespace Duban.Organization;

public sealed record UnitResponse(int Id, string Name, UnitKind Kind, int? ParentId, string Path, int SortOrder,
    int? HeadPersonId, int? LiaisonPersonId, bool IsActive)
{
    public static UnitResponse From(Unit u) =>
        new(u.Id, u.Name, u.Kind, u.ParentId, u.Path, u.SortOrder, u.HeadPersonId, u.LiaisonPersonId, u.IsActive);
}

public sealed record PersonResponse(int Id, string Name, int UnitId, string? Position, bool IsPartyMember, bool IsActive)
{
    public static PersonResponse From(Person p) => new(p.Id, p.Name, p.UnitId, p.Position, p.IsPartyMember, p.IsActive);
}

/// <summary>Deactivating or reactivating names the record as well as its id, so a script with a wrong id changes nothing.</summary>
public sealed record ActivationRequest(string? Name);

internal static class OrganizationEndpoints
{
    public static void MapOrganization(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("单位");
        units.MapGet("/", (bool? includeInactive, UnitService service, CancellationToken ct) => service.ListAsync(includeInactive == true, ct))
            .WithSummary("数据范围内的单位树（按树序）；默认不含已停用单位，includeInactive=true 时包含");
        units.MapGet("/{id:int}", async (int id, UnitService service, CancellationToken ct) =>
            UnitResponse.From(await service.GetAsync(id, ct)));
        units.MapPost("/", async (UnitInput input, UnitService service) =>
        {
            var unit = await service.CreateAsync(input);
            return Results.Created($"/api/v1/units/{unit.Id}", UnitResponse.From(unit));
        }).WithSummary("新建单位（系统管理员）");
        units.MapPut("/{id:int}", async (int id, UnitInput input, UnitService service) =>
            UnitResponse.From(await service.UpdateAsync(id, input))).WithSummary("修改单位（系统管理员）");
        units.MapPost("/{id:int}/deactivate", async (int id, ActivationRequest request, UnitService service) =>
            UnitResponse.From(await service.DeactivateAsync(id, request.Name ?? string.Empty)))
            .WithSummary("停用单位（系统管理员）：保留历史，不再出现在选择列表中；须无未停用的下级单位，name 须为单位名称");
        units.MapPost("/{id:int}/reactivate", async (int id, ActivationRequest request, UnitService service) =>
            UnitResponse.From(await service.ReactivateAsync(id, request.Name ?? string.Empty)))
            .WithSummary("重新启用单位（系统管理员），name 须为单位名称");

        var people = api.MapGroup("/people").WithTags("人员");
        people.MapGet("/", async (int? unit, string? q, bool? includeInactive, int? page, int? pageSize, PeopleService service,
                CancellationToken ct) =>
            PagedResponse.From(await service.SearchAsync(new PeopleQuery(unit, q, IncludeInactive: includeInactive == true),
                new PageRequest(page, pageSize), ct)))
            .WithSummary("数据范围内的人员，按单位（含下级）和姓名、职务搜索，分页；默认不含已停用人员，includeInactive=true 时包含");
        people.MapGet("/{id:int}", async (int id, PeopleService service, CancellationToken ct) =>
            PersonResponse.From(await service.GetAsync(id, ct)));
        people.MapPost("/", async (PersonInput input, PeopleService service) =>
        {
            var person = await service.CreateAsync(input);
            return Results.Created($"/api/v1/people/{person.Id}", PersonResponse.From(person));
        }).WithSummary("新增人员（系统管理员）");
        people.MapPut("/{id:int}", async (int id, PersonInput input, PeopleService service) =>
            PersonResponse.From(await service.UpdateAsync(id, input))).WithSummary("修改人员（系统管理员）");
        people.MapPost("/{id:int}/deactivate", async (int id, ActivationRequest request, PeopleService service) =>
            PersonResponse.From(await service.DeactivateAsync(id, request.Name ?? string.Empty)))
            .WithSummary("停用人员（系统管理员）：保留历史，不再出现在选择列表中；name 须为姓名");
        people.MapPost("/{id:int}/reactivate", async (int id, ActivationRequest request, PeopleService service) =>
            PersonResponse.From(await service.ReactivateAsync(id, request.Name ?? string.Empty)))
            .WithSummary("重新启用人员（系统管理员），name 须为姓名");
    }
}
