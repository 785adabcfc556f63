using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Duban.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace Duban.Bench;

/// <summary>
/// Gives a generated bench ledger (items without histories) the histories the 病相 detectors read, written in one
/// transaction on a raw connection as the generator writes items: every item created, and by its state assigned,
/// started, reported on (0–3 reports: three of 40 stock phrases around a subject of its own, some long silent),
/// submitted and closed; one in 40 with an
/// extension request (one in 400 with two), one in 300 passed on twice, one in 250 returned twice; one in 100 with an
/// evidence file; one report in 5,000 copied from an earlier item (another unit's) and one file in 20,000 shared. (An
/// item's state is its number modulo 5, so each pattern picks numbers of the states it needs.)
/// </summary>
internal static class SignalHistory
{
    private static readonly string[] Fragments =
    [
        "召开专题会议研究部署", "逐项梳理问题清单", "修订完善工作制度", "对照台账逐条核对", "组织骨干开展培训", "约谈相关责任人员",
        "建立周调度工作机制", "开展交叉检查互评", "完善考核评价办法", "落实首问负责制度", "优化办事服务流程", "清理积压文件材料",
        "整理归档历史资料", "公开服务承诺事项", "设立意见建议信箱", "走访服务对象征求意见", "通报典型问题案例", "制定整改时间节点",
        "明确牵头科室分工", "开展随机抽查核验", "上线网上预约办理", "压缩办理时限要求", "统一业务填报口径", "建立问题销号台账",
        "复核前期整改成效", "召开科务会通报进展", "推行容缺受理办法", "加强值班值守检查", "规范公文流转环节", "完善信息报送流程",
        "落实限时办结要求", "组织专项业务测试", "更新岗位职责清单", "开展作风纪律教育", "强化督办跟踪问效", "建立协调联动机制",
        "完善应急处置预案", "细化工作考核指标", "推进数据共享互通", "聘请社会监督人员",
    ];

    private static readonly string[] EventColumns = ["$item", "$kind", "$at", "$text", "$from", "$to", "$old", "$new"];
    private static readonly string[] FileColumns = ["$item", "$sha", "$at"];

    public static async Task<long> AddAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var items = new List<(int Id, int UnitId, int State, string DueOn)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"Id\", \"UnitId\", \"State\", \"DueOn\" FROM \"Items\" ORDER BY \"Id\"";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
            }
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "ItemEvents" ("ItemId", "Kind", "At", "ActorName", "Text", "FromUnitId", "ToUnitId", "OldDueOn", "NewDueOn")
            VALUES ($item, $kind, $at, 'bench', $text, $from, $to, $old, $new)
            """;
        var p = EventColumns.ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        insert.Prepare();
        await using var file = connection.CreateCommand();
        file.Transaction = transaction;
        file.CommandText = """
            INSERT INTO "EvidenceFiles" ("ItemId", "FileName", "ContentType", "Size", "Sha256", "UploadedAt", "UploadedByName")
            VALUES ($item, '整改材料.pdf', 'application/pdf', 1024, $sha, $at, 'bench')
            """;
        var f = FileColumns.ToDictionary(n => n, n => file.Parameters.Add(n, SqliteType.Text));
        file.Prepare();
        var now = DateTime.UtcNow;
        long written = 0;
        string previousReport = string.Empty;

        async Task EventAsync(int item, ItemEventKind kind, DateTime at, string? text = null, int? from = null, int? to = null, string? old = null, string? @new = null)
        {
            p["$item"].Value = item;
            p["$kind"].Value = (int)kind;
            p["$at"].Value = at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
            p["$text"].Value = (object?)text ?? DBNull.Value;
            p["$from"].Value = (object?)from ?? DBNull.Value;
            p["$to"].Value = (object?)to ?? DBNull.Value;
            p["$old"].Value = (object?)old ?? DBNull.Value;
            p["$new"].Value = (object?)@new ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            written++;
        }

        foreach (var (id, unitId, state, dueOn) in items)
        {
            var random = new Random(id);
            var start = now.AddDays(-(30 + id % 60)).AddMinutes(random.Next(600));
            await EventAsync(id, ItemEventKind.Created, start);
            if (state >= (int)ItemState.Assigned)
            {
                await EventAsync(id, ItemEventKind.Assigned, start.AddDays(1));
            }
            if (id % 300 == 1)
            {
                await EventAsync(id, ItemEventKind.Reassigned, start.AddDays(2), "职责调整", unitId + 1, unitId + 2);
                await EventAsync(id, ItemEventKind.Reassigned, start.AddDays(3), "职责调整", unitId + 2, unitId);
            }
            if (state >= (int)ItemState.InProgress)
            {
                await EventAsync(id, ItemEventKind.Started, start.AddDays(2));
                for (var r = 0; r < id % 4; r++)
                {
                    var report = id % 5000 == 2 && previousReport.Length > 0
                        ? previousReport
                        : $"本期针对{Subject(random)}{string.Concat(Enumerable.Range(0, 3).Select(_ => "，" + Fragments[random.Next(Fragments.Length)]))}，完成 {random.Next(1, 500)} 项。";
                    previousReport = report;
                    await EventAsync(id, ItemEventKind.Progress, start.AddDays(3 + r * (5 + id % 20)), report);
                }
                if (id % 40 == 2)
                {
                    var due = DateOnly.ParseExact(dueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    await EventAsync(id, ItemEventKind.ExtensionRequested, start.AddDays(4), "材料未齐", old: Day(due.AddDays(-20)), @new: Day(due));
                    if (id % 400 == 2)
                    {
                        await EventAsync(id, ItemEventKind.ExtensionApproved, start.AddDays(5), old: Day(due.AddDays(-20)), @new: Day(due));
                        await EventAsync(id, ItemEventKind.ExtensionRequested, start.AddDays(6), "仍在协调", old: Day(due), @new: Day(due.AddDays(20)));
                    }
                }
            }
            if (state >= (int)ItemState.Submitted)
            {
                if (id % 250 == 3)
                {
                    await EventAsync(id, ItemEventKind.Submitted, start.AddDays(8));
                    await EventAsync(id, ItemEventKind.Returned, start.AddDays(9), "材料不全");
                    await EventAsync(id, ItemEventKind.Submitted, start.AddDays(10));
                    await EventAsync(id, ItemEventKind.Returned, start.AddDays(11), "措施未落实");
                }
                await EventAsync(id, ItemEventKind.Submitted, start.AddDays(12 + id % 15));
            }
            if (state == (int)ItemState.Closed)
            {
                await EventAsync(id, ItemEventKind.Closed, start.AddDays(28));
            }
            if (id % 100 == 2)
            {
                await FileAsync(id, Sha(id), start.AddDays(3));
            }
            if (id % 20000 == 2 && id < items.Count)
            {
                await FileAsync(id + 1, Sha(id), start.AddDays(4));
            }
        }
        await transaction.CommitAsync();
        return written;

        async Task FileAsync(int item, string sha, DateTime at)
        {
            f["$item"].Value = item;
            f["$sha"].Value = sha;
            f["$at"].Value = at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
            await file.ExecuteNonQueryAsync();
        }
    }

    // What makes a real report its own: the place, document or person it names. Four characters of 3,000 (from the
    // start of the CJK block) stand for that; reports made of stock phrases alone would all look alike.
    private static string Subject(Random random) => string.Concat(Enumerable.Range(0, 4).Select(_ => (char)(0x4E00 + random.Next(3000))));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sha(int id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bench-file-{id}")));
}
