using System.Diagnostics;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Draws;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// Times a draw over the closed items of the bench campaign and its verify, through the app's own service, each in
/// a fresh service scope (a fresh context, as a request or the verify verb has), three rounds in turn.
/// </summary>
internal static class DrawBench
{
    private const string Seed = "2026年第317期 845";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var dataDir = Value("--data");
        if (dataDir is null)
        {
            await Console.Error.WriteLineAsync("usage: Duban.Bench draws --data DIR [--count 100] [--rounds 3]");
            return 2;
        }
        var count = int.Parse(Value("--count") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        var rounds = int.Parse(Value("--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        await using var services = BenchServices.Create(dataDir);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var items = await db.Items.CountAsync();
            var closed = await db.Items.CountAsync(i => i.State == ItemState.Closed);
            Console.WriteLine($"items: {items:N0}, closed: {closed:N0} ({100.0 * closed / items:F1} %)");
        }
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            string code;
            int size;
            await using (var scope = services.CreateAsyncScope())
            {
                var drawn = await scope.ServiceProvider.GetRequiredService<DrawService>()
                    .DrawAsync(new DrawInput("BENCH-2026", DrawTerms.ClosedItemsName, count, Seed));
                (code, size) = (drawn.Draw.Code, drawn.Draw.PopulationSize);
            }
            var drawTime = watch.Elapsed;
            watch.Restart();
            DrawVerification check;
            await using (var scope = services.CreateAsyncScope())
            {
                check = await scope.ServiceProvider.GetRequiredService<DrawService>().VerifyAsync(code);
            }
            var verifyTime = watch.Elapsed;
            Console.WriteLine($"round {round}: {code} draws {count} of {size:N0}: {drawTime.TotalMilliseconds:F0} ms; "
                              + $"verify ({(check.Consistent ? "一致" : "不一致")}): {verifyTime.TotalMilliseconds:F0} ms");
        }
        await using (var scope = services.CreateAsyncScope())
        {
            // Where a draw's time goes: reading the candidates, then drawing in memory; the rest is the save.
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var watch = Stopwatch.StartNew();
            var campaign = await db.Set<Core.Campaigns.Campaign>().FirstAsync(c => c.Code == "BENCH-2026");
            var codes = await db.Items.AsNoTracking().Where(i => i.CampaignId == campaign.Id && i.State == ItemState.Closed)
                .Select(i => i.Code).ToListAsync();
            var read = watch.Elapsed;
            watch.Restart();
            var draw = Draw.Make(campaign.Id, campaign.Year, 0, codes,
                new DrawRequest(DrawPopulation.ClosedItems, count, Seed, null), new ItemActor(null, "bench"), DateTime.UtcNow);
            Console.WriteLine($"of which: reading {codes.Count:N0} candidates {read.TotalMilliseconds:F0} ms, drawing in memory "
                              + $"{watch.Elapsed.TotalMilliseconds:F0} ms ({draw.PopulationText.Length:N0} characters of population)");
        }
        var keys = Enumerable.Range(1, 300_000).Select(n => RectificationItem.CodeFor("ZG", 2026, n)).ToList();
        var method = Stopwatch.StartNew();
        var population = DrawMethod.Sorted(keys);
        _ = DrawMethod.PopulationHash(population);
        _ = DrawMethod.Select(Seed, population, count);
        Console.WriteLine($"the method alone (sort, hash, rank, select) over 300,000 keys in memory: {method.Elapsed.TotalMilliseconds:F0} ms");
        return 0;
    }
}
