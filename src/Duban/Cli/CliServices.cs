using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli;

/// <summary>The services a verb needs, acting as the system on the configured data, and its error reporting.</summary>
internal static class CliServices
{
    public static ServiceProvider Create(string? dataDir)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddDubanSources(dataDir).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IActorAccessor>(new SystemActorAccessor($"cli:{Environment.UserName}"));
        services.AddDubanData(_ => DubanConfiguration.DatabaseSettings(configuration));
        services.AddDocuments(configuration);
        foreach (var module in Modules.DubanModules.All)
        {
            module.AddDomain(services, configuration);
        }
        return services.BuildServiceProvider();
    }

    /// <summary>Runs a verb in its own scope; refusals print in Chinese and exit 1, never with a stack trace.</summary>
    public static async Task<int> RunAsync(string? dataDir, bool prepareDatabase,
        Func<IServiceProvider, Task<int>> action)
    {
        try
        {
            await using var provider = Create(dataDir);
            await using var scope = provider.CreateAsyncScope();
            if (prepareDatabase)
            {
                var messages = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(false);
                foreach (var line in messages)
                {
                    Console.WriteLine(line);
                }
            }
            else if (!await DatabaseExistsAsync(scope.ServiceProvider))
            {
                await Console.Error.WriteLineAsync("数据库不存在或无法连接：请检查 --data 目录或数据库配置。");
                return 1;
            }
            return await action(scope.ServiceProvider);
        }
        catch (Exception e) when (e is DubanException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("错误：" + e.Message);
            return 1;
        }
    }

    private static async Task<bool> DatabaseExistsAsync(IServiceProvider services)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            return File.Exists(file);
        }
        return await services.GetRequiredService<DubanDb>().Database.CanConnectAsync();
    }
}
