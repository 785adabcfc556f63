using Duban.Api;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// The list's totals and light counts are served from an in-memory tally where they can be; changes saved by another
/// process (the command line, another app instance) must show in them at once, as they do in the export.
/// </summary>
public abstract class OutsideChangeTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Totals_and_lights_include_items_the_command_line_imported_while_the_server_ran()
    {
        var tally = app.Services.GetRequiredService<LightTally>();
        for (var i = 0; i < 100 && !tally.IsReady; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.True(tally.IsReady, "the tally was not built within 10 s of start");
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var totalBefore = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1")).Total;
        var code = "OUT-" + Guid.NewGuid().ToString("N")[..8];
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            db.Set<Campaign>().Add(new Campaign(code, "外部导入测试", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
            return await db.SaveChangesAsync();
        });
        var sheet = Path.Combine(app.DataDir, code + ".xlsx");
        await File.WriteAllBytesAsync(sheet, LedgerSheets.Xlsx([LedgerSheets.Header,
            LedgerSheets.Row("1", "外部进程导入的问题一"), LedgerSheets.Row("2", "外部进程导入的问题二", deadline: "2020-01-31", found: "2019-12-01"),
            LedgerSheets.Row("3", "外部进程导入的问题三", state: "已完成")]), TestContext.Current.CancellationToken);

        var imported = await DubanCli.RunAsync(app.CliEnvironment, "import", sheet, "--campaign", code, "--data", app.DataDir);

        Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
        var inDatabase = await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().Items.CountAsync());
        Assert.Equal(totalBefore + 3, inDatabase);
        Assert.Equal(inDatabase, (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1")).Total);
        var lights = await supervisor.GetJsonAsync<LightsResponse>("/api/v1/items/lights");
        Assert.Equal(inDatabase, lights.Total.Total);
        var closedInDatabase = await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().Items.CountAsync(i => i.State == ItemState.Closed));
        Assert.Equal(closedInDatabase, (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1&state=Closed")).Total);
        Assert.Equal(closedInDatabase, lights.Total.Closed);
        // The database's grouped count (any filter, here each campaign) agrees with the tally, light by light.
        var campaigns = await supervisor.CampaignsAsync();
        var byCampaign = await Task.WhenAll(campaigns.Select(c => supervisor.GetJsonAsync<LightsResponse>($"/api/v1/items/lights?campaign={c.Id}")));
        Assert.Equal(lights.Total, new LightCounts(byCampaign.Sum(l => l.Total.Red), byCampaign.Sum(l => l.Total.Yellow),
            byCampaign.Sum(l => l.Total.Green), byCampaign.Sum(l => l.Total.Closed)));
        Assert.Contains(byCampaign, l => l.Total.Red > 0 && l.Total.Yellow + l.Total.Green > 0);
    }
}

public sealed class SqliteOutsideChangeTests(SqliteAppFactory app) : OutsideChangeTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresOutsideChangeTests(PostgresAppFactory app) : OutsideChangeTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
