using Duban.Core.Data;

namespace Duban.Hosting;

/// <summary>The configuration keys the server and the command line share, and how they become settings.</summary>
public static class DubanConfiguration
{
    public const string DataDirKey = "Duban:DataDir";
    public const string DemoKey = "Duban:Demo";
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Duban";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static DatabaseSettings DatabaseSettings(IConfiguration configuration) =>
        Core.Data.DatabaseSettings.Create(
            configuration[ProviderKey],
            configuration.GetConnectionString(ConnectionStringName),
            configuration[DataDirKey]);

    /// <summary>Configuration as every verb sees it: defaults, appsettings.json, DUBAN_* and standard variables.</summary>
    public static IConfigurationBuilder AddDubanSources(this IConfigurationBuilder builder, string? dataDir)
    {
        builder.AddEnvironmentVariables("DUBAN_");
        if (dataDir is not null)
        {
            builder.AddInMemoryCollection([new(DataDirKey, dataDir)]);
        }
        return builder;
    }
}
