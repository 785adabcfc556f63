using System.Diagnostics;
using System.Globalization;
using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Spreadsheets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;

namespace Duban.Bench;

/// <summary>
/// The spreadsheet benchmark's steps, each run in a process of its own by bench/sheets.sh so that each has its own
/// peak memory: prepare a data folder and an N-row ledger sheet; read it with bare MiniExcel (the import's ceiling);
/// import it; write the same rows with bare MiniExcel (the export's ceiling); export them; insert N rows by raw
/// prepared statements in one transaction (the database's ceiling). Each step prints one line: step, rows, seconds.
/// </summary>
internal static class SheetBench
{
    private static readonly string[] Units = ["综合科", "秘书科", "调研督查室", "信息科", "文电科", "政务公开科", "机关事务服务中心"];
    private static readonly string[] Categories = ["推拖绕", "不准拖延超时一分钟", "庸懒散；推拖绕", "能力不足办法不多", "十不准：不准劳民多跑一趟路"];
    private static readonly string[] Deadlines = ["2026-12-31", "年底前", "2026年6月底前", "立行立改", "长期坚持", "第三季度", "46203"];
    private static readonly string[] States = ["正在整改", "已完成", "未开始", "待审核", "正在推进"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var step = args.ElementAtOrDefault(1);
        var dir = Value("--dir") ?? "bench/out/sheets";
        var rows = int.Parse(Value("--rows") ?? "100000", CultureInfo.InvariantCulture);
        var sheet = Path.Combine(dir, $"ledger-{rows}.xlsx");
        var data = Path.Combine(dir, "data");
        var watch = Stopwatch.StartNew();
        var done = step switch
        {
            "prepare" => await PrepareAsync(data, sheet, rows),
            "bare-read" => BareRead(sheet),
            "import" => await ImportAsync(data, sheet, Value("--campaign") ?? "SHEET-1"),
            "bare-write" => BareWrite(sheet, Path.Combine(dir, "bare-write.xlsx"), watch),
            "export" => await ExportAsync(data, Path.Combine(dir, "export.xlsx"), Value("--campaign") ?? "SHEET-1"),
            "raw-insert" => await RawInsertAsync(data, rows),
            _ => -1,
        };
        if (done < 0)
        {
            Console.Error.WriteLine("usage: Duban.Bench sheets prepare|bare-read|import|bare-write|export|raw-insert [--dir DIR] [--rows N] [--campaign CODE]");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}\t{done}\t{watch.Elapsed.TotalSeconds:F2}"));
        return 0;
    }

    private static ServiceProvider Services(string data) => BenchServices.Create(data);

