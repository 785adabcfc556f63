using Duban.Core.Accounts;
using Duban.Core.Organization;
using Duban.Modules;

namespace Duban.Organization;

/// <summary>The unit tree and its people.</summary>
internal sealed class OrganizationModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [OrganizationPermissions.Manage];

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddOrganization();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapOrganization();

    public IEnumerable<MenuEntry> Menu =>
    [
        new(MenuGroup.Reference, 20, "单位", "/org/units"),
        new(MenuGroup.Reference, 30, "人员", "/org/people"),
    ];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Admin, 10, "维护单位树，指定主要负责人和联络员", "/org/units"),
        new(Roles.Admin, 20, "维护人员信息", "/org/people"),
        new(Roles.Leadership, 20, "查看全部单位和人员", "/org/units"),
        new(Roles.UnitHead, 30, "查看本单位及下级单位人员", "/org/people"),
        new(Roles.Liaison, 30, "查看本单位人员", "/org/people"),
    ];
}
