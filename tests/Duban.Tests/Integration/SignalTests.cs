using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Audit;
using Duban.Core.Signals;
using Duban.Signals;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// 病相 flags through HTTP: what a computation as of another time flags (中梗阻, 慵懒散), the scope (a liaison sees the
/// own unit's flags only, another unit's is a 404), a dismissal that survives recomputation until its evidence
/// changes, explain → accept in the audit trail, and bad input as Chinese 400s. Each test plants its own items; the
/// test clock stands on Wednesday 25 November 2026.
/// </summary>
public abstract class SignalTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task As_of_another_time_the_stuck_and_idle_items_differ()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var (assigned, started) = await app.PlantAsync(async plant => (await plant.ItemAsync("综合科", started: false), await plant.ItemAsync("综合科", started: true)));

        async Task<IReadOnlyList<string>> KindsAsync(int item, string asOf) =>
            [.. (await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}&asOf={asOf}")).Items.Select(f => f.Kind)];

        Assert.Empty(await KindsAsync(assigned, Day(0)));
        Assert.Empty(await KindsAsync(started, Day(0)));
        // Assigned on a Wednesday: the fifth working day after is the next Wednesday.
        Assert.Empty(await KindsAsync(assigned, Day(6)));
        Assert.Equal(["中梗阻"], await KindsAsync(assigned, Day(7)));
        Assert.Empty(await KindsAsync(started, Day(7)));
        // No report for 30 days: idle on the 31st; the started one is in progress past its deadline (day 20) by then too.
        Assert.DoesNotContain("慵懒散", await KindsAsync(started, Day(30)));
        Assert.Equal(["中梗阻", "慵懒散"], (await KindsAsync(started, Day(31))).Order(StringComparer.Ordinal));
        var now = await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={assigned}");
        Assert.Empty(now.Items);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, now.AsOf);
    }

    [Fact]
    public async Task A_liaison_sees_only_the_own_units_flags()
    {
        var (own, other) = await app.PlantAsync(async plant => (await plant.PromiseBrokenAsync("综合科"), await plant.PromiseBrokenAsync("秘书科")));
        var liaison = await app.SignedInAsync("demo-liaison");
        var supervisor = await app.SignedInAsync("demo-supervisor");

        var all = await supervisor.GetJsonAsync<SignalListResponse>("/api/v1/signals?kind=打白条&pageSize=200");
        Assert.Contains(all.Items, f => f.ItemId == own);
        var otherFlag = Assert.Single(all.Items, f => f.ItemId == other);
        var seen = await liaison.GetJsonAsync<SignalListResponse>("/api/v1/signals?pageSize=200");
        Assert.NotEmpty(seen.Items);
        Assert.All(seen.Items, f => Assert.Equal("综合科", f.UnitName));
        Assert.Contains(seen.Items, f => f.ItemId == own);
        var summary = await liaison.GetJsonAsync<SignalSummaryResponse>("/api/v1/signals/summary");
        Assert.Equal(["综合科"], summary.Units.Select(u => u.UnitName));
        Assert.Equal(seen.Total, summary.Units[0].Total + seen.Items.Count(f => f.State == SignalState.Dismissed));
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/signals/{otherFlag.Id}")).StatusCode);
        var explain = await liaison.PostAsJsonAsync($"/api/v1/signals/{otherFlag.Id}/explain", new { text = "不是我们的" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.NotFound, explain.StatusCode);
        Assert.Empty((await liaison.GetJsonAsync<SignalListResponse>($"/api/v1/signals?unit={all.Items.First(f => f.ItemId == other).UnitId}")).Items);
    }

    [Fact]
    public async Task A_dismissal_survives_recomputation_until_its_evidence_changes()
    {
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("综合科"));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var flag = Assert.Single((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        var refused = await supervisor.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/dismiss", new { reason = " " }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("排除理由", await DetailAsync(refused));

        var dismissed = await supervisor.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/dismiss", new { reason = "两次延期均经区领导批准，情况属实" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        // Any change to the ledger makes the next look a new computation.
        await app.PlantAsync(plant => plant.ItemAsync("秘书科", started: true));
        var again = Assert.Single((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        Assert.Equal((flag.Id, SignalState.Dismissed), (again.Id, again.State));
        Assert.Equal(SignalState.Dismissed, (await supervisor.GetJsonAsync<SignalDetailResponse>($"/api/v1/signals/{flag.Id}")).Flag.State);

        // A look far ahead reads; it changes no flag: the dismissed one is as it was, last seen now.
        Assert.Contains((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}&asOf=2099-06-30")).Items, f => f.Id == flag.Id);
        var after = (await supervisor.GetJsonAsync<SignalDetailResponse>($"/api/v1/signals/{flag.Id}")).Flag;
        Assert.Equal((SignalState.Dismissed, app.Clock.GetUtcNow().UtcDateTime), (after.State, after.LastSeenAt));

        // A third request is new evidence: the dismissal covered the old only.
        await app.PlantAsync(async plant => await plant.RequestAgainAsync(item));
        var reopened = Assert.Single((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        Assert.Equal((flag.Id, SignalState.Open, 3), (reopened.Id, reopened.State, reopened.Evidence.Count(e => e.What.StartsWith("申请延期", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_flag_stays_with_its_item_when_the_item_moves_and_sign_ins_make_no_new_computation()
    {
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("文电科"));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var before = await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}");
        var flag = Assert.Single(before.Items);
        // A sign-in is audited, but changes nothing the detectors read.
        await app.SignedInAsync("demo-head");
        Assert.Equal(before.ComputationId, (await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).ComputationId);

        await app.PlantAsync(plant => plant.ReassignAsync(item, "信息科"));
        var moved = await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}");
        Assert.NotEqual(before.ComputationId, moved.ComputationId);
        Assert.Equal([(flag.Id, "文电科")], moved.Items.Select(f => (f.Id, f.UnitName)));
    }

    [Fact]
    public async Task Explain_then_accept_is_in_the_audit_trail_and_refusals_write_nothing()
    {
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("综合科"));
        var (liaison, supervisor, head) = (await app.SignedInAsync("demo-liaison"), await app.SignedInAsync("demo-supervisor"), await app.SignedInAsync("demo-head"));
        var flag = Assert.Single((await liaison.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        var detail = await liaison.GetJsonAsync<SignalDetailResponse>($"/api/v1/signals/{flag.Id}");
        Assert.Equal([SignalAction.Explain], detail.AllowedActions);
        var before = await AuditTotalAsync(supervisor);

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/accept", new { reason = "自己认定" }, WebSession.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/explain", new { text = "代为说明" }, WebSession.Json)).StatusCode);
        var empty = await liaison.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/explain", new { text = "" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("情况说明", await DetailAsync(empty));
        var overlong = await liaison.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/explain", new { text = new string('说', SignalFlag.TextMaxLength + 1) }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(before, await AuditTotalAsync(supervisor));

        var explained = await liaison.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/explain",
            new { text = "第一次延期因上级文件调整，第二次因人员借调，已于本周补齐材料。", version = detail.Version }, WebSession.Json);
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
        Assert.Equal(1, (await head.GetJsonAsync<SignalListResponse>($"/api/v1/signals?state=已说明&item={item}")).Total);
        var accepted = await supervisor.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/accept", new { reason = "延期理由不充分，认定为打白条" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var done = (await accepted.Content.ReadFromJsonAsync<SignalDetailResponse>(WebSession.Json))!;
        Assert.Equal((SignalState.Accepted, "延期理由不充分，认定为打白条", "第一次延期因上级文件调整，第二次因人员借调，已于本周补齐材料。"),
            (done.Flag.State, done.DecisionReason, done.Explanation));
        Assert.Empty(done.AllowedActions);
        var again = await liaison.PostAsJsonAsync($"/api/v1/signals/{flag.Id}/explain", new { text = "补充说明" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var trail = (await supervisor.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?entityType=SignalFlag&pageSize=200")).Items
            .Where(e => e.EntityId == flag.Id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(before + 2, await AuditTotalAsync(supervisor));
        Assert.Equal(2, trail.Count);
        Assert.Contains("已于本周补齐材料", trail[0].After);
        Assert.Contains($"\"State\":{(int)SignalState.Explained}", trail[0].After);
        Assert.Contains($"\"State\":{(int)SignalState.Accepted}", trail[1].After);
        Assert.Contains("认定为打白条", trail[1].After);
        Assert.NotEqual(trail[0].ActorName, trail[1].ActorName);
    }

    [Fact]
    public async Task An_accepted_flag_is_an_assessment_event_of_its_unit_and_a_dismissed_one_is_not()
    {
        var (kept, cleared) = await app.PlantAsync(async plant => (await plant.PromiseBrokenAsync("文电科"), await plant.PromiseBrokenAsync("文电科")));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var flags = (await supervisor.GetJsonAsync<SignalListResponse>("/api/v1/signals?kind=BrokenPromise&pageSize=200")).Items;
        var accepted = flags.Single(f => f.ItemId == kept);
        var dismissed = flags.Single(f => f.ItemId == cleared);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/signals/{accepted.Id}/accept", new { reason = "两次延期仍未完成" }, WebSession.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/signals/{dismissed.Id}/dismiss", new { reason = "延期有正当理由" }, WebSession.Json)).StatusCode);

        var events = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<Core.Data.DubanDb>();
            var campaign = await db.Set<Core.Campaigns.Campaign>().OrderBy(c => c.Id).FirstAsync();
            var facts = await services.GetRequiredService<Core.Assessment.AssessmentFactsQuery>()
                .GatherAsync(campaign.Id, app.Today.AddDays(-1), app.Today, app.Clock.GetUtcNow().UtcDateTime, [accepted.UnitId]);
            return facts[accepted.UnitId].Events.Where(e => e.Kind == Core.Assessment.ScoreEventKind.SignalAccepted).ToList();
        });

        var signal = Assert.Single(events, e => e.RecordId == accepted.Id);
        Assert.Equal((Core.Assessment.ScoreRecords.Signal, $"打白条 {accepted.ItemCode}"), (signal.RecordType, signal.Code));
        Assert.DoesNotContain(events, e => e.RecordId == dismissed.Id);
        Assert.Equal($"/signals/{accepted.Id}", Core.Assessment.AssessmentQueries.Href(signal, new Dictionary<int, int>()));
    }

    [Fact]
    public async Task A_slow_computation_is_made_again_in_the_background_while_readers_see_the_last_one()
    {
        // Every computation counts as slow here, so after a change readers are never kept waiting.
        await using var patient = app.WithWebHostBuilder(b => b.UseSetting("Signals:WaitMilliseconds", "-1"));
        var supervisor = await patient.SignedInAsync("demo-supervisor");
        // A host that always waits makes the current computation up to date before the change.
        await using var eager = app.WithWebHostBuilder(b => b.UseSetting("Signals:WaitMilliseconds", int.MaxValue.ToString(CultureInfo.InvariantCulture)));
        var before = await (await eager.SignedInAsync("demo-supervisor")).GetJsonAsync<SignalListResponse>("/api/v1/signals?kind=打白条&pageSize=200");
        Assert.Equal(before.ComputationId, (await supervisor.GetJsonAsync<SignalListResponse>("/api/v1/signals?kind=打白条&pageSize=200")).ComputationId);
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("信息科"));

        var served = await supervisor.GetJsonAsync<SignalListResponse>("/api/v1/signals?kind=打白条&pageSize=200");
        Assert.Equal(before.ComputationId, served.ComputationId);
        Assert.DoesNotContain(served.Items, f => f.ItemId == item);
        var fresh = served;
        for (var wait = 0; wait < 100 && !fresh.Items.Any(f => f.ItemId == item); wait++)
        {
            await Task.Delay(100);
            fresh = await supervisor.GetJsonAsync<SignalListResponse>("/api/v1/signals?kind=打白条&pageSize=200");
        }
        Assert.Contains(fresh.Items, f => f.ItemId == item);
        Assert.NotEqual(before.ComputationId, fresh.ComputationId);
    }

    [Theory]
    [InlineData("asOf=明天", "计算时点")]
    [InlineData("asOf=1999-12-31", "2000")]
    [InlineData("asOf=2026-13-01", "计算时点")]
    [InlineData("kind=马虎", "打白条")]
    [InlineData("state=办结", "待说明")]
    [InlineData("campaign=999999", "活动")]
    public async Task Bad_queries_answer_in_chinese(string query, string expected)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var response = await supervisor.GetAsync("/api/v1/signals?" + query);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, await DetailAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/v1/signals/99999999")).StatusCode);
    }

    private static string Day(int days) => DubanFactory.Start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> AuditTotalAsync(HttpClient supervisor) =>
        (await supervisor.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?pageSize=1")).Total;

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail ?? string.Empty;
}

public sealed class SqliteSignalTests(SqliteAppFactory app) : SignalTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresSignalTests(PostgresAppFactory app) : SignalTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
