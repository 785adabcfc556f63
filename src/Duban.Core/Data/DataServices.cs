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
    /// Registers the database, Identity's stores and the domain services. Settings are read when first needed, so a
    /// host can still change configuration after registration (as the test host does).
    /// </summary>
    public static IServiceCollection AddDubanCore(this IServiceCollection services,
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
        services.AddIdentityCore<AppUser>(AccountRules.Configure)
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<DubanDb>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.AddSingleton<Common.IWorkdayRule, Common.WeekendsOff>();
        services.AddSingleton<Common.WorkCalendar>();
        services.AddScoped<Organization.UnitService>();
        services.AddScoped<Organization.PeopleService>();
        services.AddScoped<Catalog.CatalogService>();
        services.AddScoped<Audit.AuditLog>();
        services.AddOptions<Ledger.LedgerOptions>();
        services.AddSingleton<Ledger.LightCountCache>();
        services.AddSingleton<Ledger.LightTally>();
        services.AddDomainEventHandler<Ledger.ItemsMoved, Ledger.LightTally>();
        services.AddScoped<Campaigns.CampaignService>();
        services.AddScoped<Ledger.LedgerService>();
        services.AddScoped<Ledger.LedgerQueries>();
        services.AddOptions<Spreadsheets.ImportSettings>();
        services.AddScoped<Spreadsheets.LedgerImporter>();
        services.AddScoped<Spreadsheets.LedgerExporter>();
        services.AddScoped<Spreadsheets.ColumnMappings>();
        services.AddScoped<Ledger.EvidenceStore>();
        services.AddScoped<AccountService>();
        services.AddScoped<TokenService>();
        services.AddScoped<TokenLookup>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<ActorLoader>();
        services.AddSingleton<ActorCache>();
        services.AddDomainEventHandler<Changed<AppUser>, ActorCache>();
        services.AddDomainEventHandler<Changed<IdentityUserRole<int>>, ActorCache>();
        services.AddDomainEventHandler<Changed<Organization.Person>, ActorCache>();
        services.AddDomainEventHandler<Changed<Organization.Unit>, ActorCache>();
        services.AddSingleton<Organization.UnitDirectory>();
        services.AddDomainEventHandler<Changed<Organization.Unit>, Organization.UnitDirectory>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<DemoData>();
        return services;
    }

    // Every save appends its audit events (and reads its domain events); every commit announces them.
    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] SavePath(IServiceProvider services) =>
        [services.GetRequiredService<Audit.AuditInterceptor>(), services.GetRequiredService<CommitAnnouncer>()];
}
