using Duban.Core.Accounts;
using Duban.Core.Data;
using Duban.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Duban.Tests.Infrastructure;

/// <summary>
/// The real app through the real pipeline, on its own data folder and database, with the demo organisation.
/// Each test class gets a fresh one.
/// </summary>
public abstract class DubanFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "DUBAN_TEST_POSTGRES";

    /// <summary>
    /// Where every app's clock starts: a Wednesday morning in China, at or before the real date, because verbs run in
    /// a process of their own on the real clock and must not see the server's dates as lying in their future.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, Core.Common.ChinaTime.Offset);

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "duban-tests", Guid.NewGuid().ToString("N"));

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// The app's only clock; it stands still unless a test moves it. Sessions and antiforgery read it too, so a test
    /// that keeps a session does not move it past <c>AuthenticationSetup.SessionLifetime</c> (8 hours).
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Today in China by the app's clock, for tests that write dates relative to it.</summary>
    public DateOnly Today => Core.Common.ChinaTime.Today(Clock);

    public string? ConnectionString { get; protected set; }

    protected virtual bool Demo => true;

    protected virtual bool PdfOnPublish => false;

    /// <summary>
    /// Starts the app (schema and demo data) before any test runs, so a test that begins with a CLI verb on the
    /// same data folder does not depend on another test having started the server first.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        await PrepareDatabaseAsync();
        _ = Services;
    }

    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DubanConfiguration.DataDirKey, DataDir);
        builder.UseSetting(DubanConfiguration.DemoKey, Demo ? "true" : "false");
        builder.UseSetting(DubanConfiguration.ProviderKey, Provider.ToString());
        // LibreOffice takes seconds a document: only the tests about PDFs ask for them when publishing.
        builder.UseSetting("Bulletins:PdfOnPublish", PdfOnPublish ? "true" : "false");
        if (ConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:" + DubanConfiguration.ConnectionStringName, ConnectionString);
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
        builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>The environment a CLI verb needs to work on this app's database (the data folder is passed as --data).</summary>
    public IDictionary<string, string> CliEnvironment => ConnectionString is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Database__Provider"] = Provider.ToString(),
            ["ConnectionStrings__" + DubanConfiguration.ConnectionStringName] = ConnectionString,
        };

    /// <summary>Runs work in a service scope as the system (for arranging data the test needs).</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedActorAccessor>().Actor = Actor.System("test");
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is cleaned with the temp folder.
        }
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}

public class SqliteAppFactory : DubanFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabaseFile => Path.Combine(DataDir, "duban.db");

    public override async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await base.DisposeAsync();
    }
}

/// <summary>Same app on SQLite without `--demo`: only the first administrator exists.</summary>
public sealed class BareSqliteAppFactory : SqliteAppFactory
{
    protected override bool Demo => false;
}

/// <summary>
/// Same app on a PostgreSQL database of its own (duban_test_&lt;guid&gt;), created here and dropped afterwards. The
/// server comes from DUBAN_TEST_POSTGRES, which ./test.sh sets once it has started PostgreSQL.
/// </summary>
public class PostgresAppFactory : DubanFactory
{
    private readonly string _database = "duban_test_" + Guid.NewGuid().ToString("N");
    private string? _server;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task PrepareDatabaseAsync()
    {
        _server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run ./test.sh, which starts PostgreSQL, or exclude the Postgres trait.");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_database}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Same app on PostgreSQL without `--demo`: only the first administrator exists.</summary>
public sealed class BarePostgresAppFactory : PostgresAppFactory
{
    protected override bool Demo => false;
}
