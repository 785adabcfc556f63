using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Catalog;

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) => services.AddScoped<CatalogService>();
}
