using System.Diagnostics;
using System.Globalization;
using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Common.Workflow;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Duban.Bench;

/// <summary>
/// Builds the benchmark's data: the schema through the app's own start-up, 500 units and their people through the
/// app's services, a supervisor with an API token, then N items in every state and light by prepared bulk inserts
/// (the fixture is data to read; its rows carry no audit events), and one item with a full history through the
/// ledger service for the detail measurement.
/// </summary>
internal static class LedgerGenerator
{
    public const string SupervisorName = "bench-supervisor";

    public static async Task RunAsync(BenchOptions options)
    {
        var watch = Stopwatch.StartNew();
        var services = BenchServices.Create(options.DataDir);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(loadDemo: false);
        var db = sp.GetRequiredService<DubanDb>();
        if (await db.Items.AnyAsync())
        {
            Console.WriteLine("data folder already holds items; nothing to do");
            return;
        }

        var leaves = await CreateUnitsAsync(sp, options.Units);
        Console.WriteLine($"units: {leaves.Count} leaves ({watch.Elapsed.TotalSeconds:F1} s)");
        var people = await CreatePeopleAsync(db, leaves);
        db.Set<Campaign>().Add(new Campaign("BENCH-2026", "2026年转变作风改善发展环境建设年（基准测试）", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        await db.SaveChangesAsync();
        var campaign = await db.Set<Campaign>().FirstAsync(c => c.Code == "BENCH-2026");
        await sp.GetRequiredService<AccountService>().CreateAsync(SupervisorName, Roles.Supervisor, leaves[0].Name, password: "Bench#2026");
        var (_, token) = await sp.GetRequiredService<TokenService>().CreateAsync(SupervisorName, "benchmark");

        await InsertItemsAsync(db.Database.GetConnectionString()!, campaign.Id, leaves, people, options.Items);
        Console.WriteLine($"items: {options.Items} ({watch.Elapsed.TotalSeconds:F1} s)");

        var detail = await CreateDetailItemAsync(sp, campaign.Id, leaves[1]);
        await using (var connection = new SqliteConnection(db.Database.GetConnectionString()))
        {
            await connection.OpenAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }
        await File.WriteAllTextAsync(Path.Combine(options.DataDir, "bench.env"),
            $"TOKEN={token}\nUNIT={leaves[7].Id}\nDETAIL={detail}\n");
        Console.WriteLine($"done in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A root, 20 departments and the rest as sections under them: about <paramref name="count"/> units.</summary>
    private static async Task<List<Unit>> CreateUnitsAsync(IServiceProvider sp, int count)
    {
        var units = sp.GetRequiredService<UnitService>();
        var root = await units.CreateAsync(new UnitInput("区委·区政府", UnitKind.Government, null, 0));
        var departments = new List<Unit>();
        for (var d = 1; d <= 20; d++)
        {
            departments.Add(await units.CreateAsync(new UnitInput($"部门{d:00}", UnitKind.Office, root.Id, d)));
        }
        var leaves = new List<Unit>();
        for (var s = 0; leaves.Count + departments.Count + 1 < count; s++)
        {
            var parent = departments[s % departments.Count];
            leaves.Add(await units.CreateAsync(new UnitInput($"{parent.Name}科室{s / departments.Count + 1:00}", UnitKind.Section, parent.Id, s)));
        }
        return leaves;
    }

    private static async Task<Dictionary<int, int[]>> CreatePeopleAsync(DubanDb db, List<Unit> leaves)
    {
        var people = leaves.SelectMany(u => new[] { new Person($"{u.Name}科长", u, "科长", true), new Person($"{u.Name}科员", u, "科员", true) }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToArray());
    }

    private static async Task InsertItemsAsync(string connectionString, int campaignId, List<Unit> leaves,
        Dictionary<int, int[]> people, int count)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Items (CampaignId, Number, Code, UnitId, UnitPath, State, Source, Problem, Goal, MeasuresText,
                LeaderPersonId, ResponsiblePersonId, FoundOn, DeadlineKind, ReportingPeriod, DueOn, UrgeCount, CreatedAt,
                UpdatedAt, Version, ClosedAt, SubmittedByUserId)
            VALUES ($campaign, $number, $code, $unit, $path, $state, $source, $problem, $goal, $measures, $leader,
                $person, $found, $kind, $period, $due, $urges, $created, $created, $version, $closed, NULL)
            """;
        string[] names = ["$campaign", "$number", "$code", "$unit", "$path", "$state", "$source", "$problem", "$goal",
            "$measures", "$leader", "$person", "$found", "$kind", "$period", "$due", "$urges", "$created", "$version", "$closed"];
        var p = names.ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        insert.Prepare();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var created = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        string[] problems = ["公文办理超时限", "来电来访答复不及时", "学习计划缺乏针对性", "会议材料数据不一致", "督办事项跟踪不到位", "值班纪律松弛"];
        for (var n = 1; n <= count; n++)
        {
            var unit = leaves[n % leaves.Count];
            var staff = people[unit.Id];
            var state = n % 5;
            var kind = (n % 10) switch { 3 => 1, 7 => 2, _ => 0 };
            var found = today.AddDays(-(30 + n % 60));
            var due = kind switch { 1 => found.AddDays(7), 2 => found.AddMonths(1).AddDays(n % 40), _ => today.AddDays(n % 180 - 60) };
            p["$campaign"].Value = campaignId;
            p["$number"].Value = n;
            p["$code"].Value = RectificationItem.CodeFor(Campaign.DefaultItemPrefix, 2026, n);
            p["$unit"].Value = unit.Id;
            p["$path"].Value = unit.Path;
            p["$state"].Value = state;
            p["$source"].Value = n % 8;
            p["$problem"].Value = $"{problems[n % problems.Length]}（第 {n} 项）";
            p["$goal"].Value = "按期整改到位";
            p["$measures"].Value = "建立台账\n明确责任人\n按周调度";
            p["$leader"].Value = staff[0];
            p["$person"].Value = staff[1];
            p["$found"].Value = found.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p["$kind"].Value = kind;
            p["$period"].Value = kind == 2 ? 1 : DBNull.Value;
            p["$due"].Value = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p["$urges"].Value = n % 7 == 0 ? 1 : 0;
            p["$created"].Value = created;
            p["$version"].Value = 1 + state;
            p["$closed"].Value = state == 4 ? created : DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task<int> CreateDetailItemAsync(IServiceProvider sp, int campaignId, Unit unit)
    {
        var ledger = sp.GetRequiredService<LedgerService>();
        var details = new ItemDetails([1, 2, 3], ItemSource.SuperiorInspection, "基准测试用的详情事项：办理全过程", "整改到位",
            ["措施一", "措施二", "措施三"], null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20), DeadlineKind.Date,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), null);
        var item = await ledger.RegisterAsync(new RegisterInput(campaignId, unit.Id, details));
        await ledger.ActAsync(item.Id, ItemAction.Assign, ActionInput.None);
        await ledger.ActAsync(item.Id, ItemAction.Start, ActionInput.None);
        for (var i = 1; i <= 10; i++)
        {
            await ledger.ActAsync(item.Id, ItemAction.ReportProgress, new([new(LedgerWorkflow.Field.Text, $"第 {i} 次进展报告")]));
        }
        await ledger.ActAsync(item.Id, ItemAction.Urge, new([new(LedgerWorkflow.Field.Message, "请加快进度")]));
        return item.Id;
    }
}
