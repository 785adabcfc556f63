using Duban.Core.Accounts;
using Duban.Core.Audit;
using Duban.Modules;

namespace Duban.Audit;

/// <summary>The hash-chained audit log, read by those allowed to.</summary>
internal sealed class AuditModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [AuditPermissions.View];

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddAuditLog();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapAudit();

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Reference, 40, "审计日志", "/audit", AuditPermissions.View)];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Admin, 30, "查看审计日志", "/audit"),
        new(Roles.Supervisor, 40, "查看审计日志", "/audit"),
    ];
}
