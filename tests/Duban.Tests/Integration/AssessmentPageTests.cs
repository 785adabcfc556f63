using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Duban.Api;
using Duban.Assessment;
using Duban.Core.Assessment;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

/// <summary>
/// The assessment's pages as each role: computing from the form, the ranking and a breakdown whose formula recounts,
/// a line's records each linked, the scheme editor refusing what does not parse, publishing and appealing from the
/// pages' forms. One database is enough: the pages run the services the API tests cover on both.
/// </summary>
public sealed partial class AssessmentPageTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_run_computed_from_the_form_shows_the_ranking_and_a_breakdown_that_recounts_to_its_records()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = (await supervisor.CampaignsAsync())[0].Id.ToString(CultureInfo.InvariantCulture);
        var response = await supervisor.SubmitFormAsync("/assessment/new", "assessment", new()
        {
            ["campaign"] = campaign, ["from"] = Day(-120), ["to"] = Day(0),
        });
        var ranking = await supervisor.RedirectedPageTextAsync(response);
        Assert.Contains("已计算考核结果", ranking);
        Assert.Contains("综合科", ranking);
        Assert.Contains("待发布", ranking);
        var runId = int.Parse(RunId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        var run = await supervisor.GetJsonAsync<RunResponse>($"/api/v1/assessment/runs/{runId}");

        var busiest = run.Results.OrderByDescending(r => r.Lines.Sum(l => l.Events.Count)).First();
        var page = WebSession.Text(await supervisor.GetStringAsync($"/assessment/results/{busiest.Id}"));
        Assert.Contains($"总分 = 基础分 {Points.Number(busiest.Base)}", page);
        Assert.Contains($"= {Points.Number(busiest.Total)}", Regex.Replace(page, @"\s+", " "));
        foreach (var line in busiest.Lines.Where(l => l.Enabled && l.Points != 0))
        {
            Assert.Contains($"{line.Name} {Points.Number(Math.Abs(line.Points))}", Regex.Replace(page, @"\s+", " "));
        }

        var line1 = busiest.Lines.First(l => l.Events.Count > 0);
        var events = await supervisor.GetStringAsync($"/assessment/results/{busiest.Id}/lines/{line1.Indicator}");
        Assert.Contains($"共 {line1.Events.Count} 条", WebSession.Text(events));
        var first = line1.Events[0];
        Assert.Contains(first.Type == ScoreRecords.Item ? $"href=\"/ledger/{first.Id}\"" : "href=\"/", events);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/assessment/results/{busiest.Id}/lines/no-such")).StatusCode);

        var eligibility = WebSession.Text(await supervisor.GetStringAsync($"/assessment/{runId}?view=eligibility"));
        Assert.Contains("评先树优资格", eligibility);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/assessment/999999")).StatusCode);
    }

    [Fact]
    public async Task A_leader_publishes_from_the_page_and_the_units_head_appeals_from_the_own_result_page()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var head = await app.SignedInAsync("demo-head");
        var campaign = (await supervisor.CampaignsAsync())[0].Id;
        var created = await supervisor.PostAsync("/api/v1/assessment/runs", System.Net.Http.Json.JsonContent.Create(
            new { campaign, from = app.Today.AddDays(-60), to = app.Today }, options: WebSession.Json));
        var run = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<RunResponse>(created.Content, WebSession.Json))!;

        Assert.DoesNotContain($"/assessment/{run.Id}/act/publish", await supervisor.GetStringAsync($"/assessment/{run.Id}"));
        var published = await PostFormAsync(leader, $"/assessment/{run.Id}", $"/assessment/{run.Id}/act/publish", new() { ["version"] = Number(run.RecordVersion) });
        Assert.Contains("已发布考核结果", await leader.RedirectedPageTextAsync(published));

        var own = run.Results.Single(r => r.UnitName == "综合科");
        var other = run.Results.Single(r => r.UnitName == "秘书科");
        var ownPage = await head.GetStringAsync($"/assessment/results/{own.Id}");
        Assert.Contains($"/assessment/results/{own.Id}/act/appeal", ownPage);
        Assert.DoesNotContain("/act/appeal", await head.GetStringAsync($"/assessment/results/{other.Id}"));

        var line = own.Lines.First(l => l.Enabled);
        var refused = await PostFormAsync(head, $"/assessment/results/{own.Id}", $"/assessment/results/{own.Id}/act/appeal",
            new() { ["indicator"] = line.Indicator, ["reason"] = "" });
        Assert.Contains("申诉理由", await head.RedirectedPageTextAsync(refused));
        var appealed = await PostFormAsync(head, $"/assessment/results/{own.Id}", $"/assessment/results/{own.Id}/act/appeal",
            new() { ["indicator"] = line.Indicator, ["reason"] = "其中一项已批准延期。" });
        Assert.Contains("已提交申诉", await head.RedirectedPageTextAsync(appealed));
        Assert.Contains("申诉成立", await supervisor.GetStringAsync($"/assessment/results/{own.Id}"));
    }

    [Fact]
    public async Task The_scheme_editor_refuses_a_weight_that_does_not_parse_and_saves_a_new_version()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var schemes = await supervisor.GetJsonAsync<PagedResponse<SchemeResponse>>("/api/v1/assessment/schemes");
        var current = schemes.Items[0];
        var form = Fields(current);
        var rate = current.Indicators.Select((indicator, n) => (indicator, n)).First(x => x.indicator.Kind == IndicatorKind.Rate).n;
        form[$"weight{rate}"] = "一点五";

        var refused = await supervisor.SubmitFormAsync($"/assessment/schemes/{current.Id}/edit", "scheme", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("的权重必须是数字", WebSession.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(schemes.Total, (await supervisor.GetJsonAsync<PagedResponse<SchemeResponse>>("/api/v1/assessment/schemes")).Total);

        form[$"weight{rate}"] = "1.5";
        var saved = await supervisor.SubmitFormAsync($"/assessment/schemes/{current.Id}/edit", "scheme", form);
        Assert.Contains($"已保存为第 {current.Version + 1} 版", await supervisor.RedirectedPageTextAsync(saved));
        var next = (await supervisor.GetJsonAsync<PagedResponse<SchemeResponse>>("/api/v1/assessment/schemes")).Items[0];
        Assert.Equal(1.5m, next.Indicators[rate].Weight);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("demo-head")).GetAsync($"/assessment/schemes/{current.Id}/edit")).StatusCode);
    }

    private static Dictionary<string, string> Fields(SchemeResponse scheme)
    {
        var form = new Dictionary<string, string> { ["name"] = scheme.Name, ["base"] = Points.Number(scheme.Base) };
        foreach (var (i, n) in scheme.Indicators.Select((i, n) => (i, n)))
        {
            form[$"code{n}"] = i.Code;
            form[$"name{n}"] = i.Name;
            form[$"kind{n}"] = i.Kind.ToString();
            form[$"event{n}"] = i.Event?.ToString() ?? "";
            form[$"rate{n}"] = i.Rate?.ToString() ?? "";
            form[$"points{n}"] = Points.Number(i.PointsEach);
            form[$"bands{n}"] = SchemeInput.BandsText(i.Bands);
            form[$"weight{n}"] = Points.Number(i.Weight);
            form[$"cap{n}"] = i.Cap is { } cap ? Points.Number(cap) : "";
            form[$"floor{n}"] = i.Floor is { } floor ? Points.Number(floor) : "";
            form[$"veto{n}"] = i.VetoText ?? "";
            if (i.Enabled)
            {
                form[$"enabled{n}"] = "true";
            }
        }
        return form;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        return await client.PostAsync(actionUrl, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(page),
        }));
    }

    private string Day(int days) => app.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/assessment/(\d+)")]
    private static partial Regex RunId();
}
