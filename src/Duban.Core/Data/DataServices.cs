using Duban.Core.Accounts;
using Duban.Core.Common.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: the provider, its connection string and the folder for files and the database.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseSettings Create(string? provider, string? connectionString, string? dataDirectory)
    {
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory);
        var kind = provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"不支持的数据库类型“{provider}”：请使用 Sqlite 或 Postgres。"),
        };
        if (kind == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("使用 PostgreSQL 时必须配置连接字符串 ConnectionStrings:Duban。");
        }
        var connection = string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={Path.Combine(folder, "duban.db")}"
            : connectionString;
        return new DatabaseSettings(kind, connection, folder);
    }
}

public static class DataServices
{
    /// <summary>
    /// Registers the database with its save path (audit, domain events), the work calendar and the start-up, backup
    /// and demo tools; each feature registers its own services (its module). Settings are read when first needed, so
    /// a host can still change configuration after registration (as the test host does).
    /// </summary>
    public static IServiceCollection AddDubanData(this IServiceCollection services,
        Func<IServiceProvider, DatabaseSettings> settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<Audit.AuditInterceptor>();
        services.AddSingleton<CommitAnnouncer>();
        services.AddScoped<DomainEvents>();
        // Pooled contexts: a request leases one (with its actor) and the scope's end returns it.
        services.AddPooledDbContextFactory<SqliteDubanDb>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString).AddInterceptors(SavePath(sp)));
        services.AddPooledDbContextFactory<PostgresDubanDb>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<DatabaseSettings>().ConnectionString).AddInterceptors(SavePath(sp)));
        services.AddScoped<DubanDb>(sp =>
        {
            DubanDb db = sp.GetRequiredService<DatabaseSettings>().Provider switch
            {
                DatabaseProvider.Postgres => sp.GetRequiredService<IDbContextFactory<PostgresDubanDb>>().CreateDbContext(),
                _ => sp.GetRequiredService<IDbContextFactory<SqliteDubanDb>>().CreateDbContext(),
            };
            return db.Bind(sp.GetRequiredService<IActorAccessor>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<DomainEvents>());
        });
        services.AddSingleton<Common.IWorkdayRule, Common.WeekendsOff>();
        services.AddSingleton<Common.WorkCalendar>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<DemoData>();
        return services;
    }

    // Every save appends its audit events (and reads its domain events); every commit announces them.
    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] SavePath(IServiceProvider services) =>
        [services.GetRequiredService<Audit.AuditInterceptor>(), services.GetRequiredService<CommitAnnouncer>()];
}
