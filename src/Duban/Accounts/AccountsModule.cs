using Duban.Core.Accounts;
using Duban.Modules;

namespace Duban.Accounts;

/// <summary>Signing in and out, the signed-in user's own data (/api/v1/me); accounts themselves are kept from the command line.</summary>
internal sealed class AccountsModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [AccountPermissions.Manage];

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddAccounts();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapMe();
        app.MapAccountEndpoints();
    }
}
