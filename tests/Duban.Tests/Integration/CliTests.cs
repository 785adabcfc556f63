using System.Net;
using System.Net.Http.Json;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Duban.Tests.Integration;

/// <summary>The verbs of the one binary, run as processes against the data folder of a running server.</summary>
public sealed class CliTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Backup_taken_while_the_server_writes_is_consistent_and_matches_once_writes_stop()
    {
        var client = await app.SignedInAsync("demo-admin");
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

        var during = Path.Combine(app.DataDir, "backup-during", "duban.db");
        var backup = await DubanCli.RunAsync("backup", "--out", during, "--data", app.DataDir);
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

        var after = Path.Combine(app.DataDir, "backup-after", "duban.db");
        Assert.Equal(0, (await DubanCli.RunAsync("backup", "--out", after, "--data", app.DataDir)).ExitCode);
        foreach (var table in new[] { "Units", "People", "AuditEvents", "AspNetUsers", "CatalogEntries" })
        {
            Assert.Equal(await ScalarAsync(app.DatabaseFile, $"SELECT COUNT(*) FROM {table}"),
                await ScalarAsync(after, $"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        _ = app.Server;
        var target = Path.Combine(app.DataDir, "exists.db");
        await File.WriteAllTextAsync(target, "keep me");

        var result = await DubanCli.RunAsync("backup", "--out", target, "--data", app.DataDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("目标文件已存在", result.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task User_add_prints_a_password_that_signs_in_and_reset_password_replaces_it()
    {
        _ = app.Server;
        var added = await DubanCli.RunAsync("user", "add", "wang.liaison", "--role", "Liaison", "--unit", "秘书科", "--person", "王联络", "--data", app.DataDir);
        Assert.True(added.ExitCode == 0, added.Error);
        var password = added.Output.Split("初始密码：")[1].Trim();

        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SubmitLoginAsync("wang.liaison", password)).StatusCode);

        var reset = await DubanCli.RunAsync("user", "reset-password", "wang.liaison", "--data", app.DataDir);
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

        var result = await DubanCli.RunAsync([.. args, "--data", app.DataDir]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Token_create_prints_a_working_token_and_revoke_ends_it()
    {
        _ = app.Server;
        var created = await DubanCli.RunAsync("token", "create", "--user", "demo-supervisor", "--name", "报表", "--data", app.DataDir);
        var secret = created.Output.Trim();
        Assert.StartsWith("dbn_", secret);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(secret).GetAsync("/api/v1/me")).StatusCode);

        var list = await DubanCli.RunAsync("token", "list", "--data", app.DataDir);
        var id = list.Output.Split('\n').Single(l => l.Contains("demo-supervisor") && l.Contains("报表")).Split('\t')[0].TrimStart('#');
        var revoked = await DubanCli.RunAsync("token", "revoke", id, "--data", app.DataDir);

        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(secret).GetAsync("/api/v1/me")).StatusCode);
        Assert.DoesNotContain(secret, (await DubanCli.RunAsync("token", "list", "--data", app.DataDir)).Output);
    }

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

    [Fact]
    public async Task Verbs_on_a_folder_without_a_database_say_so()
    {
        var empty = Path.Combine(app.DataDir, "nothing-here");

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

/// <summary>Tampering gets a database of its own, so no other test reads the altered chain.</summary>
public sealed class AuditTamperTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Audit_verify_passes_on_an_untouched_database_and_names_the_first_altered_event()
    {
        _ = app.Server;
        var intact = await DubanCli.RunAsync("audit", "verify", "--data", app.DataDir);
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("审计链完好", intact.Output);

        await using (var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditEvents SET ActorName = 'someone-else' WHERE Sequence = 7";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var broken = await DubanCli.RunAsync("audit", "verify", "--data", app.DataDir);

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("第一条被破坏的事件为第 7 条", broken.Error);
    }
}
