using Duban.Core.Data;

namespace Duban.Hosting;

/// <summary>Migrates and seeds the database before the server takes requests; prints the one-time admin password.</summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Start-up work is the system's, not any visitor's.
        var actor = scope.ServiceProvider.GetRequiredService<Core.Accounts.ScopedActorAccessor>();
        actor.Actor = Core.Accounts.Actor.System("system:start");
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        var messages = await initializer.InitializeAsync(configuration.GetValue<bool>(DubanConfiguration.DemoKey), cancellationToken);
        foreach (var line in messages)
        {
            Console.WriteLine(line);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
