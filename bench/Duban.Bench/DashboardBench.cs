using System.Diagnostics;
using System.Globalization;
using Duban.Core.Dashboard;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// The dashboard's query in process, side by side in one run on a (copied, migrated) data folder: the light tally
/// built as the server builds it at start, then <see cref="DashboardQuery.ComputeAsync"/> as the system (the overview),
/// the first call and the median of the rest, each in a fresh scope as a request has it; beside it a bare
/// <c>SELECT COUNT(*) FROM Items</c> on a raw connection. bench/dashboard.sh times the same over HTTP.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--data") is not { } data)
        {
            await Console.Error.WriteLineAsync("usage: Duban.Bench dashboard --data DIR [--runs 21]");
            return 2;
        }
        var runs = int.Parse(Value("--runs") ?? "21", CultureInfo.InvariantCulture);
        await using var services = BenchServices.Create(data);
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
            connectionString = scope.ServiceProvider.GetRequiredService<DubanDb>().Database.GetConnectionString()!;
        }
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<LightTally>().RebuildAsync(CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"light tally built in {watch.Elapsed.TotalMilliseconds:F0} ms"));

        var compute = new List<double>();
        var bare = new List<double>();
        Dashboard? dashboard = null;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        for (var run = 0; run < runs; run++)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                watch.Restart();
                dashboard = await scope.ServiceProvider.GetRequiredService<DashboardQuery>().ComputeAsync(null);
                compute.Add(watch.Elapsed.TotalMilliseconds);
            }
            watch.Restart();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"Items\"";
            _ = await count.ExecuteScalarAsync();
            bare.Add(watch.Elapsed.TotalMilliseconds);
        }
        var figures = dashboard!.Numbers.ToDictionary(n => n.Key, n => n.Value);
        Console.WriteLine($"dashboard {dashboard.Kind}: {figures.Count} figures; items {figures["items"]:N0}, red {figures["items.Red"]:N0}, " +
                          $"{dashboard.Units.Count} bars, {dashboard.Weeks.Count} weeks");
        BenchTimes.Report("(a) DashboardQuery.ComputeAsync", compute);
        BenchTimes.Report("(b) bare SELECT COUNT(*) FROM Items, raw connection", bare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (warm medians) (a)/(b): {BenchTimes.Median(compute) / BenchTimes.Median(bare):F2}"));
        return 0;
    }
}
