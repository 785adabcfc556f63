using Duban.Api;
using Duban.Core.Common;
using Duban.Core.Organization;

namespace Duban.Organization;

public sealed record UnitResponse(int Id, string Name, UnitKind Kind, int? ParentId, string Path, int SortOrder,
    int? HeadPersonId, int? LiaisonPersonId)
{
    public static UnitResponse From(Unit u) =>
        new(u.Id, u.Name, u.Kind, u.ParentId, u.Path, u.SortOrder, u.HeadPersonId, u.LiaisonPersonId);
}

public sealed record PersonResponse(int Id, string Name, int UnitId, string? Position, bool IsPartyMember)
{
    public static PersonResponse From(Person p) => new(p.Id, p.Name, p.UnitId, p.Position, p.IsPartyMember);
}

internal static class OrganizationEndpoints
{
    public static void MapOrganization(this IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("单位");
        units.MapGet("/", (UnitService service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("数据范围内的单位树（按树序）");
        units.MapGet("/{id:int}", async (int id, UnitService service, CancellationToken ct) =>
            UnitResponse.From(await service.GetAsync(id, ct)));
        units.MapPost("/", async (UnitInput input, UnitService service) =>
        {
            var unit = await service.CreateAsync(input);
            return Results.Created($"/api/v1/units/{unit.Id}", UnitResponse.From(unit));
        }).WithSummary("新建单位（系统管理员）");
        units.MapPut("/{id:int}", async (int id, UnitInput input, UnitService service) =>
            UnitResponse.From(await service.UpdateAsync(id, input))).WithSummary("修改单位（系统管理员）");

        var people = api.MapGroup("/people").WithTags("人员");
        people.MapGet("/", async (int? unit, string? q, int? page, int? pageSize, PeopleService service,
                CancellationToken ct) =>
            PagedResponse.From(await service.SearchAsync(new PeopleQuery(unit, q), new PageRequest(page, pageSize), ct)))
            .WithSummary("数据范围内的人员，按单位（含下级）和姓名、职务搜索，分页");
        people.MapGet("/{id:int}", async (int id, PeopleService service, CancellationToken ct) =>
            PersonResponse.From(await service.GetAsync(id, ct)));
        people.MapPost("/", async (PersonInput input, PeopleService service) =>
        {
            var person = await service.CreateAsync(input);
            return Results.Created($"/api/v1/people/{person.Id}", PersonResponse.From(person));
        }).WithSummary("新增人员（系统管理员）");
        people.MapPut("/{id:int}", async (int id, PersonInput input, PeopleService service) =>
            PersonResponse.From(await service.UpdateAsync(id, input))).WithSummary("修改人员（系统管理员）");
    }
}
