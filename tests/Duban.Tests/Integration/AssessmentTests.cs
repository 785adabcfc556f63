using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Assessment;
using Duban.Core.Assessment;
using Duban.Core.Bulletins;
using Duban.Core.Catalog;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Draws;
using Duban.Core.Supervision.Slips;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Duban.Tests.Integration;

/// <summary>
/// The assessment through HTTP as each role: every total recounts from its lines and adjustments and every event is a
/// record of its unit; a hand-built ledger scores as written out; scope before publication; adjustments (reason, file,
/// 四眼, publication waits), appeals (own unit, once at a time, an upheld one changes its line only); the sheet
/// matches the API; bad input writes nothing.
/// </summary>
public abstract class AssessmentTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task The_demo_result_recounts_from_its_lines_and_adjustments_and_every_event_is_a_record_of_its_unit()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var list = await supervisor.GetJsonAsync<PagedResponse<RunRow>>("/api/v1/assessment/runs");
        var demo = list.Items[^1];
        var run = await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{demo.Id}");

        Assert.Equal(RunState.Published, run.State);
        Assert.Equal(9, run.Results.Count);
        AssertRecounts(run);
        Assert.Single(run.Results.SelectMany(r => r.Adjustments));
        var appeal = Assert.Single(run.Results.SelectMany(r => r.Appeals));
        Assert.Equal(ReviewState.Approved, appeal.State);
        var corrected = run.Results.Single(r => r.Id == appeal.ResultId).Lines.Single(l => l.CorrectedByAppeal == appeal.Id);
        Assert.Equal(appeal.CorrectedPoints, corrected.Points);
        Assert.NotEqual(corrected.Computed, corrected.Points);
        Assert.Contains(run.Results, r => r.Lines.Any(l => l.Events.Count > 0));
        await AssertEventsBelongAsync(run);

        // Published, it adds up for every reader: a unit head sees the other units' adjustment and upheld appeal too.
        var head = await app.SignedInAsync("demo-head");
        var seen = await head.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{demo.Id}");
        AssertRecounts(seen);
        Assert.Single(seen.Results.SelectMany(r => r.Adjustments));
        var praised = run.Results.Single(r => r.Adjustments.Count > 0);
        Assert.Contains($"调整 {Points.Number(praised.Adjustments[0].Points)}", WebSession.Text(await head.GetStringAsync($"/assessment/results/{praised.Id}")));
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/v1/assessment/runs/{demo.Id}/document.docx")).StatusCode);
    }

    [Fact]
    public async Task A_trial_run_is_discarded_and_one_period_is_published_once()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var head = await app.SignedInAsync("demo-head");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var from = new DateOnly(app.Today.Year, 1, 1);
        var trial = await ComputeAsync(supervisor, new { campaign, from, to = from.AddMonths(1).AddDays(-1) });
        var kept = await ComputeAsync(supervisor, new { campaign, from, to = from.AddMonths(1).AddDays(-1) });
        var twin = await ComputeAsync(supervisor, new { campaign, from, to = from.AddMonths(1).AddDays(-1) });

        var draft = await head.GetAsync($"/api/v1/assessment/runs/{trial.Id}/document.docx");
        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.Contains("尚未发布", await DetailAsync(draft));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(leader, $"/api/v1/assessment/runs/{trial.Id}/discard", new { })).StatusCode);
        var discarded = await PostJsonAsync(supervisor, $"/api/v1/assessment/runs/{trial.Id}/discard", new { });
        Assert.True(discarded.IsSuccessStatusCode, await discarded.Content.ReadAsStringAsync());
        Assert.Equal(RunState.Discarded, (await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{trial.Id}")).State);
        Assert.Equal(HttpStatusCode.Conflict, (await PostJsonAsync(leader, $"/api/v1/assessment/runs/{trial.Id}/publish", new { })).StatusCode);
        Assert.DoesNotContain($"/assessment/{trial.Id}\"", await leader.GetStringAsync("/ledger/mine"));

        Assert.True((await PostJsonAsync(leader, $"/api/v1/assessment/runs/{kept.Id}/publish", new { })).IsSuccessStatusCode);
        var second = await PostJsonAsync(leader, $"/api/v1/assessment/runs/{twin.Id}/publish", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已经发布", await DetailAsync(second));
    }

    [Fact]
    public async Task A_hand_built_ledger_scores_each_rule_as_written_out()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var (campaign, unit) = await HandBuiltLedgerAsync();

        // The seeded default scheme (another test may have saved a newer version).
        var scheme = (await supervisor.GetJsonAsync<PagedResponse<SchemeResponse>>("/api/v1/assessment/schemes?pageSize=200")).Items[^1].Id;
        var run = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-30), to = app.Today, scheme });
        var result = run.Results.Single(r => r.UnitId == unit);

        var points = result.Lines.Where(l => l.Points != 0 || l.Count > 0).ToDictionary(l => l.Indicator, l => (l.Points, l.Count));
        // On time: A and D (+1 each); late: B (−1); returned: D once (−2); red at the cut-off: C (−1); on-time rate 2/3 = 66.7 %
        // (band 60: 0); first pass 2/3 (D was returned; band 0: −3); self-found 4 of 6 = 66.7 % (band 50: +2); E is a red line
        // found by an inspection (F, self-found in the same category, bars nothing).
        Assert.Equal((2m, 2), points["closed-on-time"]);
        Assert.Equal((-1m, 1), points["closed-late"]);
        Assert.Equal((-2m, 1), points["returned"]);
        Assert.Equal((-1m, 1), points["red"]);
        Assert.Equal((0m, 3), points["on-time-rate"]);
        Assert.Equal((-3m, 3), points["first-pass-rate"]);
        Assert.Equal((2m, 6), points["self-found-share"]);
        Assert.Equal((0m, 1), points["red-line"]);
        Assert.Equal(97m, result.Total);
        Assert.Equal("不得评为优秀", result.Veto);
        Assert.NotEqual("优秀", result.Grade);
        AssertRecounts(run);
        await AssertEventsBelongAsync(run);

        var again = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-30), to = app.Today, cutoff = run.Cutoff, scheme });
        Assert.Equal(Shape(run), Shape(again));
    }

    [Fact]
    public async Task Before_publication_a_unit_head_sees_only_the_own_trees_results_and_all_after()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var head = await app.SignedInAsync("demo-head");
        var leader = await app.SignedInAsync("demo-leader");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var run = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-90), to = app.Today });
        var other = run.Results.First(r => r.UnitName == "秘书科");

        var seen = await head.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{run.Id}");
        Assert.Equal(["综合科"], seen.Results.Select(r => r.UnitName));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/assessment/results/{other.Id}")).StatusCode);
        Assert.Equal(9, (await leader.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{run.Id}")).Results.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(supervisor, $"/api/v1/assessment/runs/{run.Id}/publish", new { })).StatusCode);

        var published = await PostJsonAsync(leader, $"/api/v1/assessment/runs/{run.Id}/publish", new { version = run.RecordVersion });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        Assert.Equal(9, (await head.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{run.Id}")).Results.Count);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/v1/assessment/results/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_adjustment_needs_a_reason_a_file_and_a_leaders_approval_and_publication_waits_for_it()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var run = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-60), to = app.Today });
        var target = run.Results.Single(r => r.UnitName == "信息科");
        var before = await CountAsync<AssessmentAdjustment>();

        foreach (var (form, words) in new (Dictionary<string, string> Form, string Words)[]
        {
            (new() { ["points"] = "3" }, "调整理由"),
            (new() { ["points"] = "3", ["reason"] = "专项任务加分" }, "依据文件"),
            (new() { ["points"] = "三分", ["reason"] = "专项任务加分" }, "必须是数字"),
            (new() { ["points"] = "0", ["reason"] = "专项任务加分" }, "不能为 0"),
        })
        {
            var refused = await AdjustAsync(supervisor, target.Id, form, withFile: false);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(words, await DetailAsync(refused));
        }
        Assert.Equal(before, await CountAsync<AssessmentAdjustment>());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await AdjustAsync(leader, target.Id, new() { ["points"] = "3", ["reason"] = "加分" }, withFile: true)).StatusCode);

        var proposed = await AdjustAsync(supervisor, target.Id, new() { ["points"] = "3", ["reason"] = "承办专项督查任务，成效突出。" }, withFile: true);
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        var adjustment = (await proposed.Content.ReadFromJsonAsync<AdjustmentResponse>(WebSession.Json))!;
        Assert.Equal(ReviewState.Pending, adjustment.State);
        var waiting = await PostJsonAsync(leader, $"/api/v1/assessment/runs/{run.Id}/publish", new { });
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Contains("待领导审批", await DetailAsync(waiting));
        Assert.Contains("审批分值调整", await leader.GetStringAsync("/ledger/mine"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(supervisor, $"/api/v1/assessment/adjustments/{adjustment.Id}/approve", new { })).StatusCode);

        var approved = await PostJsonAsync(leader, $"/api/v1/assessment/adjustments/{adjustment.Id}/approve", new { });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        var after = await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{run.Id}");
        Assert.Equal(target.Total + 3m, after.Results.Single(r => r.Id == target.Id).Total);
        AssertRecounts(after);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/assessment/adjustments/{adjustment.Id}/file")).StatusCode);

        Assert.True((await PostJsonAsync(leader, $"/api/v1/assessment/runs/{run.Id}/publish", new { })).IsSuccessStatusCode);
        var late = await AdjustAsync(supervisor, target.Id, new() { ["points"] = "1", ["reason"] = "再加一分" }, withFile: true);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已发布", await DetailAsync(late));
    }

    [Fact]
    public async Task An_appeal_comes_from_the_own_units_head_and_an_upheld_one_changes_exactly_its_line()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var head = await app.SignedInAsync("demo-head");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var run = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-120), to = app.Today });
        var own = run.Results.Single(r => r.UnitName == "综合科");
        var line = own.Lines.Where(l => l.Enabled).OrderBy(l => l.Points).First();

        var early = await PostJsonAsync(head, $"/api/v1/assessment/results/{own.Id}/appeal", new { indicator = line.Indicator, reason = "有误" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("尚未发布", await DetailAsync(early));
        Assert.True((await PostJsonAsync(leader, $"/api/v1/assessment/runs/{run.Id}/publish", new { })).IsSuccessStatusCode);

        var secretariat = run.Results.Single(r => r.UnitName == "秘书科");
        Assert.Equal(HttpStatusCode.NotFound,
            (await PostJsonAsync(head, $"/api/v1/assessment/results/{secretariat.Id}/appeal", new { indicator = line.Indicator, reason = "有误" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PostJsonAsync(leader, $"/api/v1/assessment/results/{own.Id}/appeal", new { indicator = line.Indicator, reason = "有误" })).StatusCode);
        var noReason = await PostJsonAsync(head, $"/api/v1/assessment/results/{own.Id}/appeal", new { indicator = line.Indicator });
        Assert.Contains("申诉理由", await DetailAsync(noReason));
        var unknown = await PostJsonAsync(head, $"/api/v1/assessment/results/{own.Id}/appeal", new { indicator = "no-such", reason = "有误" });
        Assert.Contains("没有指标", await DetailAsync(unknown));

        var filed = await PostJsonAsync(head, $"/api/v1/assessment/results/{own.Id}/appeal", new { indicator = line.Indicator, reason = "其中一项已批准延期。" });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var appeal = (await filed.Content.ReadFromJsonAsync<AppealResponse>(WebSession.Json))!;
        Assert.Equal(HttpStatusCode.Conflict,
            (await PostJsonAsync(head, $"/api/v1/assessment/results/{own.Id}/appeal", new { indicator = line.Indicator, reason = "再申诉" })).StatusCode);
        Assert.Contains("处理申诉", await supervisor.GetStringAsync("/ledger/mine"));

        var upheld = await PostJsonAsync(supervisor, $"/api/v1/assessment/appeals/{appeal.Id}/uphold", new { points = "1.5", reason = "经核实，申诉成立。" });
        Assert.True(upheld.IsSuccessStatusCode, await upheld.Content.ReadAsStringAsync());
        var after = await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{run.Id}");
        var changed = after.Results.Single(r => r.Id == own.Id);
        Assert.Equal(own.Total - line.Points + 1.5m, changed.Total);
        Assert.Equal(own.Lines.Select(l => l.Indicator == line.Indicator ? 1.5m : l.Points), changed.Lines.Select(l => l.Points));
        Assert.Equal(run.Results.Where(r => r.Id != own.Id).Select(r => (r.UnitId, r.Total)).OrderBy(r => r.UnitId),
            after.Results.Where(r => r.Id != own.Id).Select(r => (r.UnitId, r.Total)).OrderBy(r => r.UnitId));
        AssertRecounts(after);
        Assert.Equal(HttpStatusCode.Conflict,
            (await PostJsonAsync(supervisor, $"/api/v1/assessment/appeals/{appeal.Id}/reject", new { reason = "改判" })).StatusCode);
        var trail = await app.AsSystemAsync(services => services.GetRequiredService<Core.Data.DubanDb>().AuditEvents
            .CountAsync(e => e.EntityType == nameof(AssessmentAppeal) && e.EntityId == appeal.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(2, trail);
    }

    [Fact]
    public async Task The_sheet_has_one_row_per_unit_matching_the_api()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var demo = (await supervisor.GetJsonAsync<PagedResponse<RunRow>>("/api/v1/assessment/runs")).Items[^1];
        var run = await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{demo.Id}");

        using var file = new MemoryStream(await supervisor.GetByteArrayAsync($"/api/v1/assessment/runs/{demo.Id}/export.xlsx"));
        var rows = MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(Text).ToList()).ToList();
        var header = rows[2];
        var data = rows.Skip(3).Where(r => r.Count > 1 && r[1].Length > 0).ToList();
        Assert.Equal(run.Results.Count, data.Count);
        foreach (var result in run.Results)
        {
            var row = data.Single(r => r[1] == result.UnitName);
            Assert.Equal(result.Rank.ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(result.Grade, row[2]);
            Assert.Equal(Number(result.Base), row[3]);
            Assert.Equal(Number(result.Total), row[header.IndexOf("总分")]);
            Assert.Equal(Number(result.Adjustments.Sum(a => a.Points)), row[header.IndexOf("调整分")]);
            foreach (var line in result.Lines.Where(l => l.Enabled && header.Contains(l.Name)))
            {
                Assert.Equal(Number(line.Points), row[header.IndexOf(line.Name)]);
            }
        }
        var docx = await supervisor.GetAsync($"/api/v1/assessment/runs/{demo.Id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false);
        Assert.Contains(run.Results[0].UnitName, document.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public async Task Bad_input_is_a_chinese_message_and_writes_nothing()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var runs = await CountAsync<AssessmentRun>();
        foreach (var (body, words) in new (object Body, string Words)[]
        {
            (new { from = app.Today.AddDays(-30), to = app.Today }, "请选择活动"),
            (new { campaign, from = app.Today, to = app.Today.AddDays(-1) }, "结束日期不能早于开始日期"),
            (new { campaign, from = app.Today.AddDays(-400), to = app.Today }, "不能超过一年"),
            (new { campaign, to = app.Today }, "开始和结束日期"),
            (new { campaign, from = app.Today.AddDays(-30), to = app.Today, cutoff = "昨天" }, "格式不正确"),
            (new { campaign, from = app.Today.AddDays(-30), to = app.Today, cutoff = DateTimeOffset.UtcNow.AddYears(1) }, "不能晚于现在"),
            (new { campaign, from = app.Today.AddDays(-30), to = app.Today, scheme = 999999 }, "不存在"),
            (new { campaign, from = new DateOnly(1, 1, 1), to = app.Today }, "不在 2000 年至 2099 年之间"),
            (new { campaign, from = app.Today.AddDays(-30), to = new DateOnly(9999, 12, 31) }, "不在 2000 年至 2099 年之间"),
            (new { campaign, from = app.Today.AddDays(-30), to = app.Today, cutoff = "0001-01-01T00:00" }, "格式不正确"),
        })
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/assessment/runs", body, WebSession.Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(words, await DetailAsync(response));
        }
        Assert.Equal(runs, await CountAsync<AssessmentRun>());
        var head = await app.SignedInAsync("demo-head");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync("/api/v1/assessment/runs",
            new { campaign, from = app.Today.AddDays(-30), to = app.Today }, WebSession.Json)).StatusCode);

        var schemes = await CountAsync<AssessmentScheme>();
        var indicator = new { code = "on-time", name = "按期完成", kind = "PerEvent", @event = "ClosedOnTime", pointsEach = 1 };
        foreach (var (body, words) in new (object Body, string Words)[]
        {
            (new { name = "方案", @base = 100, indicators = new object[] { new { code = "rate", name = "按期完成率", kind = "Rate", rate = "OnTimeRate", bands = new[] { new { fromPercent = 0, points = 1 } }, weight = "一半" } } }, "权重必须是数字"),
            (new { name = "方案", @base = 100, indicators = new object[] { new { code = "late", name = "逾期", kind = "PerEvent", @event = "ClosedLate", pointsEach = -1, cap = -5, floor = 0 } } }, "不能低于下限"),
            (new { name = "方案", @base = 100, indicators = new object[] { new { code = "x", name = "未知", kind = "Magic" } } }, "不是可选的值"),
            (new { name = "方案", @base = "一百", indicators = new object[] { indicator } }, "基础分必须是数字"),
            (new { name = "方案", @base = 100, indicators = new object[] { indicator, indicator } }, "重复"),
            (new { name = "方案", @base = 100, indicators = Array.Empty<object>() }, "至少要有一个指标"),
        })
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/assessment/schemes", body, WebSession.Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(words, await DetailAsync(response));
        }
        Assert.Equal(schemes, await CountAsync<AssessmentScheme>());

        // A period before any data: base scores, said so.
        var empty = await ComputeAsync(supervisor, new { campaign, from = new DateOnly(2025, 1, 1), to = new DateOnly(2025, 3, 31) });
        Assert.True(empty.NoData);
        Assert.Contains("没有可计分的数据", empty.NoDataNote);
        Assert.All(empty.Results, r => Assert.Equal(r.Base, r.Total));
    }

    [Fact]
    public async Task A_new_version_of_a_scheme_is_used_by_new_runs_while_old_results_keep_theirs()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var current = (await supervisor.GetJsonAsync<PagedResponse<SchemeResponse>>("/api/v1/assessment/schemes")).Items[0];
        var first = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-30), to = app.Today, scheme = current.Id });

        var indicators = current.Indicators.Select(i => new
        {
            i.Code, i.Name, kind = i.Kind.ToString(), i.Enabled, @event = i.Event?.ToString(),
            pointsEach = i.Code == "closed-on-time" ? 2m : i.PointsEach, rate = i.Rate?.ToString(),
            bands = i.Bands?.Select(b => new { b.FromPercent, b.Points }), i.Weight, i.Cap, i.Floor, i.VetoText,
        });
        var saved = await supervisor.PostAsJsonAsync("/api/v1/assessment/schemes", new { name = current.Name, @base = current.Base, indicators, basedOn = current.Id }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var next = (await saved.Content.ReadFromJsonAsync<SchemeResponse>(WebSession.Json))!;
        Assert.Equal((current.Family, current.Version + 1), (next.Family, next.Version));

        var second = await ComputeAsync(supervisor, new { campaign, from = app.Today.AddDays(-30), to = app.Today, cutoff = first.Cutoff });
        Assert.Equal((next.Id, next.Version), (second.SchemeId, second.Version));
        Assert.Equal(current.Version, (await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{first.Id}")).Version);
        foreach (var result in second.Results)
        {
            var before = first.Results.Single(r => r.UnitId == result.UnitId);
            var onTime = before.Lines.Single(l => l.Indicator == "closed-on-time");
            Assert.Equal(Math.Min(10m, onTime.Count * 2m), result.Lines.Single(l => l.Indicator == "closed-on-time").Points);
        }
    }

    [Fact]
    public async Task The_dashboard_ranks_the_latest_published_run_and_each_score_opens_a_breakdown_that_adds_up_to_it()
    {
        var leader = await app.SignedInAsync("demo-leader");
        var dashboard = await leader.GetJsonAsync<Duban.Dashboard.DashboardResponse>("/api/v1/dashboard");
        var ranking = dashboard.Ranking!;
        var runId = int.Parse(ranking.Href.Split('/')[^1], CultureInfo.InvariantCulture);
        var run = await leader.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{runId}");

        Assert.Equal(RunState.Published, run.State);
        Assert.Equal(Math.Min(10, run.Results.Count), ranking.Rows.Count);
        foreach (var row in ranking.Rows)
        {
            var result = await leader.GetJsonAsync<ResultResponse>("/api/v1/assessment" + row.Href["/assessment".Length..]);
            Assert.Equal((row.UnitName, row.Rank, row.Total, row.Grade), (result.UnitName, result.Rank, result.Total, result.Grade));
            Assert.Contains($"= {Points.Number(row.Total)}", System.Text.RegularExpressions.Regex.Replace(WebSession.Text(await leader.GetStringAsync(row.Href)), @"\s+", " "));
        }
        var head = await app.SignedInAsync("demo-head");
        Assert.Equal(["综合科"], (await head.GetJsonAsync<Duban.Dashboard.DashboardResponse>("/api/v1/dashboard")).Ranking!.Rows.Select(r => r.UnitName));
    }

    private static void AssertRecounts(RunResponse run)
    {
        foreach (var result in run.Results)
        {
            Assert.Equal(result.Base + result.Lines.Sum(l => l.Points) + result.Adjustments.Sum(a => a.Points), result.Total);
            Assert.Equal(1 + run.Results.Count(r => r.Total > result.Total), result.Rank);
        }
    }

    private async Task AssertEventsBelongAsync(RunResponse run) => await app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<Core.Data.DubanDb>();
        foreach (var result in run.Results)
        {
            foreach (var e in result.Lines.SelectMany(l => l.Events).DistinctBy(e => (e.Type, e.Id)))
            {
                var belongs = e.Type switch
                {
                    ScoreRecords.Item => await db.Items.IgnoreQueryFilters().AnyAsync(i => i.Id == e.Id && i.UnitId == result.UnitId && i.Code == e.Code),
                    ScoreRecords.Check => await db.Set<DrawCheck>().AnyAsync(c => c.Id == e.Id && c.UnitId == result.UnitId),
                    ScoreRecords.Slip => await db.Set<UrgeSlip>().IgnoreQueryFilters().AnyAsync(s => s.Id == e.Id && s.UnitId == result.UnitId),
                    ScoreRecords.Bulletin => await db.Set<BulletinRecipient>().IgnoreQueryFilters().AnyAsync(r => r.BulletinId == e.Id && r.UnitId == result.UnitId),
                    _ => false,
                };
                Assert.True(belongs, $"{result.UnitName}: {e.Type} {e.Id} {e.Code}");
            }
        }
        return true;
    });

    /// <summary>
    /// Six items of the party branch (no demo item is its), found in the last weeks: A self-found, closed on time; B
    /// self-found, closed late; C from an inspection, open past its deadline; D self-found, returned once, then closed on
    /// time; E from an inspection, open, in a 廉政红线 category; F the same but self-found.
    /// </summary>
    private async Task<(int Campaign, int Unit)> HandBuiltLedgerAsync() => await app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<Core.Data.DubanDb>();
        var campaign = await db.Set<Core.Campaigns.Campaign>().OrderBy(c => c.Id).FirstAsync();
        var unit = await db.Units.SingleAsync(u => u.Name == "区政府办公室机关党支部");
        var redLine = await db.CatalogEntries.Where(c => c.Set == CatalogSet.IntegrityRedLines).Select(c => c.Id).FirstAsync();
        var at = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var by = new ItemActor(null, "test");
        var number = await db.Set<RectificationItem>().IgnoreQueryFilters().Where(i => i.CampaignId == campaign.Id).MaxAsync(i => i.Number);
        RectificationItem Item(ItemSource source, int dueInDays, IReadOnlyList<int> categories)
        {
            var details = new ItemDetails(categories, source, $"考核手工台账问题{number + 1}", null, ["专人负责"], null, null,
                app.Today.AddDays(-10), DeadlineKind.Date, app.Today.AddDays(dueInDays), null);
            var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, unit.Id, unit.Path, details, by, at.AddDays(-9), campaign.ItemPrefix);
            item.Assign(by, at.AddDays(-9));
            item.Start(by, at.AddDays(-9));
            db.Items.Add(item);
            return item;
        }
        var a = Item(ItemSource.SelfInspection, 5, []);
        a.Submit(null, by, at);
        a.Close("手工台账", null, by, at);
        var b = Item(ItemSource.SelfInspection, -5, []);
        b.Submit(null, by, at);
        b.Close("手工台账", null, by, at);
        Item(ItemSource.SuperiorInspection, -3, []);
        var d = Item(ItemSource.SelfInspection, 5, []);
        d.Submit(null, by, at.AddDays(-2));
        d.Return("证明材料不全", by, at.AddDays(-1));
        d.Submit(null, by, at);
        d.Close("手工台账", null, by, at);
        Item(ItemSource.SuperiorInspection, 20, [redLine]);
        Item(ItemSource.SelfInspection, 20, [redLine]);
        await db.SaveChangesAsync();
        return (campaign.Id, unit.Id);
    });

    private static List<(int, decimal, string, string?)> Shape(RunResponse run) =>
        [.. run.Results.Select(r => (r.UnitId, r.Total, string.Join(";", r.Lines.Select(l => $"{l.Indicator}:{l.Points}:{string.Join(",", l.Events.Select(e => e.Id))}")), r.Veto))];

    private static async Task<RunResponse> ComputeAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/assessment/runs", body, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RunResponse>(WebSession.Json))!;
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, WebSession.Json);

    private static Task<HttpResponseMessage> AdjustAsync(HttpClient client, int resultId, Dictionary<string, string> fields, bool withFile)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        if (withFile)
        {
            form.Add(new ByteArrayContent(EvidenceSamples.Pdf()), "file", "加分依据.pdf");
        }
        return client.PostAsync($"/api/v1/assessment/results/{resultId}/adjust", form);
    }

    private Task<int> CountAsync<T>() where T : class =>
        app.AsSystemAsync(services => services.GetRequiredService<Core.Data.DubanDb>().Set<T>().IgnoreQueryFilters().CountAsync());

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail ?? string.Empty;

    private static string Number(decimal value) => Points.Number(value);

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

public sealed class SqliteAssessmentTests(SqliteAppFactory app) : AssessmentTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresAssessmentTests(PostgresAppFactory app) : AssessmentTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
