using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Duban.Core.Bulletins;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Duban.Bench;

/// <summary>
/// A bulletin over the whole bench campaign (every unit, cut-off now), side by side in one run: the whole draft
/// through <see cref="BulletinService.DraftAsync"/>, the counting alone (<see cref="BulletinFactsQuery.CountAsync"/>),
/// its statements replayed on a raw connection, a bare <c>COUNT(*) … GROUP BY UnitId</c> over the same rows, the
/// writer in memory and the Word file; each in a fresh scope as a request has it, in turn, so load hits them alike.
/// </summary>
internal static class BulletinBench
{
    private const string Campaign = "BENCH-2026";

    // The same rows the draft counts (the campaign's items registered by the cut-off, found in the period), by unit only.
    private const string BareSql = """
        SELECT "UnitId", COUNT(*) FROM "Items"
        WHERE "CampaignId" = @campaign AND "CreatedAt" <= @cutOff AND "FoundOn" >= @from AND "FoundOn" <= @to
        GROUP BY "UnitId"
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--data") is not { } data)
        {
            await Console.Error.WriteLineAsync("usage: Duban.Bench bulletins --data DIR [--runs 11]");
            return 2;
        }
        var runs = int.Parse(Value("--runs") ?? "11", CultureInfo.InvariantCulture);
        // Listening from the start: EF Core checks for listeners once a second, so one subscribed later misses the next query.
        using var capture = CommandCapture.Start();
        await using var services = BenchServices.Create(data);
        int campaignId;
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            await MigrateAsync(db);
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
            campaignId = await db.Set<Campaign>().Where(c => c.Code == Campaign).Select(c => c.Id).SingleAsync();
            var items = await db.Items.CountAsync(i => i.CampaignId == campaignId);
            var units = await db.Items.Where(i => i.CampaignId == campaignId).Select(i => i.UnitId).Distinct().CountAsync();
            Console.WriteLine($"campaign {Campaign}: {items:N0} items in {units} units");
            connectionString = db.Database.GetConnectionString()!;
        }

        var options = services.GetRequiredService<IOptions<BulletinOptions>>().Value;
        var draft = new List<double>();
        var count = new List<double>();
        var replay = new List<double>();
        var bare = new List<double>();
        var writer = new List<double>();
        var cut = new List<double>();
        string? refusal = null;
        Bulletin? bulletin = null;
        BulletinFacts? facts = null;
        List<CapturedCommand> commands = [];
        var bareRows = 0;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                try
                {
                    bulletin = await scope.ServiceProvider.GetRequiredService<BulletinService>()
                        .DraftAsync(new BulletinRequest(campaignId, null, null, null, null));
                }
                catch (DubanException e)
                {
                    refusal = e.Message;
                }
            }
            draft.Add(watch.Elapsed.TotalMilliseconds);
            if (refusal is not null)
            {
                watch.Restart();
                await using var scope = services.CreateAsyncScope();
                bulletin = await DraftCutAsync(scope.ServiceProvider, campaignId);
                cut.Add(watch.Elapsed.TotalMilliseconds);
            }

            BulletinScope counted;
            await using (var scope = services.CreateAsyncScope())
            {
                var query = scope.ServiceProvider.GetRequiredService<BulletinFactsQuery>();
                counted = await query.ScopeAsync(new BulletinRequest(campaignId, null, null, null, null));
                capture.Commands.Clear();
                capture.Recording = true;
                watch.Restart();
                facts = await query.CountAsync(counted);
                count.Add(watch.Elapsed.TotalMilliseconds);
                capture.Recording = false;
                commands = [.. capture.Commands];
            }

            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                watch.Restart();
                foreach (var command in commands)
                {
                    await using var replayed = command.On(connection, string.Empty);
                    await using var reader = await replayed.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                    }
                }
                replay.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                await using var group = connection.CreateCommand();
                group.CommandText = BareSql;
                group.Parameters.AddWithValue("@campaign", campaignId);
                group.Parameters.AddWithValue("@cutOff", counted.CutOff.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                group.Parameters.AddWithValue("@from", counted.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                group.Parameters.AddWithValue("@to", counted.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await using (var reader = await group.ExecuteReaderAsync())
                {
                    bareRows = 0;
                    while (await reader.ReadAsync())
                    {
                        bareRows += reader.GetInt32(1);
                    }
                }
                bare.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
            _ = new BulletinDraftWriter(options).Write(facts);
            writer.Add(watch.Elapsed.TotalMilliseconds);
        }

        var found = facts!.Units.Sum(u => u.Found);
        Console.WriteLine($"draft: {bulletin!.Table.Rows.Count} table rows, {bulletin.Body.Count} paragraphs " +
                          $"({bulletin.Body.Sum(p => p.Text.Length):N0} characters), {bulletin.Figures.Count:N0} figures; counted {found:N0} items " +
                          $"(closed {facts.Units.Sum(u => u.Closed):N0}, on time {facts.Units.Sum(u => u.OnTime):N0}, overdue {facts.Units.Sum(u => u.Overdue):N0}); bare count {bareRows:N0}");
        if (refusal is null)
        {
            BenchTimes.Report("(a) BulletinService.DraftAsync (facts, writer, save)", draft);
        }
        else
        {
            Console.WriteLine($"(a) BulletinService.DraftAsync REFUSED the draft: {refusal}");
            foreach (var (paragraph, index) in new BulletinDraftWriter(options).Write(facts).Body.Select((p, i) => (p, i + 1))
                .Where(p => p.p.Text.Length > Bulletin.ParagraphMaxLength))
            {
                Console.WriteLine($"    paragraph {index} ({paragraph.Part}) has {paragraph.Text.Length:N0} characters (limit {Bulletin.ParagraphMaxLength:N0}): {paragraph.Text[..40]}…");
            }
            BenchTimes.Report("(a) BulletinService.DraftAsync until the refusal", draft);
            BenchTimes.Report("(a*) the same steps with each overlong paragraph cut to the limit (facts, writer, save)", cut);
        }
        BenchTimes.Report("(b) BulletinFactsQuery.CountAsync", count);
        BenchTimes.Report($"(b') its {commands.Count} statements replayed on a raw connection", replay);
        BenchTimes.Report("(c) bare COUNT(*) GROUP BY UnitId, raw connection", bare);
        BenchTimes.Report("(a') BulletinDraftWriter.Write in memory", writer);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio (warm medians): count / bare {BenchTimes.Median(count) / BenchTimes.Median(bare):F1}; draft / bare {BenchTimes.Median(draft) / BenchTimes.Median(bare):F1}"));

        await WriteDocxAsync(options, bulletin, runs);
        await ExplainAsync(connectionString, commands);
        return 0;
    }

    /// <summary>Applies this build's pending migrations one by one, each timed (the copy is from an older build).</summary>
    private static async Task MigrateAsync(DubanDb db)
    {
        var migrator = db.GetService<IMigrator>();
        foreach (var migration in await db.Database.GetPendingMigrationsAsync())
        {
            var watch = Stopwatch.StartNew();
            await migrator.MigrateAsync(migration);
            Console.WriteLine($"migration {migration}: {watch.Elapsed.TotalSeconds:F1} s");
        }
    }

    /// <summary>
    /// <see cref="BulletinService.DraftAsync"/>'s steps with each paragraph longer than a bulletin takes cut to the limit,
    /// so what a draft of this size costs is measured while the writer still writes paragraphs the entity refuses.
    /// </summary>
    private static async Task<Bulletin> DraftCutAsync(IServiceProvider services, int campaignId)
    {
        var db = services.GetRequiredService<DubanDb>();
        var query = services.GetRequiredService<BulletinFactsQuery>();
        var options = services.GetRequiredService<IOptions<BulletinOptions>>().Value;
        var scope = await query.ScopeAsync(new BulletinRequest(campaignId, null, null, null, null));
        var counted = await query.CountAsync(scope);
        var draft = new BulletinDraftWriter(options).Write(counted);
        draft = draft with
        {
            Body = [.. draft.Body.Select(p => p.Text.Length > Bulletin.ParagraphMaxLength ? p with { Text = p.Text[..Bulletin.ParagraphMaxLength] } : p)],
        };
        var addressed = counted.Units.Where(u => u.Found > 0).Select(u => new BulletinUnit(u.UnitId, u.UnitName, RecipientRole.Main)).ToList();
        var by = new BulletinActor(db.Actor.UserId, db.Actor.DisplayName);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var bulletin = Bulletin.Draft(scope, draft, addressed, options.IssuingOrgan, counted.FeedbackDueOn, by, now);
        db.Add(bulletin);
        await db.SaveChangesAsync();
        db.Add(new BulletinRevision(bulletin, "生成草稿", by.Name, now));
        await db.SaveChangesAsync();
        return bulletin;
    }

    private static async Task WriteDocxAsync(BulletinOptions options, Bulletin bulletin, int runs)
    {
        var times = new List<double>();
        byte[] docx = [];
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            docx = BulletinDocument.Write(bulletin, options);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        BenchTimes.Report($"(d) BulletinDocument.Write ({docx.Length:N0} bytes)", times);
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).ToList();
        Console.WriteLine($"docx validation (OpenXmlValidator): {errors.Count} errors");
        foreach (var error in errors.Take(5))
        {
            Console.WriteLine($"  {error.Path?.XPath}: {error.Description}");
        }
        var path = Path.Combine(Path.GetTempPath(), "duban-bench-bulletin.docx");
        await File.WriteAllBytesAsync(path, docx);
        Console.WriteLine($"written to {path}");
    }

    /// <summary>The counting's statements as EF ran them, each with SQLite's plan; the slowest to answer first.</summary>
    private static async Task ExplainAsync(string connectionString, List<CapturedCommand> commands)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var command in commands.OrderByDescending(c => c.Milliseconds))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sql (executing, until its first row: {command.Milliseconds:F1} ms in the last count):\n{command.Text}"));
            await using var explain = command.On(connection, "EXPLAIN QUERY PLAN ");
            await using var reader = await explain.ExecuteReaderAsync();
            Console.WriteLine("plan:");
            while (await reader.ReadAsync())
            {
                Console.WriteLine("  " + reader.GetString(3));
            }
        }
    }

    private sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object Value)> Parameters, double Milliseconds)
    {
        public SqliteCommand On(SqliteConnection connection, string prefix)
        {
            var command = connection.CreateCommand();
            command.CommandText = prefix + Text;
            foreach (var (name, value) in Parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            return command;
        }
    }

    /// <summary>The commands EF Core executes while recording, read from its diagnostic events (text, parameters, duration).</summary>
    private sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public List<CapturedCommand> Commands { get; } = [];

        public bool Recording { get; set; }

        public static CommandCapture Start()
        {
            var capture = new CommandCapture();
            capture._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(capture));
            return capture;
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Recording && value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
            {
                Commands.Add(new CapturedCommand(executed.Command.CommandText,
                    [.. executed.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))],
                    executed.Duration.TotalMilliseconds));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
