using System.Diagnostics;
using System.Globalization;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Signals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Duban.Bench;

/// <summary>
/// The 病相 signals at the bench's scale, side by side in one run on a (copied) data folder whose items are given
/// histories first (<see cref="SignalHistory"/>): a bare read of every item event on a raw connection; the detectors
/// alone (loading with <see cref="SignalSource"/> and running all eight); the first full computation, which raises every
/// flag; a recomputation after one change (a progress report); the board as the API reads it, first and warm, beside a
/// bare <c>SELECT COUNT(*) FROM Items</c>; and the list's first page.
/// </summary>
internal static class SignalBench
{
    private const string Campaign = "BENCH-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--data") is not { } data)
        {
            await Console.Error.WriteLineAsync("usage: Duban.Bench signals --data DIR [--runs 11]");
            return 2;
        }
        var runs = int.Parse(Value("--runs") ?? "11", CultureInfo.InvariantCulture);
        await using var services = BenchServices.Create(data);
        // The bench times every computation: none is left to the background while a stale one is served.
        services.GetRequiredService<IOptions<SignalOptions>>().Value.WaitMilliseconds = int.MaxValue;
        int campaignId;
        string connectionString;
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var migrator = db.GetService<IMigrator>();
            foreach (var migration in await db.Database.GetPendingMigrationsAsync())
            {
                watch.Restart();
                await migrator.MigrateAsync(migration);
                Console.WriteLine($"migration {migration}: {watch.Elapsed.TotalSeconds:F1} s");
            }
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
            campaignId = (await db.Set<Campaign>().SingleAsync(c => c.Code == Campaign)).Id;
            connectionString = db.Database.GetConnectionString()!;
            var items = await db.Items.CountAsync(i => i.CampaignId == campaignId);
            if (await db.ItemEvents.CountAsync() < items)
            {
                watch.Restart();
                var written = await SignalHistory.AddAsync(connectionString);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"histories: {written:N0} events written in {watch.Elapsed.TotalSeconds:F1} s"));
            }
            var (events, files, unitCount) = (await db.ItemEvents.CountAsync(), await db.EvidenceFiles.CountAsync(), await db.Units.CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"campaign {Campaign}: {items:N0} items, {events:N0} events, {files:N0} files, {unitCount} units"));
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        watch.Restart();
        long rows = 0;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"ItemId\", \"Kind\", \"At\", \"ActorName\", \"Text\" FROM \"ItemEvents\"";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        var bareRead = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a) bare read of every item event, raw connection: {rows:N0} rows in {bareRead:F1} s"));

        await using (var scope = services.CreateAsyncScope())
        {
            watch.Restart();
            var items = await new SignalSource(scope.ServiceProvider.GetRequiredService<DubanDb>()).LoadAsync(campaignId);
            var loaded = watch.Elapsed.TotalSeconds;
            var units = await scope.ServiceProvider.GetRequiredService<DubanDb>().Units.Where(u => u.ParentId != null).Select(u => u.Id).ToListAsync();
            var (from, to) = SignalComputer.PeriodOf(ChinaTime.Today(TimeProvider.System));
            var context = new SignalContext(items, DateTime.UtcNow, scope.ServiceProvider.GetRequiredService<WorkCalendar>(),
                services.GetRequiredService<IOptions<SignalOptions>>().Value) { UnitIds = units, From = from, To = to, CutOffs = [to] };
            foreach (var detector in SignalDetectors.All)
            {
                var each = Stopwatch.StartNew();
                var found = detector.Detect(context).Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {SignalTerms.Name(detector.Kind)}: {found:N0} findings in {each.Elapsed.TotalSeconds:F2} s"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(b) detectors alone: load {loaded:F1} s, all eight {watch.Elapsed.TotalSeconds - loaded:F1} s, total {watch.Elapsed.TotalSeconds:F1} s"));
        }

        var computer = services.GetRequiredService<SignalComputer>();
        watch.Restart();
        var first = await computer.EnsureAsync(campaignId, null);
        var firstSeconds = watch.Elapsed.TotalSeconds;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var flags = await db.Set<SignalFlag>().CountAsync(f => f.CampaignId == campaignId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(c) first full computation (raises every flag): {firstSeconds:F1} s; {flags:N0} flags; ratio to (a) {firstSeconds / bareRead:F1}"));
            var item = await db.Items.Where(i => i.CampaignId == campaignId && i.State == ItemState.InProgress).Select(i => i.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<LedgerService>().ActAsync(item, ItemAction.ReportProgress,
                new ActionInput([new(LedgerWorkflow.Field.Text, "基准测试：一次进展报告，使数据发生变化。")]));
        }
        watch.Restart();
        var second = await computer.EnsureAsync(campaignId, null);
        var secondSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(d) recomputation after one change (computation {first} → {second}): {secondSeconds:F1} s; ratio to (a) {secondSeconds / bareRead:F1}"));

        var board = new List<double>();
        var list = new List<double>();
        var bare = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                watch.Restart();
                var drawn = await scope.ServiceProvider.GetRequiredService<SignalQueries>().BoardAsync(campaignId, null);
                board.Add(watch.Elapsed.TotalMilliseconds);
                if (run == 0)
                {
                    Console.WriteLine($"    board: {drawn.Units.Count} units, {drawn.Units.Sum(u => u.Total):N0} flags not dismissed");
                }
            }
            await using (var scope = services.CreateAsyncScope())
            {
                watch.Restart();
                await scope.ServiceProvider.GetRequiredService<SignalQueries>().ListAsync(new SignalFilter(campaignId), new PageRequest(1, 20));
                list.Add(watch.Elapsed.TotalMilliseconds);
            }
            watch.Restart();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"Items\"";
            _ = await count.ExecuteScalarAsync();
            bare.Add(watch.Elapsed.TotalMilliseconds);
        }
        BenchTimes.Report("(e) board (SignalQueries.BoardAsync, current computation)", board);
        BenchTimes.Report("(f) list, first page of 20 by strength", list);
        BenchTimes.Report("(g) bare SELECT COUNT(*) FROM Items, raw connection", bare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratios (warm medians): (e)/(g) {BenchTimes.Median(board) / BenchTimes.Median(bare):F2}, (f)/(g) {BenchTimes.Median(list) / BenchTimes.Median(bare):F2}"));
        return 0;
    }
}
