using System.Diagnostics;
using System.Globalization;
using Duban.Core.Data;
using Duban.Core.Supervision.Slips;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// The urge-slip proposal at bench scale: on a data folder from <c>generate</c> (migrated to this build first),
/// optionally issues some slips through the service so "had an earlier slip" has rows to find, then times
/// <see cref="SlipQueries.ProposalAsync"/> (the first call, then the median of the rest, each in a fresh scope as a
/// request has it) and prints the query's SQL and SQLite's plan for it.
/// </summary>
internal static class SlipBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--data") is not { } data)
        {
            Console.Error.WriteLine("usage: Duban.Bench slips --data DIR [--runs 21] [--issue 100]");
            return 2;
        }
        var runs = int.Parse(Value("--runs") ?? "21", CultureInfo.InvariantCulture);
        var issue = int.Parse(Value("--issue") ?? "0", CultureInfo.InvariantCulture);
        var services = BenchServices.Create(data);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
        }
        if (issue > 0)
        {
            await IssueAsync(services, issue);
        }

        var times = new List<double>();
        IReadOnlyList<ProposalLine> lines = [];
        for (var run = 0; run < runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<SlipQueries>();
            var watch = Stopwatch.StartNew();
            lines = await queries.ProposalAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var rest = times.Skip(1).Order().ToList();
        Console.WriteLine($"proposal: {lines.Count} units, {lines.Sum(l => l.Total)} items (blue {lines.Sum(l => l.Blue)}, " +
                          $"yellow {lines.Sum(l => l.Yellow)}, red {lines.Sum(l => l.Red)})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first {times[0]:F1} ms; median of {rest.Count} {(rest.Count == 0 ? 0 : rest[rest.Count / 2]):F1} ms; min {rest.FirstOrDefault():F1} ms; max {rest.LastOrDefault():F1} ms"));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var query = scope.ServiceProvider.GetRequiredService<SlipQueries>().ProposalCounts();
            var command = query.CreateDbCommand();
            Console.WriteLine("sql:\n" + command.CommandText);
            await using var connection = new SqliteConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (System.Data.Common.DbParameter parameter in command.Parameters)
            {
                explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value ?? DBNull.Value);
            }
            await using var reader = await explain.ExecuteReaderAsync();
            Console.WriteLine("plan:");
            while (await reader.ReadAsync())
            {
                Console.WriteLine("  " + reader.GetString(3));
            }
        }
        return 0;
    }

    /// <summary>Issues slips through the service, each for the most overdue qualifying items of one unit (up to 5).</summary>
    private static async Task IssueAsync(ServiceProvider services, int count)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ProposalLine> lines;
        await using (var scope = services.CreateAsyncScope())
        {
            lines = await scope.ServiceProvider.GetRequiredService<SlipQueries>().ProposalAsync();
        }
        foreach (var line in lines.Take(count))
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<SlipQueries>();
            var candidates = await queries.CandidatesAsync(line.UnitId);
            await scope.ServiceProvider.GetRequiredService<SlipService>().IssueAsync(new SlipInput(
                [.. candidates.Take(5).Select(c => c.ItemId)], "请抓紧整改，按期反馈。", queries.Today.AddDays(7)));
        }
        Console.WriteLine($"issued {Math.Min(count, lines.Count)} slips ({watch.Elapsed.TotalSeconds:F1} s)");
    }
}
