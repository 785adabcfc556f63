using Duban.Core.Common.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Organization;

public static class OrganizationServices
{
    /// <summary>The unit tree and its people; the in-memory directory follows every committed change to units.</summary>
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<UnitService>();
        services.AddScoped<PeopleService>();
        services.AddSingleton<UnitDirectory>();
        services.AddDomainEventHandler<Changed<Unit>, UnitDirectory>();
        return services;
    }
}
