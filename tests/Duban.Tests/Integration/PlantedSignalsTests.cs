using System.Globalization;
using System.Text;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Signals;
using Duban.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// Every detector scored on a planted ledger over a real database: per 病相, the share of its flags that were planted
/// (precision) and of the planted ones it flagged (recall), on the generator's own units only. A flag matches a planted
/// one by kind, unit and item (虚假空 flags both items of a pair). The table is printed and kept in TestResults.
/// </summary>
public abstract class PlantedSignalsTests<TFactory>(TFactory app, ITestOutputHelper output) where TFactory : DubanFactory
{
    private const double Floor = 0.9;

    private sealed record Score(SignalKind Kind, int Planted, int NearMisses, int Found, int Hits, int NearMissesFlagged)
    {
        public double Precision => Found == 0 ? 1 : Hits / (double)Found;

        public double Recall => Planted == 0 ? 0 : Hits / (double)Planted;
    }

    [Fact]
    public async Task Every_signal_flags_what_was_planted_and_not_its_near_misses()
    {
        var planted = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<DubanDb>();
            var campaign = await db.Set<Campaign>().OrderBy(c => c.Id).FirstAsync();
            return await PlantedLedger.GenerateAsync(db, services.GetRequiredService<EvidenceStore>(), campaign, app.Clock.GetUtcNow().UtcDateTime);
        });
        var (items, flags) = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<DubanDb>();
            var campaign = await db.Set<Campaign>().OrderBy(c => c.Id).FirstAsync();
            var items = await new SignalSource(db).LoadAsync(campaign.Id);
            var context = planted.Context(items);
            var units = planted.UnitIds.ToHashSet();
            return (items, SignalDetectors.All.SelectMany(d => d.Detect(context)).Where(f => units.Contains(f.UnitId))
                .Select(f => new PlantedFlag(f.Kind, f.UnitId, f.ItemId)).ToHashSet());
        });
        Assert.Subset(items.Select(i => i.Id).ToHashSet(), planted.ItemIds.ToHashSet());

        var scores = Enum.GetValues<SignalKind>().Select(kind => new Score(kind,
            planted.Planted.Count(p => p.Kind == kind),
            planted.NearMisses.Count(n => n.Kind == kind),
            flags.Count(f => f.Kind == kind),
            flags.Count(f => f.Kind == kind && planted.Planted.Contains(f)),
            planted.NearMisses.Count(n => n.Kind == kind && flags.Contains(n)))).ToList();
        var report = Report(planted, scores, flags, items.ToDictionary(i => i.Id, i => i.Code));
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(TestResultsFolder.Path(), $"signals-precision-recall-{app.Provider.ToString().ToLowerInvariant()}.txt"),
            report, TestContext.Current.CancellationToken);

        var below = scores.Where(s => s.Precision < Floor || s.Recall < Floor)
            .Select(s => $"{SignalTerms.Name(s.Kind)}: precision {s.Precision:0.00} ({s.Hits}/{s.Found}), recall {s.Recall:0.00} ({s.Hits}/{s.Planted})").ToList();
        Assert.True(below.Count == 0, $"Below {Floor} on {app.Provider}:\n{string.Join('\n', below)}\n\n{report}");
    }

    private string Report(PlantedSet planted, IReadOnlyList<Score> scores, HashSet<PlantedFlag> flags, Dictionary<int, string> codes)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Planted 病相 on {app.Provider}: {planted.UnitIds.Count} units, {planted.ItemIds.Count} items; as of {ChinaTimeText(planted.AsOf)}, " +
                                 $"period {planted.From:yyyy-MM-dd}–{planted.To:yyyy-MM-dd}, cut-offs {string.Join(", ", planted.CutOffs.Select(c => c.ToString("yyyy-MM-dd", culture)))}");
        text.AppendLine("signal          planted  near-misses  found  hits  near-misses-flagged  precision  recall");
        foreach (var s in scores)
        {
            text.AppendLine(culture, $"{SignalTerms.Name(s.Kind)} {s.Kind,-12} {s.Planted,7}  {s.NearMisses,11}  {s.Found,5}  {s.Hits,4}  {s.NearMissesFlagged,19}  {s.Precision,9:0.00}  {s.Recall,6:0.00}");
        }
        string Of(PlantedFlag f) => f.ItemId is { } item ? $"{SignalTerms.Name(f.Kind)} item {codes[item]} (unit {f.UnitId})" : $"{SignalTerms.Name(f.Kind)} unit {f.UnitId}";
        foreach (var missed in planted.Planted.Where(p => !flags.Contains(p)).OrderBy(p => p.Kind))
        {
            text.AppendLine("missed: " + Of(missed));
        }
        foreach (var wrong in flags.Where(f => !planted.Planted.Contains(f)).OrderBy(f => f.Kind))
        {
            text.AppendLine("not planted: " + Of(wrong));
        }
        return text.ToString();
    }

    private static string ChinaTimeText(DateTime utc) => Core.Common.ChinaTime.Format(utc);
}

public sealed class SqlitePlantedSignalsTests(SqliteAppFactory app, ITestOutputHelper output)
    : PlantedSignalsTests<SqliteAppFactory>(app, output), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresPlantedSignalsTests(PostgresAppFactory app, ITestOutputHelper output)
    : PlantedSignalsTests<PostgresAppFactory>(app, output), IClassFixture<PostgresAppFactory>;
