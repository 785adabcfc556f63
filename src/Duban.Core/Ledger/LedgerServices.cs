using Duban.Core.Common.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Ledger;

public static class LedgerServices
{
    /// <summary>The ledger: items and their workflow, queries, evidence, and the light tally moved by committed saves.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>();
        services.AddSingleton<LightCountCache>();
        services.AddSingleton<LightTally>();
        services.AddDomainEventHandler<ItemsMoved, LightTally>();
        services.AddScoped<LedgerService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<EvidenceStore>();
        return services;
    }
}
