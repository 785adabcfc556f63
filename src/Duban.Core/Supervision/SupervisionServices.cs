using Duban.Core.Supervision.Draws;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Supervision;

public static class SupervisionServices
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) => services.AddScoped<DrawService>();
}
