using Duban.Core.Accounts;
using Duban.Core.Catalog;
using Duban.Modules;

namespace Duban.Catalog;

/// <summary>The catalog of problems (问题目录): 八种病相, 十不准, the seven classes and the rest.</summary>
internal sealed class CatalogModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [CatalogPermissions.Edit];

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddCatalog();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapCatalog();

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Reference, 10, "问题目录", "/catalog")];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Supervisor, 30, "维护问题目录（八种病相、十不准等）", "/catalog"),
        new(Roles.Member, 20, "查阅问题目录", "/catalog"),
    ];
}
