using Duban.Core.Dashboard;
using Duban.Modules;

namespace Duban.Dashboard;

/// <summary>
/// 首页看板: the campaign at a glance for leaders and supervisors, the own tree for a unit head, the own work and
/// lights for a liaison or member. Every figure links to the list whose total it is; the API gives the same figures.
/// </summary>
internal sealed class DashboardModule : IDubanModule
{
    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddDashboard();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapDashboard();
}
