using System.Net;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>First start without --demo: schema, catalog and one administrator, nothing else.</summary>
public abstract class StartupTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    protected TFactory App => app;

    [Fact]
    public async Task Health_answers_200()
    {
        var response = await app.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_database_gets_the_catalog_and_only_the_admin_account()
    {
        var (users, entries) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            return (await db.Users.Select(u => new { u.UserName, u.MustChangePassword }).ToListAsync(), await db.CatalogEntries.CountAsync());
        });

        // Its printed password must be replaced at the first sign-in.
        Assert.Equal([new { UserName = (string?)DatabaseInitializer.AdminUserName, MustChangePassword = true }], users);
        Assert.True(entries >= 40);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().SubmitLoginAsync("demo-admin", DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_api()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/me", document);
        Assert.Contains("/api/v1/people", document);
        Assert.Contains("/api/v1/catalog", document);
    }

    [Fact]
    public void The_work_calendar_is_served_with_weekends_off()
    {
        var calendar = app.Services.GetRequiredService<WorkCalendar>();

        Assert.Equal(new DateOnly(2026, 6, 8), calendar.AddWorkdays(new DateOnly(2026, 6, 5), 1));
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_Chinese_404_problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不存在", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Also about SQLite by nature: its journal mode.</summary>
public sealed class SqliteStartupTests(BareSqliteAppFactory app) : StartupTests<BareSqliteAppFactory>(app), IClassFixture<BareSqliteAppFactory>
{
    [Fact]
    public async Task The_database_runs_in_WAL_mode()
    {
        _ = App.Server;
        await using var connection = new SqliteConnection($"Data Source={App.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}

[Trait("Database", "Postgres")]
public sealed class PostgresStartupTests(BarePostgresAppFactory app) : StartupTests<BarePostgresAppFactory>(app), IClassFixture<BarePostgresAppFactory>;

/// <summary>A second start with --demo on a database that already has it.</summary>
public abstract class DemoReloadTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Starting_again_with_the_demo_changes_nothing()
    {
        var counts = await app.AsSystemAsync(async sp =>
        {
            var initializer = sp.GetRequiredService<DatabaseInitializer>();
            var db = sp.GetRequiredService<DubanDb>();
            var before = (await db.Units.CountAsync(), await db.People.CountAsync(), await db.Users.CountAsync(), await db.CatalogEntries.CountAsync());
            var second = await initializer.InitializeAsync(loadDemo: true);
            var after = (await db.Units.CountAsync(), await db.People.CountAsync(), await db.Users.CountAsync(), await db.CatalogEntries.CountAsync());
            return (before, second, after);
        });

        Assert.True(counts.before.Item2 >= 38);
        Assert.Empty(counts.second);
        Assert.Equal(counts.before, counts.after);
    }
}

public sealed class SqliteDemoReloadTests(SqliteAppFactory app) : DemoReloadTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresDemoReloadTests(PostgresAppFactory app) : DemoReloadTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
