using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Bulletins;

public static class BulletinServices
{
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        services.AddOptions<BulletinOptions>();
        services.AddScoped<BulletinFactsQuery>().AddScoped<BulletinQueries>().AddScoped<BulletinService>();
        return services;
    }
}
