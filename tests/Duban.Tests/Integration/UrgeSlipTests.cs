using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Duban.Api;
using Duban.Audit;
using Duban.Core.Common;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Slips;
using Duban.Ledger;
using Duban.Supervision;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>
/// Urge slips through HTTP as each role: a supervisor issues (numbered without gaps, even 20 at once), the unit's head
/// or liaison signs for and replies, in that order and once each; another unit's slip is a 404; every write is one
/// audit event and every refusal writes nothing; the slip downloads as a GB/T 9704 .docx. The test clock stands on Wednesday 25 November 2026. Each test
/// registers its own items of 综合科 (demo-head's and demo-liaison's unit) or 秘书科.
/// </summary>
public abstract class UrgeSlipTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string Demand = "请对所列事项抓紧整改，按期书面反馈。";

    private static readonly string[] NotSupervisors = ["demo-head", "demo-liaison", "demo-member", "demo-leader", "demo-admin"];

    [Fact]
    public async Task Only_a_supervisor_issues_a_slip_and_the_refusals_write_nothing()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var others = await Task.WhenAll(NotSupervisors.Select(u => app.SignedInAsync(u)));
        var item = await ItemAsync(supervisor, "综合科", -3, "会议通知不及时");
        var before = await AuditTotalAsync(supervisor);

        foreach (var other in others)
        {
            var refused = await other.PostAsJsonAsync("/api/v1/urge-slips", Body([item]), WebSession.Json);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("没有权限", await DetailAsync(refused));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/urge-slips/proposals")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/supervision/slips/new")).StatusCode);
        }
        Assert.Equal(before, await AuditTotalAsync(supervisor));

        var response = await supervisor.PostAsJsonAsync("/api/v1/urge-slips", Body([item]), WebSession.Json);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var slip = (await response.Content.ReadFromJsonAsync<SlipResponse>(WebSession.Json))!;
        Assert.Equal($"/api/v1/urge-slips/{slip.Id}", response.Headers.Location!.ToString());
        Assert.Equal($"督〔2026〕{slip.Sequence}号", slip.Number);
        Assert.Equal((SlipColour.Yellow, "综合科", SlipState.ToAcknowledge, Demand), (slip.Colour, slip.UnitName, slip.State, slip.Demand));
        var overdue = new WorkCalendar(new WeekendsOff()).WorkdaysBetween(app.Today.AddDays(-3), app.Today);
        Assert.Equal([(item, overdue, SlipColour.Yellow)], slip.Items.Select(i => (i.ItemId, i.OverdueDays, i.Colour)));
        Assert.Empty(slip.AllowedActions);
        Assert.Equal(before + 1, await AuditTotalAsync(supervisor));
        Assert.Contains("对逾期和临近期限的事项下督办单", await supervisor.GetStringAsync("/"));
        Assert.Contains("签收和反馈本单位的督办单", await others[0].GetStringAsync("/"));
        Assert.Contains("签收和反馈本单位的督办单", await others[1].GetStringAsync("/"));
        Assert.DoesNotContain("督办单", await others[2].GetStringAsync("/"));
    }

    [Fact]
    public async Task Twenty_concurrent_issues_get_the_next_twenty_numbers_without_a_gap_or_a_repeat()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await ItemAsync(supervisor, "综合科", -20, "公文积压");
        var last = (await supervisor.GetJsonAsync<PagedResponse<SlipRow>>("/api/v1/urge-slips?pageSize=1")).Items
            .Select(r => int.Parse(r.Number[(r.Number.IndexOf('〕') + 1)..^1], CultureInfo.InvariantCulture)).FirstOrDefault();
        var before = await AuditTotalAsync(supervisor);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => supervisor.PostAsJsonAsync("/api/v1/urge-slips", Body([item]), WebSession.Json)));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        var slips = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<SlipResponse>(WebSession.Json))!));
        Assert.Equal(Enumerable.Range(last + 1, 20), slips.Select(s => s.Sequence).Order());
        Assert.Equal(slips.Select(s => $"督〔2026〕{s.Sequence}号").Order(), slips.Select(s => s.Number).Order());
        Assert.Equal(before + 20, await AuditTotalAsync(supervisor));
    }

    [Fact]
    public async Task The_head_signs_for_the_slip_then_the_liaison_replies_each_once_and_each_write_is_one_audit_event()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var head = await app.SignedInAsync("demo-head");
        var liaison = await app.SignedInAsync("demo-liaison");
        var member = await app.SignedInAsync("demo-member");
        var slip = await IssueAsync(supervisor, [await ItemAsync(supervisor, "综合科", 2, "值班纪律松弛")]);
        Assert.Contains(slip.Number, await liaison.GetStringAsync("/ledger/mine"));
        Assert.DoesNotContain(slip.Number, await member.GetStringAsync("/ledger/mine"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/urge-slips/{slip.Id}")).StatusCode);
        Assert.DoesNotContain((await member.GetJsonAsync<PagedResponse<SlipRow>>("/api/v1/urge-slips?pageSize=200")).Items, r => r.Id == slip.Id);
        Assert.Equal(SlipColour.Blue, slip.Colour);
        var audit = await AuditTotalAsync(supervisor);

        var early = await liaison.PostAsJsonAsync($"/api/v1/urge-slips/{slip.Id}/reply", new { text = "已整改" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("请先签收督办单，再反馈。", await DetailAsync(early));
        Assert.Equal(audit, await AuditTotalAsync(supervisor));

        var signed = await Act(head, slip.Id, "acknowledge");
        Assert.Equal(SlipState.ToReply, signed.State);
        Assert.False(string.IsNullOrEmpty(signed.AcknowledgedBy));
        Assert.Equal(audit + 1, await AuditTotalAsync(supervisor));

        var again = await liaison.PostAsJsonAsync($"/api/v1/urge-slips/{slip.Id}/acknowledge", new { }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("该督办单已签收，不能重复签收。", await DetailAsync(again));
        var empty = await liaison.PostAsJsonAsync($"/api/v1/urge-slips/{slip.Id}/reply", new { text = "  " }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("反馈内容不能为空", await DetailAsync(empty));
        Assert.Equal(audit + 1, await AuditTotalAsync(supervisor));

        using var form = new MultipartFormDataContent
        {
            { new StringContent("已建立值班台账，逐日检查。"), "text" },
            { new ByteArrayContent(EvidenceSamples.Pdf()), "file", "整改报告.pdf" },
        };
        var replied = await liaison.PostAsync($"/api/v1/urge-slips/{slip.Id}/reply", form);
        Assert.True(replied.IsSuccessStatusCode, await replied.Content.ReadAsStringAsync());
        var answer = (await replied.Content.ReadFromJsonAsync<SlipResponse>(WebSession.Json))!;
        Assert.Equal((SlipState.Replied, "已建立值班台账，逐日检查。", "整改报告.pdf"), (answer.State, answer.ReplyText, answer.ReplyFileName));
        Assert.Equal(audit + 2, await AuditTotalAsync(supervisor));
        Assert.Equal(EvidenceSamples.Pdf(), await supervisor.GetByteArrayAsync($"/api/v1/urge-slips/{slip.Id}/reply-file"));

        var twice = await head.PostAsJsonAsync($"/api/v1/urge-slips/{slip.Id}/reply", new { text = "再次反馈" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("该督办单已反馈，不能重复反馈。", await DetailAsync(twice));
        Assert.Equal(answer.ReplyText, (await head.GetJsonAsync<SlipResponse>($"/api/v1/urge-slips/{slip.Id}")).ReplyText);
        Assert.DoesNotContain(slip.Number, await liaison.GetStringAsync("/ledger/mine"));
    }

    [Fact]
    public async Task Another_units_slip_is_a_404_to_the_liaison_on_read_and_write_and_missing_from_the_list()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var liaison = await app.SignedInAsync("demo-liaison");
        var head = await app.SignedInAsync("demo-head");
        var slip = await IssueAsync(supervisor, [await ItemAsync(supervisor, "秘书科", -1, "来电答复不及时")]);
        var audit = await AuditTotalAsync(supervisor);

        foreach (var client in new[] { liaison, head })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/urge-slips/{slip.Id}")).StatusCode);
            var reply = await client.PostAsJsonAsync($"/api/v1/urge-slips/{slip.Id}/reply", new { text = "越权反馈" }, WebSession.Json);
            var sign = await client.PostAsJsonAsync($"/api/v1/urge-slips/{slip.Id}/acknowledge", new { }, WebSession.Json);
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (reply.StatusCode, sign.StatusCode));
            Assert.Equal($"督办单（编号 {slip.Id}）不存在。", await DetailAsync(reply));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/supervision/slips/{slip.Id}/print")).StatusCode);
            Assert.DoesNotContain((await client.GetJsonAsync<PagedResponse<SlipRow>>("/api/v1/urge-slips?pageSize=200")).Items, r => r.Id == slip.Id);
        }
        Assert.Equal(audit, await AuditTotalAsync(supervisor));
        Assert.Equal(SlipState.ToAcknowledge, (await supervisor.GetJsonAsync<SlipResponse>($"/api/v1/urge-slips/{slip.Id}")).State);
    }

    [Fact]
    public async Task Bad_slips_are_refused_in_Chinese_and_nothing_is_written()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var ours = await ItemAsync(supervisor, "综合科", -5, "学习计划缺乏针对性");
        var theirs = await ItemAsync(supervisor, "秘书科", -5, "会议材料数据不一致");
        var later = await ItemAsync(supervisor, "综合科", 30, "期限尚远");
        var audit = await AuditTotalAsync(supervisor);

        var cases = new (object Body, string Words)[]
        {
            (Body([ours, theirs]), "督办单各单位一单：所选事项分属综合科、秘书科"),
            (Body([later]), "不符合下督办单的条件"),
            (Body([]), "请至少选择一个整改事项。"),
            (Body([999999]), "整改事项（编号 999999）不存在。"),
            (new { itemIds = new[] { ours }, demand = "", replyDueOn = app.Today.AddDays(3) }, "督办要求不能为空"),
            (new { itemIds = new[] { ours }, demand = Demand, replyDueOn = app.Today.AddDays(-1) }, $"反馈期限不能早于今天（{app.Today:yyyy-MM-dd}）。"),
            (new { itemIds = new[] { ours }, demand = Demand }, "请填写反馈期限。"),
            (new { itemIds = new[] { ours }, demand = new string('长', 1001), replyDueOn = app.Today }, "不能超过 1000 个字符"),
        };
        foreach (var (body, words) in cases)
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/urge-slips", body, WebSession.Json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains(words, await DetailAsync(response));
        }
        Assert.Equal(audit, await AuditTotalAsync(supervisor));
    }

    [Fact]
    public async Task The_proposal_counts_qualifying_items_by_unit_and_colour_and_a_second_slip_on_an_item_is_red()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var before = await LineAsync(supervisor, "综合科");
        var blue = await ItemAsync(supervisor, "综合科", 7, "窗口服务态度差");
        await ItemAsync(supervisor, "综合科", -1, "材料报送迟缓");
        await ItemAsync(supervisor, "综合科", -30, "整改长期拖延");
        await ItemAsync(supervisor, "综合科", 8, "尚不临近");

        var after = await LineAsync(supervisor, "综合科");
        Assert.Equal((before.Blue + 1, before.Yellow + 1, before.Red + 1), (after.Blue, after.Yellow, after.Red));

        Assert.Equal(SlipColour.Blue, (await IssueAsync(supervisor, [blue])).Colour);
        var slipped = await LineAsync(supervisor, "综合科");
        Assert.Equal((after.Blue - 1, after.Red + 1), (slipped.Blue, slipped.Red));
        Assert.Equal(SlipColour.Red, (await IssueAsync(supervisor, [blue])).Colour);
    }

    [Fact]
    public async Task The_list_filters_by_unit_colour_and_state_and_shows_an_unanswered_slip_past_its_deadline_in_red()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var slip = await IssueAsync(supervisor, [await ItemAsync(supervisor, "秘书科", -40, "督办事项跟踪不到位")], replyDueOn: app.Today);
        var unit = (await supervisor.UnitAsync("秘书科")).Id;
        Assert.Contains((await supervisor.GetJsonAsync<PagedResponse<SlipRow>>($"/api/v1/urge-slips?unit={unit}&colour=Red&state=ToAcknowledge&pageSize=200")).Items,
            r => r.Id == slip.Id);
        Assert.DoesNotContain((await supervisor.GetJsonAsync<PagedResponse<SlipRow>>($"/api/v1/urge-slips?colour=Blue&pageSize=200")).Items,
            r => r.Id == slip.Id);

        // The class's clock moves on a day for good (every test here counts from app.Today); a new day, a new session.
        app.Clock.Advance(TimeSpan.FromDays(1));
        supervisor = await app.SignedInAsync("demo-supervisor");

        var overdue = await supervisor.GetJsonAsync<PagedResponse<SlipRow>>($"/api/v1/urge-slips?unit={unit}&state=Overdue&pageSize=200");
        Assert.Equal(SlipState.Overdue, overdue.Items.Single(r => r.Id == slip.Id).State);
        var page = await supervisor.GetStringAsync($"/supervision/slips?unit={unit}&state=Overdue");
        Assert.Contains("<tr class=\"overdue\">", page);
        Assert.Contains("slip-state-overdue\">超期未反馈", page);
        var bad = await supervisor.GetAsync("/api/v1/urge-slips?colour=Purple");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_print_view_shows_the_office_number_colour_band_items_demand_deadline_and_signature_lines()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var items = new[] { await ItemAsync(supervisor, "综合科", -4, "公文办理超时限"), await ItemAsync(supervisor, "综合科", 1, "会议纪要不规范") };
        var slip = await IssueAsync(supervisor, items);
        var head = await app.SignedInAsync("demo-head");

        var page = WebSession.Text(await head.GetStringAsync($"/supervision/slips/{slip.Id}/print"));

        foreach (var words in new[] { "作风建设年活动领导小组办公室", slip.Number, "黄色督办单", Demand, $"{app.Today.AddDays(7):yyyy年M月d日}前", "签收人", "签收时间", "反馈情况" })
        {
            Assert.Contains(words, page);
        }
        Assert.All(slip.Items, i => Assert.Contains(i.Code, page));
        Assert.DoesNotContain("整改台账", page);
        var tools = await head.GetStringAsync($"/supervision/slips/{slip.Id}/print");
        tools = tools[tools.IndexOf("<nav class=\"no-print", StringComparison.Ordinal)..];
        Assert.Contains($"href=\"/api/v1/urge-slips/{slip.Id}/document.docx\">下载 Word（公文格式）</a>", tools[..tools.IndexOf("</nav>", StringComparison.Ordinal)]);
        var css = await head.GetStringAsync("/css/slips.css");
        Assert.Contains("@page { size: A4;", css);
        Assert.Contains("@media print", css);
    }

    [Fact]
    public async Task The_slip_downloads_as_a_valid_official_document_to_the_supervisor_and_the_units_head_and_is_a_404_to_another_unit()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var head = await app.SignedInAsync("demo-head");
        var liaison = await app.SignedInAsync("demo-liaison");
        var items = new[] { await ItemAsync(supervisor, "综合科", -6, "督查反馈问题整改不实"), await ItemAsync(supervisor, "综合科", 2, "政务信息报送滞后") };
        var slip = await IssueAsync(supervisor, items, replyDueOn: new DateOnly(2026, 11, 29));
        var theirs = await IssueAsync(supervisor, [await ItemAsync(supervisor, "秘书科", -2, "文件流转超时")]);
        var path = $"/api/v1/urge-slips/{slip.Id}/document.docx";
        Assert.Contains($"href=\"{path}\"", await head.GetStringAsync($"/supervision/slips/{slip.Id}"));
        var audit = await AuditTotalAsync(supervisor);

        foreach (var client in new[] { supervisor, head })
        {
            var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal(ContentTypes.Docx, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(("attachment", $"{slip.Number} 督办单.docx"),
                (response.Content.Headers.ContentDisposition!.DispositionType, response.Content.Headers.ContentDisposition.FileNameStar));
            using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(slip.Number, paragraphs);
            Assert.Contains("综合科：", paragraphs);
            Assert.Contains(Demand, paragraphs);
            Assert.All(slip.Items, i => Assert.Contains(paragraphs, p => p.Contains(i.Code, StringComparison.Ordinal)));
            Assert.Contains(paragraphs, p => p.Contains("请于2026年11月29日前", StringComparison.Ordinal));
        }
        Assert.Equal(audit + 2, await AuditTotalAsync(supervisor));

        var refused = await liaison.GetAsync($"/api/v1/urge-slips/{theirs.Id}/document.docx");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal($"督办单（编号 {theirs.Id}）不存在。", await DetailAsync(refused));
        Assert.Equal(audit + 2, await AuditTotalAsync(supervisor));
    }

    [Fact]
    public async Task The_pages_issue_a_slip_keep_what_was_typed_on_a_refusal_and_sign_through_the_action_form()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = await ItemAsync(supervisor, "综合科", -2, "来访登记不全");
        var unit = (await supervisor.UnitAsync("综合科")).Id;
        var url = $"/supervision/slips/new?unit={unit}";
        var newPage = await supervisor.GetStringAsync(url);
        Assert.Contains($"value=\"{item}\"", newPage);

        var refused = await PostNewAsync(supervisor, url, newPage, item, "请三日内反馈来访登记整改情况。", "2026-11-01");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("反馈期限不能早于今天", again);
        Assert.Contains("请三日内反馈来访登记整改情况。", again);
        Assert.Contains("value=\"2026-11-01\"", again);

        var issued = await PostNewAsync(supervisor, url, newPage, item, "请三日内反馈来访登记整改情况。",
            app.Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var detail = issued.Headers.Location!.AbsolutePath;
        Assert.StartsWith("/supervision/slips/", detail, StringComparison.Ordinal);
        var id = int.Parse(detail["/supervision/slips/".Length..], CultureInfo.InvariantCulture);

        var head = await app.SignedInAsync("demo-head");
        var headPage = await head.GetStringAsync($"/supervision/slips/{id}");
        Assert.Contains($"/ledger/{item}", headPage);
        var signed = await head.PostAsync($"/supervision/slips/{id}/act/acknowledge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryTokenOf(headPage),
        }));
        Assert.Contains("已签收", await head.RedirectedPageTextAsync(signed));
        Assert.Equal(SlipState.ToReply, (await head.GetJsonAsync<SlipResponse>($"/api/v1/urge-slips/{id}")).State);
    }

    private static Task<HttpResponseMessage> PostNewAsync(HttpClient client, string url, string page, int item, string demand, string due) =>
        client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("_handler", "slip"),
            new("__RequestVerificationToken", WebSession.AntiforgeryTokenOf(page)),
            new("itemIds", item.ToString(CultureInfo.InvariantCulture)),
            new("demand", demand),
            new("replyDueOn", due),
        ]));

    private object Body(IReadOnlyList<int> itemIds) => new { itemIds, demand = Demand, replyDueOn = app.Today.AddDays(7) };

    private async Task<SlipResponse> IssueAsync(HttpClient supervisor, IReadOnlyList<int> itemIds, DateOnly? replyDueOn = null)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/urge-slips",
            new { itemIds, demand = Demand, replyDueOn = replyDueOn ?? app.Today.AddDays(7) }, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SlipResponse>(WebSession.Json))!;
    }

    private static async Task<SlipResponse> Act(HttpClient client, int id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/urge-slips/{id}/{action}", body ?? new { }, WebSession.Json);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SlipResponse>(WebSession.Json))!;
    }

    /// <summary>An assigned item of the unit, due <paramref name="dueInDays"/> calendar days from today.</summary>
    private async Task<int> ItemAsync(HttpClient supervisor, string unit, int dueInDays, string problem)
    {
        var unitId = (await supervisor.UnitAsync(unit)).Id;
        var due = app.Today.AddDays(dueInDays);
        var request = new ItemRequest(null, unitId, [], ItemSource.SelfInspection, problem, null, ["专人负责"], null, null,
            due.AddDays(-60), DeadlineKind.Date, due, null, null);
        var response = await supervisor.PostAsJsonAsync("/api/v1/items", request, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var item = (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
        await supervisor.ActAsync(item.Id, "assign");
        return item.Id;
    }

    private static async Task<ProposalLine> LineAsync(HttpClient supervisor, string unit) =>
        (await supervisor.GetJsonAsync<ProposalResponse>("/api/v1/urge-slips/proposals")).Units.SingleOrDefault(u => u.UnitName == unit)
        ?? new ProposalLine(0, unit, 0, 0, 0);

    private static async Task<int> AuditTotalAsync(HttpClient supervisor) =>
        (await supervisor.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?pageSize=1")).Total;

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
}

public sealed class SqliteUrgeSlipTests(SqliteAppFactory app) : UrgeSlipTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresUrgeSlipTests(PostgresAppFactory app) : UrgeSlipTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
