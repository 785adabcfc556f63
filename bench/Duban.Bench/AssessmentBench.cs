using System.Diagnostics;
using System.Globalization;
using Duban.Core.Assessment;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// A yearly assessment of every unit of the bench campaign, side by side in one run: the whole computation
/// (<see cref="AssessmentService.ComputeAsync"/>: gathering, scoring, ranking, saving with its audit), the gathering
/// alone, a bare <c>COUNT(*) … GROUP BY UnitId</c> over the items closed in the year, reading the run back as the API
/// answers it, and the sheet; each in a fresh scope as a request has it, in turn, so load hits them alike.
/// </summary>
internal static class AssessmentBench
{
    private const string Campaign = "BENCH-2026";

    private const string BareSql = """
        SELECT "UnitId", COUNT(*) FROM "Items"
        WHERE "CampaignId" = @campaign AND "ClosedAt" IS NOT NULL AND "ClosedOn" >= @from AND "ClosedOn" <= @to
        GROUP BY "UnitId"
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--data") is not { } data)
        {
            await Console.Error.WriteLineAsync("usage: Duban.Bench assessment --data DIR [--runs 5]");
            return 2;
        }
        var runs = int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture);
        await using var services = BenchServices.Create(data);
        int campaignId;
        int year;
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var migrator = db.GetService<IMigrator>();
            foreach (var migration in await db.Database.GetPendingMigrationsAsync())
            {
                var watch = Stopwatch.StartNew();
                await migrator.MigrateAsync(migration);
                Console.WriteLine($"migration {migration}: {watch.Elapsed.TotalSeconds:F1} s");
            }
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
            var campaign = await db.Set<Campaign>().SingleAsync(c => c.Code == Campaign);
            (campaignId, year) = (campaign.Id, campaign.Year);
            var items = await db.Items.CountAsync(i => i.CampaignId == campaignId);
            var units = await db.Units.CountAsync();
            Console.WriteLine($"campaign {Campaign}: {items:N0} items, {units} units");
            connectionString = db.Database.GetConnectionString()!;
        }
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);

        var compute = new List<double>();
        var gather = new List<double>();
        var bare = new List<double>();
        var read = new List<double>();
        var sheet = new List<double>();
        AssessmentRun? run = null;
        var events = 0;
        var bareRows = 0;
        long jsonBytes = 0;
        long sheetBytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                run = await scope.ServiceProvider.GetRequiredService<AssessmentService>().ComputeAsync(new RunRequest(campaignId, from, to, null, null));
            }
            compute.Add(watch.Elapsed.TotalMilliseconds);

            await using (var scope = services.CreateAsyncScope())
            {
                var unitIds = await scope.ServiceProvider.GetRequiredService<DubanDb>().Units.Where(u => u.ParentId != null).Select(u => u.Id).ToListAsync();
                watch.Restart();
                var facts = await scope.ServiceProvider.GetRequiredService<AssessmentFactsQuery>().GatherAsync(campaignId, from, to, run.CutOff, unitIds);
                gather.Add(watch.Elapsed.TotalMilliseconds);
                events = facts.Values.Sum(f => f.Events.Count);
            }

            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                watch.Restart();
                await using var group = connection.CreateCommand();
                group.CommandText = BareSql;
                group.Parameters.AddWithValue("@campaign", campaignId);
                group.Parameters.AddWithValue("@from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                group.Parameters.AddWithValue("@to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await using var reader = await group.ExecuteReaderAsync();
                bareRows = 0;
                while (await reader.ReadAsync())
                {
                    bareRows += reader.GetInt32(1);
                }
                bare.Add(watch.Elapsed.TotalMilliseconds);
            }

            await using (var scope = services.CreateAsyncScope())
            {
                watch.Restart();
                var queries = scope.ServiceProvider.GetRequiredService<AssessmentQueries>();
                var views = await queries.ResultViewsAsync(await queries.RunAsync(run.Id));
                read.Add(watch.Elapsed.TotalMilliseconds);
                jsonBytes = views.Sum(v => (long)v.Result.Breakdown!.LinesJson.Length);
            }

            await using (var scope = services.CreateAsyncScope())
            {
                watch.Restart();
                sheetBytes = (await scope.ServiceProvider.GetRequiredService<AssessmentExport>().SheetAsync(run.Id)).Content.Length;
                sheet.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"run {run!.Title}: {run.UnitCount} units, {events:N0} events, breakdowns {jsonBytes / 1024.0 / 1024.0:F1} MB of JSON; bare count {bareRows:N0} closed items; sheet {sheetBytes:N0} bytes");
        BenchTimes.Report("(a) AssessmentService.ComputeAsync, a year, every unit (gather, score, rank, save with audit)", compute);
        BenchTimes.Report("(b) AssessmentFactsQuery.GatherAsync alone", gather);
        BenchTimes.Report("(c) bare COUNT(*) GROUP BY UnitId over the year's closed items, raw connection", bare);
        BenchTimes.Report("(d) the run read back as GET /api/v1/assessment/runs/{id} has it", read);
        BenchTimes.Report("(e) the xlsx sheet", sheet);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio (medians): compute / bare {BenchTimes.Median(compute) / BenchTimes.Median(bare):F1}; gather / bare {BenchTimes.Median(gather) / BenchTimes.Median(bare):F1}"));
        return 0;
    }
}
