using System.Net;
using System.Net.Http.Json;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Duban.Tests.Integration;

/// <summary>The verbs of the one binary, run as processes against the data folder of a running server.</summary>
public abstract class CliTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    protected TFactory App => app;

    [Fact]
    public async Task User_add_prints_a_password_that_signs_in_and_reset_password_replaces_it()
    {
        _ = app.Server;
        var added = await DubanCli.RunAsync(app.CliEnvironment, "user", "add", "wang.liaison", "--role", "Liaison", "--unit", "秘书科", "--person", "王联络", "--data", app.DataDir);
        Assert.True(added.ExitCode == 0, added.Error);
        var password = added.Output.Split("初始密码：")[1].Trim();

        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync("wang.liaison", password)).StatusCode);

        var reset = await DubanCli.RunAsync(app.CliEnvironment, "user", "reset-password", "wang.liaison", "--data", app.DataDir);
        var newPassword = reset.Output.Split("新密码：")[1].Trim();
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().SubmitLoginAsync("wang.liaison", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync("wang.liaison", newPassword)).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "user", "add", "x1", "--role", "Boss", "--unit", "综合科" }, "角色“Boss”不存在")]
    [InlineData(new[] { "user", "add", "x2", "--role", "Member", "--unit", "不存在的科" }, "单位“不存在的科”不存在")]
    [InlineData(new[] { "user", "add", "demo-admin", "--role", "Member", "--unit", "综合科" }, "已被使用")]
    [InlineData(new[] { "user", "reset-password", "nobody" }, "用户“nobody”不存在")]
    [InlineData(new[] { "token", "create", "--user", "nobody" }, "用户“nobody”不存在")]
    [InlineData(new[] { "token", "revoke", "99999" }, "令牌 99999 不存在")]
    public async Task Bad_arguments_get_a_Chinese_error_and_exit_1(string[] args, string message)
    {
        _ = app.Server;

        var result = await DubanCli.RunAsync(app.CliEnvironment, [.. args, "--data", app.DataDir]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Token_create_prints_a_working_token_and_revoke_ends_it()
    {
        _ = app.Server;
        var created = await DubanCli.RunAsync(app.CliEnvironment, "token", "create", "--user", "demo-supervisor", "--name", "报表", "--data", app.DataDir);
        var secret = created.Output.Trim();
        Assert.StartsWith("dbn_", secret);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(secret).GetAsync("/api/v1/me")).StatusCode);

        var list = await DubanCli.RunAsync(app.CliEnvironment, "token", "list", "--data", app.DataDir);
        var id = list.Output.Split('\n').Single(l => l.Contains("demo-supervisor") && l.Contains("报表")).Split('\t')[0].TrimStart('#');
        var revoked = await DubanCli.RunAsync(app.CliEnvironment, "token", "revoke", id, "--data", app.DataDir);

        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(secret).GetAsync("/api/v1/me")).StatusCode);
        Assert.DoesNotContain(secret, (await DubanCli.RunAsync(app.CliEnvironment, "token", "list", "--data", app.DataDir)).Output);
    }
}

/// <summary>Also about the SQLite file by nature: its online backup and a data folder that holds no database.</summary>
public sealed class SqliteCliTests(SqliteAppFactory app) : CliTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Backup_taken_while_the_server_writes_is_consistent_and_matches_once_writes_stop()
    {
        var client = await App.SignedInAsync("demo-admin");
        var units = await client.GetJsonAsync<List<Core.Organization.UnitRow>>("/api/v1/units");
        var unitId = units.Single(u => u.Name == "文电科").Id;
        var written = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsJsonAsync("/api/v1/people",
                    new { name = $"备份测试{written}", unitId, position = "科员" }, CancellationToken.None);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Interlocked.Increment(ref written);
            }
        }, CancellationToken.None);
        while (Volatile.Read(ref written) < 5)
        {
            await Task.Delay(20);
        }

        var during = Path.Combine(App.DataDir, "backup-during", "duban.db");
        var backup = await DubanCli.RunAsync("backup", "--out", during, "--data", App.DataDir);
        var writtenAtBackupEnd = Volatile.Read(ref written);
        await Task.Delay(200);
        await stop.CancelAsync();
        await writer;

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.True(written > writtenAtBackupEnd || writtenAtBackupEnd > 5, "the server kept writing while the backup ran");
        Assert.Equal("ok", await ScalarAsync(during, "PRAGMA integrity_check"));
        // Every person in the copy has its audit event and no event lacks its person: one snapshot, not a mix.
        Assert.Equal(await ScalarAsync(during, "SELECT COUNT(*) FROM People WHERE Name LIKE '备份测试%'"),
            await ScalarAsync(during, "SELECT COUNT(*) FROM AuditEvents WHERE Action = 'Person.created' AND After LIKE '%备份测试%'"));
        var verify = await DubanCli.RunAsync("audit", "verify", "--data", Path.GetDirectoryName(during)!);
        Assert.True(verify.ExitCode == 0, verify.Error);

        var after = Path.Combine(App.DataDir, "backup-after", "duban.db");
        Assert.Equal(0, (await DubanCli.RunAsync("backup", "--out", after, "--data", App.DataDir)).ExitCode);
        foreach (var table in new[] { "Units", "People", "AuditEvents", "AspNetUsers", "CatalogEntries" })
        {
            Assert.Equal(await ScalarAsync(App.DatabaseFile, $"SELECT COUNT(*) FROM {table}"),
                await ScalarAsync(after, $"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        _ = App.Server;
        var target = Path.Combine(App.DataDir, "exists.db");
        await File.WriteAllTextAsync(target, "keep me");

        var result = await DubanCli.RunAsync("backup", "--out", target, "--data", App.DataDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("目标文件已存在", result.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Verbs_on_a_folder_without_a_database_say_so()
    {
        var empty = Path.Combine(App.DataDir, "nothing-here");

        var result = await DubanCli.RunAsync("audit", "verify", "--data", empty);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("数据库不存在", result.Error);
    }

    private static async Task<string> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

/// <summary>Also about PostgreSQL by nature: its backups are pg_dump's, and its database lives on a server.</summary>
[Trait("Database", "Postgres")]
public sealed class PostgresCliTests(PostgresAppFactory app) : CliTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Backup_points_to_pg_dump_and_writes_nothing()
    {
        var target = Path.Combine(App.DataDir, "backup", "duban.db");

        var result = await DubanCli.RunAsync(App.CliEnvironment, "backup", "--out", target, "--data", App.DataDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump", result.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Verbs_on_a_database_that_does_not_exist_say_so()
    {
        var missing = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Database = "duban_test_missing_" + Guid.NewGuid().ToString("N") };
        var environment = new Dictionary<string, string>(App.CliEnvironment)
        {
            ["ConnectionStrings__" + Hosting.DubanConfiguration.ConnectionStringName] = missing.ToString(),
        };

        var result = await DubanCli.RunAsync(environment, "audit", "verify", "--data", App.DataDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("数据库不存在", result.Error);
    }
}

/// <summary>No database at all: a verb's help is the same whatever the provider.</summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("user")]
    [InlineData("token")]
    [InlineData("backup")]
    [InlineData("audit")]
    public async Task Every_verb_explains_itself_with_help(string verb)
    {
        var result = await DubanCli.RunAsync(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--help", result.Output);
    }
}