    /// <summary>The demo organisation, three empty campaigns, and a sheet as an office writes it: title, header, N rows, a note.</summary>
    private static async Task<int> PrepareAsync(string data, string sheet, int count)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
        await using (var services = Services(data))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: true);
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            for (var i = 1; i <= 3; i++)
            {
                db.Set<Campaign>().Add(new Campaign($"SHEET-{i}", $"表格基准测试{i}", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
            }
            await db.SaveChangesAsync();
        }
        var header = LedgerColumnsInOrder().Select(LedgerColumns.StandardName).ToArray();
        var lines = new List<IDictionary<string, object?>>(count + 3)
        {
            Line(["表格基准测试问题整改台账"], header.Length),
            Line(header, header.Length),
        };
        for (var n = 1; n <= count; n++)
        {
            lines.Add(Line(RowOf(n), header.Length));
        }
        lines.Add(Line(["注：本表为基准测试生成"], header.Length));
        File.Delete(sheet);
        MiniExcel.SaveAs(sheet, lines, printHeader: false);
        return count;
    }

    private static LedgerColumn[] LedgerColumnsInOrder() => [.. StandardLedgerSheet.LedgerColumnsInOrder];

    private static string?[] RowOf(int n) =>
    [
        n.ToString(CultureInfo.InvariantCulture),
        Categories[n % Categories.Length],
        n % 3 == 0 ? "上级督查" : "自查",
        $"第{n}号问题：公文办理超过时限，群众来电答复不及时，个别窗口存在推诿现象",
        "限期办结，群众满意",
        "建立台账，逐项销号\n每周调度一次\n纳入年度考核",
        null,
        Units[n % Units.Length],
        null,
        "2026-03-01",
        Deadlines[n % Deadlines.Length],
        n % 2 == 0 ? "已召开专题会议部署整改" : null,
        States[n % States.Length],
        null,
        null,
        null,
    ];

    private static Dictionary<string, object?> Line(string?[] cells, int width) =>
        Enumerable.Range(0, width).ToDictionary(i => $"c{i}", i => (object?)(i < cells.Length ? cells[i] : null));

    /// <summary>The ceiling of the import: MiniExcel reading every row into objects, touching every cell.</summary>
    private static int BareRead(string sheet)
    {
        var count = 0;
        var cells = 0L;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(sheet, useHeaderRow: false))
        {
            count++;
            cells += row.Values.Count(v => v is not null);
        }
        return cells > 0 ? count : 0;
    }

    private static async Task<int> ImportAsync(string data, string sheet, string campaign)
    {
        await using var services = Services(data);
        await using var scope = services.CreateAsyncScope();
        var phases = new Dictionary<ImportPhase, double>();
        var watch = Stopwatch.StartNew();
        var progress = new PhaseClock(phases, watch);
        await using var content = File.OpenRead(sheet);
        var report = await scope.ServiceProvider.GetRequiredService<LedgerImporter>()
            .ImportAsync(content, Path.GetFileName(sheet), campaign, new ImportOptions { Progress = progress });
        if (report.Errors.Count > 0)
        {
            Console.Error.WriteLine($"import refused {report.Errors.Count} errors, first: row {report.Errors[0].Row} {report.Errors[0].Message}");
            return 0;
        }
        Console.Error.WriteLine(string.Join("  ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} ends at {p.Value:F2} s"))));
        return report.Imported;
    }

    /// <summary>The ceiling of the export: MiniExcel writing the same rows (read in first, untimed).</summary>
    private static int BareWrite(string sheet, string target, Stopwatch watch)
    {
        var rows = MiniExcel.Query(sheet, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        watch.Restart();
        File.Delete(target);
        MiniExcel.SaveAs(target, rows, printHeader: false);
        return rows.Count;
    }

    private static async Task<int> ExportAsync(string data, string target, string campaign)
    {
        await using var services = Services(data);
        await using var scope = services.CreateAsyncScope();
        await using var output = File.Create(target);
        return await scope.ServiceProvider.GetRequiredService<LedgerExporter>().ExportAsync(output, campaign, null);
    }

    /// <summary>The database's ceiling: N rows of a ledger's width by one prepared insert, in one transaction.</summary>
    private static async Task<int> RawInsertAsync(string data, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "duban.db")}");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, unit INTEGER, problem TEXT, measures TEXT, due TEXT, state INTEGER);";
            await create.ExecuteNonQueryAsync();
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bench_rows (unit, problem, measures, due, state) VALUES ($unit, $problem, $measures, $due, $state)";
        var unit = insert.Parameters.Add("$unit", SqliteType.Integer);
        var problem = insert.Parameters.Add("$problem", SqliteType.Text);
        var measures = insert.Parameters.Add("$measures", SqliteType.Text);
        var due = insert.Parameters.Add("$due", SqliteType.Text);
        var state = insert.Parameters.Add("$state", SqliteType.Integer);
        insert.Prepare();
        for (var n = 1; n <= count; n++)
        {
            var row = RowOf(n);
            unit.Value = n % Units.Length;
            problem.Value = row[3];
            measures.Value = row[5];
            due.Value = "2026-12-31";
            state.Value = n % 5;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return count;
    }

    private sealed class PhaseClock(Dictionary<ImportPhase, double> phases, Stopwatch watch) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => phases[value.Phase] = watch.Elapsed.TotalSeconds;
    }
}
