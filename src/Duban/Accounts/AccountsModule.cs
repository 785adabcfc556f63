using Duban.Core.Accounts;
using Duban.Modules;

namespace Duban.Accounts;

/// <summary>Signing in and out, the signed-in user's own data (/api/v1/me), and the administrators' account pages (/accounts).</summary>
internal sealed class AccountsModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [AccountPermissions.Manage];

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddAccounts();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapMe();
        app.MapAccountEndpoints();
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Reference, 35, "账户", "/accounts", AccountPermissions.Manage)];

    public IEnumerable<HomeLine> Home => [new(Roles.Admin, 30, "管理登录账户：新建、重置密码、停用、更改角色", "/accounts")];
}
