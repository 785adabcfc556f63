using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Duban.Core.Signals;
using Duban.Signals;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

/// <summary>
/// The 病相 pages: the board counts what the API's summary counts (a liaison sees 综合科 only), each of its figures
/// opens a list of that many flags, the copied measure stands side by side under both units, the flag's forms
/// dismiss (only with a reason) and explain, the ledger shows an item's flags as badges, and pages outside the
/// caller's scope are not found. Each test that changes a flag plants its own item.
/// </summary>
public abstract partial class SignalPageTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Theory]
    [InlineData("demo-supervisor")]
    [InlineData("demo-liaison")]
    public async Task The_boards_cells_count_what_the_summary_counts(string user)
    {
        var client = await app.SignedInAsync(user);
        var summary = await client.GetJsonAsync<SignalSummaryResponse>("/api/v1/signals/summary");
        var board = await client.GetStringAsync("/signals");

        var expected = summary.Units.SelectMany(u => Enum.GetValues<SignalKind>().Select(k => (u.UnitId, k, u.Counts[SignalTerms.Name(k)])));
        var shown = Cells(board).Select(c => (c.UnitId, c.Kind, c.Count));
        Assert.Equal(expected.Order(), shown.Order());
        Assert.Contains(shown, c => c.Count > 0);
        if (user == "demo-liaison")
        {
            Assert.Equal(["综合科"], summary.Units.Select(u => u.UnitName));
            Assert.DoesNotContain("秘书科", WebSession.Text(board));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(45)]
    public async Task Every_figure_on_the_board_opens_a_list_of_that_many_flags(int? daysAhead)
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var asOf = daysAhead is { } days ? app.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var board = await supervisor.GetStringAsync(asOf is null ? "/signals" : $"/signals?asOf={asOf}");
        var figures = Figures().Matches(board[board.IndexOf("<table class=\"grid board\"", StringComparison.Ordinal)..])
            .Select(m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        // Cells, row totals, column totals and the grand total.
        Assert.True(figures.Count > 10, $"only {figures.Count} figures on the board");
        Assert.Equal(Cells(board).Sum(c => c.Count), figures[^1].Count);
        foreach (var (href, count) in figures)
        {
            Assert.Contains("undismissed=true", href);
            Assert.Equal(asOf is not null, href.Contains($"asOf={asOf}", StringComparison.Ordinal));
            var list = WebSession.Text(await supervisor.GetStringAsync(href));
            Assert.True(list.Contains($"共 {count} 条", StringComparison.Ordinal), $"{href} does not list {count} flags: {Pager().Match(list).Value}");
        }
    }

    [Fact]
    public async Task The_copied_measure_stands_side_by_side_under_both_units()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var general = await supervisor.UnitAsync("综合科");
        var cell = Cells(await supervisor.GetStringAsync("/signals")).Single(c => c.UnitId == general.Id && c.Kind == SignalKind.CopiedWork);
        Assert.True(cell.Count >= 1);
        var list = await supervisor.GetStringAsync(WebUtility.HtmlDecode(cell.Href!));
        var flags = FlagLinks().Matches(list).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(cell.Count, flags.Count);

        var pages = new List<string>();
        foreach (var flag in flags)
        {
            pages.Add(await supervisor.GetStringAsync($"/signals/{flag}"));
        }
        var page = Assert.Single(pages, p => p.Contains(DemoSignals.CopiedMeasure, StringComparison.Ordinal));
        Assert.Equal(2, Regex.Count(page, Regex.Escape(DemoSignals.CopiedMeasure)));
        Assert.Equal(["综合科", "秘书科"], CopiedUnits().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Equal(2, Regex.Count(page, "<article class=\"copied-text\">"));
        Assert.Contains("相同内容的另一项", page);
    }

    [Fact]
    public async Task Dismissing_from_the_page_needs_a_reason_and_takes_the_flag_off_the_board()
    {
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("综合科"));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var flag = Assert.Single((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        var general = await supervisor.UnitAsync("综合科");
        int Counted(string board) => Cells(board).Single(c => c.UnitId == general.Id && c.Kind == SignalKind.BrokenPromise).Count;
        var before = Counted(await supervisor.GetStringAsync("/signals"));
        var detail = await supervisor.GetJsonAsync<SignalDetailResponse>($"/api/v1/signals/{flag.Id}");
        var page = await supervisor.GetStringAsync($"/signals/{flag.Id}");
        Assert.Contains($"action=\"/signals/{flag.Id}/act/dismiss\"", page);
        Assert.Contains("data-confirm=\"排除后，只要依据不变", page);

        var refused = await PostFormAsync(supervisor, page, $"/signals/{flag.Id}/act/dismiss", new() { ["reason"] = " ", ["version"] = Number(detail.Version) });
        Assert.Contains("排除理由不能为空。", await supervisor.RedirectedPageTextAsync(refused));
        var unchanged = await supervisor.GetJsonAsync<SignalDetailResponse>($"/api/v1/signals/{flag.Id}");
        Assert.Equal((SignalState.Open, detail.Version, (string?)null), (unchanged.Flag.State, unchanged.Version, unchanged.DecisionReason));

        var dismissed = await PostFormAsync(supervisor, page, $"/signals/{flag.Id}/act/dismiss",
            new() { ["reason"] = "两次延期均经区领导批准，情况属实", ["version"] = Number(detail.Version) });
        var shown = await supervisor.RedirectedPageTextAsync(dismissed);
        Assert.Contains("已排除。", shown);
        Assert.Contains("两次延期均经区领导批准，情况属实", shown);
        Assert.Equal(SignalState.Dismissed, (await supervisor.GetJsonAsync<SignalDetailResponse>($"/api/v1/signals/{flag.Id}")).Flag.State);
        Assert.Equal(before - 1, Counted(await supervisor.GetStringAsync("/signals")));
    }

    [Fact]
    public async Task A_liaison_explains_from_the_page_and_the_supervisor_may_then_decide()
    {
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("综合科"));
        var liaison = await app.SignedInAsync("demo-liaison");
        var flag = Assert.Single((await liaison.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        var page = await liaison.GetStringAsync($"/signals/{flag.Id}");
        Assert.Contains($"action=\"/signals/{flag.Id}/act/explain\"", page);
        Assert.DoesNotContain("/act/dismiss", page);

        const string explanation = "第一次延期因上级文件调整，第二次因人员借调，已于本周补齐材料。";
        var explained = await PostFormAsync(liaison, page, $"/signals/{flag.Id}/act/explain", new() { ["text"] = explanation });
        var shown = await liaison.RedirectedPageTextAsync(explained);
        Assert.Contains("已提交情况说明。", shown);
        Assert.Contains(explanation, shown);
        Assert.Contains("已说明", shown);
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var decide = await supervisor.GetStringAsync($"/signals/{flag.Id}");
        Assert.Contains($"action=\"/signals/{flag.Id}/act/accept\"", decide);
        Assert.Contains($"action=\"/signals/{flag.Id}/act/dismiss\"", decide);
    }

    [Fact]
    public async Task The_ledger_list_and_the_items_page_show_its_flags_as_badges()
    {
        var item = await app.PlantAsync(plant => plant.PromiseBrokenAsync("综合科"));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var flag = Assert.Single((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={item}")).Items);
        var badge = $"<a class=\"signal-badge\" href=\"/signals/{flag.Id}\"";

        var list = await supervisor.GetStringAsync($"/ledger?q={flag.ItemCode}");
        Assert.Contains(badge, list);
        Assert.Contains("打白条</a>", list[list.IndexOf(badge, StringComparison.Ordinal)..]);
        var detail = await supervisor.GetStringAsync($"/ledger/{item}");
        Assert.Contains(badge, detail);
        Assert.Contains("病相提示", WebSession.Text(detail));
    }

    [Fact]
    public async Task Pages_outside_the_callers_scope_are_not_found_and_bad_times_are_told_in_chinese()
    {
        var other = await app.PlantAsync(plant => plant.PromiseBrokenAsync("秘书科"));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var liaison = await app.SignedInAsync("demo-liaison");
        var flag = Assert.Single((await supervisor.GetJsonAsync<SignalListResponse>($"/api/v1/signals?item={other}")).Items);
        var secretariat = await supervisor.UnitAsync("秘书科");
        var general = await supervisor.UnitAsync("综合科");

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/signals/{flag.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/signals/{flag.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/signals/units/{secretariat.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/signals/99999999")).StatusCode);
        var own = WebSession.Text(await liaison.GetStringAsync($"/signals/units/{general.Id}"));
        Assert.Contains("综合科的病相提示", own);
        Assert.DoesNotContain("ZG-", WebSession.Text(await liaison.GetStringAsync($"/signals/list?unit={secretariat.Id}")));

        var badTime = await supervisor.GetAsync("/signals?asOf=明天");
        Assert.Equal(HttpStatusCode.OK, badTime.StatusCode);
        Assert.Contains("计算时点“明天”无法识别", WebSession.Text(await badTime.Content.ReadAsStringAsync()));
        Assert.Contains("计算时点须在 2000 年至 2099 年之间。", WebSession.Text(await supervisor.GetStringAsync("/signals/list?asOf=1999-12-31")));
    }

    private sealed record Cell(int UnitId, SignalKind Kind, int Count, string? Href);

    private static List<Cell> Cells(string board) =>
    [
        .. BoardCells().Matches(board).Select(m => new Cell(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Enum.Parse<SignalKind>(m.Groups[2].Value),
            m.Groups[4].Success ? int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) : 0, m.Groups[3].Success ? m.Groups[3].Value : null)),
    ];

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields) =>
        await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(page),
        }));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("<td class=\"num cell level-\\d\" data-unit=\"(\\d+)\" data-kind=\"(\\w+)\">\\s*(?:<a href=\"([^\"]+)\"[^>]*>(\\d+)</a>|<span class=\"zero\">0</span>)")]
    private static partial Regex BoardCells();

    [GeneratedRegex("<a href=\"(/signals/list[^\"]*)\"[^>]*>(\\d+)</a>")]
    private static partial Regex Figures();

    [GeneratedRegex("href=\"/signals/(\\d+)\"")]
    private static partial Regex FlagLinks();

    [GeneratedRegex("<b class=\"copied-unit\">([^<]+)</b>")]
    private static partial Regex CopiedUnits();

    [GeneratedRegex("共 \\d+ 条")]
    private static partial Regex Pager();
}

public sealed class SqliteSignalPageTests(SqliteAppFactory app) : SignalPageTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresSignalPageTests(PostgresAppFactory app) : SignalPageTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
