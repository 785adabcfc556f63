using Duban.Core.Supervision.Slips;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Supervision;

public static class SupervisionServices
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionOptions>();
        services.AddScoped<SlipQueries>();
        services.AddScoped<SlipService>();
        return services;
    }
}
