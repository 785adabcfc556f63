using Duban.Core.Supervision.Draws;
using Duban.Core.Supervision.Inspections;
using Duban.Core.Supervision.Slips;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Supervision;

public static class SupervisionServices
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionOptions>();
        services.AddScoped<InspectionService>().AddScoped<InspectionQueries>();
        services.AddScoped<SlipQueries>().AddScoped<SlipService>();
        services.AddScoped<DrawService>();
        return services;
    }
}
