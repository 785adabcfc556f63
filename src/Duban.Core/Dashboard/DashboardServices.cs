using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Dashboard;

public static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardQuery>();
}
