using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Signals;

public static class SignalServices
{
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddOptions<SignalOptions>();
        services.AddSingleton<SignalComputer>().AddSingleton<SignalBoardCache>();
        services.AddScoped<SignalQueries>().AddScoped<SignalService>();
        return services;
    }
}
