using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Duban.Api;
using Duban.Bulletins;
using Duban.Core.Bulletins;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// Bulletins through HTTP as each role, on the demo ledger: every figure of a draft equals the total of the ledger
/// list it links to; the steps and their refusals (四眼, unapproved, published, bad input); numbers without gaps under
/// 20 concurrent publishes; the frozen record and Word file after the ledger changes; distribution, 签收, 整改反馈 and
/// criticisms as items; a unit sees only what reached it.
/// </summary>
public abstract class BulletinTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Every_figure_of_a_draft_equals_the_total_of_the_ledger_list_it_links_to()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var draft = await DraftAsync(supervisor, from: app.Today.AddDays(-60));

        var ledgerFigures = draft.Figures.Where(f => f.Href.StartsWith("/ledger?", StringComparison.Ordinal) && !f.Shown.EndsWith('%')).ToList();
        Assert.True(ledgerFigures.Count >= 5, string.Join(",", draft.Figures.Select(f => f.Key)));
        foreach (var figure in ledgerFigures)
        {
            var list = await supervisor.GetJsonAsync<PagedResponse<ItemRow>>("/api/v1/items" + figure.Href["/ledger".Length..] + "&pageSize=1");
            Assert.True(figure.Shown == list.Total.ToString(CultureInfo.InvariantCulture), $"{figure.Key}: {figure.Shown} ≠ {list.Total}");
        }
        foreach (var cell in draft.Table.Rows.SelectMany(r => r).Where(c => c.Href is not null))
        {
            var list = await supervisor.GetJsonAsync<PagedResponse<ItemRow>>("/api/v1/items" + cell.Href!["/ledger".Length..] + "&pageSize=1");
            Assert.Equal(cell.Text, list.Total.ToString(CultureInfo.InvariantCulture));
        }
        // The page opens the same list, saying how it counts.
        var page = await supervisor.GetStringAsync(draft.Figures.Single(f => f.Key == "overdue").Href);
        Assert.Contains("按通报口径查看", page);
        Assert.Contains("逾期未完成（红灯）的事项", page);
    }

    [Fact]
    public async Task The_drafts_numbers_match_a_hand_built_ledger_at_the_cut_off()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var (campaign, unit) = await HandBuiltLedgerAsync();

        var response = await supervisor.PostAsJsonAsync("/api/v1/bulletins",
            new { campaign, unit, from = app.Today.AddDays(-20), to = app.Today }, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draft = (await response.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!;

        // Found in the period and registered by the cut-off: A, B, C, F (D was found before it, E registered after).
        Assert.Equal([("found", "4"), ("self", "3"), ("selfShare", "75%"), ("closed", "2"), ("onTime", "1"), ("onTimeRate", "50%"), ("overdue", "2")],
            draft.Figures.Where(f => !f.Key.Contains(':', StringComparison.Ordinal)).Select(f => (f.Key, f.Shown)));
        Assert.Equal(["4", "2", "1", "1", "2"], draft.Table.Rows[0].Skip(2).Select(c => c.Text));
        Assert.Equal([("区政府办公室机关党支部", RecipientRole.Criticised)],
            draft.Units.Where(u => u.Role is RecipientRole.Praised or RecipientRole.Criticised).Select(u => (u.UnitName, u.Role)));
        Assert.Contains("区政府办公室机关党支部（2个）存在逾期未完成", string.Concat(draft.Sections.SelectMany(s => s.Paragraphs)));
        foreach (var figure in draft.Figures.Where(f => !f.Shown.EndsWith('%')))
        {
            var list = await supervisor.GetJsonAsync<PagedResponse<ItemRow>>("/api/v1/items" + figure.Href["/ledger".Length..] + "&pageSize=1");
            Assert.Equal(figure.Shown, list.Total.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Six items of the party branch (no other item is its): A self-found, closed on time; B from an inspection, open past
    /// its deadline; C self-found, closed late; D found before the period; E registered after the cut-off (now); F
    /// open and overdue at the cut-off, closed an hour after it.
    /// </summary>
    private async Task<(int Campaign, int Unit)> HandBuiltLedgerAsync() => await app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<Core.Data.DubanDb>();
        var campaign = await db.Set<Core.Campaigns.Campaign>().OrderBy(c => c.Id).FirstAsync();
        var unit = await db.Units.SingleAsync(u => u.Name == "区政府办公室机关党支部");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var by = new ItemActor(null, "test");
        var number = await db.Set<RectificationItem>().IgnoreQueryFilters().Where(i => i.CampaignId == campaign.Id).MaxAsync(i => i.Number);
        RectificationItem Item(ItemSource source, int foundDaysAgo, int dueInDays, DateTime registered, DateTime? closed)
        {
            var details = new ItemDetails([], source, $"手工台账问题{number + 1}", null, ["专人负责"], null, null,
                app.Today.AddDays(-foundDaysAgo), DeadlineKind.Date, app.Today.AddDays(dueInDays), null);
            var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, unit.Id, unit.Path, details, by, registered, campaign.ItemPrefix);
            item.Assign(by, registered);
            item.Start(by, registered);
            if (closed is { } at)
            {
                item.Submit(null, by, at);
                item.Close("手工台账", null, by, at);
            }
            db.Items.Add(item);
            return item;
        }
        var earlier = now.AddHours(-1);
        Item(ItemSource.SelfInspection, 10, 5, earlier.AddDays(-5), earlier);
        Item(ItemSource.SuperiorInspection, 10, -3, earlier.AddDays(-5), null);
        Item(ItemSource.SelfInspection, 15, -10, earlier.AddDays(-10), earlier);
        Item(ItemSource.SelfInspection, 40, -5, earlier.AddDays(-30), null);
        Item(ItemSource.SelfInspection, 5, -1, now.AddHours(1), null);
        Item(ItemSource.SelfInspection, 5, -2, earlier.AddDays(-3), now.AddHours(1));
        await db.SaveChangesAsync();
        return (campaign.Id, unit.Id);
    });

    [Fact]
    public async Task A_draft_goes_through_approval_by_a_leader_who_did_not_draft_it_and_publishes_with_the_next_number()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var head = await app.SignedInAsync("demo-head");
        var draft = await DraftAsync(supervisor);

        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, draft.Id, "publish", draft.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(head, draft.Id, "submit", draft.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/bulletins/{draft.Id}")).StatusCode);
        var submitted = await ActAsync(supervisor, draft.Id, "submit", draft.Version);
        Assert.Equal(BulletinState.Submitted, submitted.State);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(supervisor, draft.Id, "approve", submitted.Version)).StatusCode);
        Assert.Contains("审批", await leader.GetStringAsync("/ledger/mine"));

        var noReason = await PostAsync(leader, draft.Id, "return", submitted.Version);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var returned = await ActAsync(leader, draft.Id, "return", submitted.Version, new { reason = "请补充典型问题。" });
        Assert.Equal((BulletinState.Returned, "请补充典型问题。"), (returned.State, returned.ReturnReason));
        var edited = await PatchAsync(supervisor, draft.Id, new { title = "关于作风建设问题整改情况的通报（修改）", version = returned.Version });
        var resubmitted = await ActAsync(supervisor, draft.Id, "submit", edited.Version);
        Assert.Contains("关于作风建设问题整改情况的通报（修改）", await leader.GetStringAsync($"/bulletins/{draft.Id}"));

        var approved = await ActAsync(leader, draft.Id, "approve", resubmitted.Version);
        Assert.Equal(BulletinState.Approved, approved.State);
        Assert.False(string.IsNullOrEmpty(approved.ApprovedBy));
        var published = await ActAsync(supervisor, draft.Id, "publish", approved.Version);

        Assert.Equal(BulletinState.Published, published.State);
        Assert.Matches(@"^区政办作风通〔2026〕\d+号$", published.Number!);
        Assert.Equal(64, published.Sha256!.Length);
        var refused = await supervisor.PatchAsJsonAsync($"/api/v1/bulletins/{draft.Id}", new { title = "改", version = published.Version }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("不能再修改", await DetailAsync(refused));
        Assert.Contains(published.Number!, await supervisor.GetStringAsync($"/bulletins/number/{Uri.EscapeDataString(published.Number!)}"));
    }

    [Fact]
    public async Task Bad_input_is_a_chinese_message_and_writes_nothing()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = await CampaignAsync(supervisor);
        foreach (var (body, words) in new (object Body, string Words)[]
        {
            (new { campaign, from = app.Today, to = app.Today.AddDays(-1) }, "结束日期不能早于开始日期"),
            (new { campaign = 999999 }, "活动（编号 999999）不存在"),
            (new { campaign, cutoff = DateTimeOffset.UtcNow.AddYears(1) }, "不能晚于现在"),
            (new { }, "请选择活动"),
        })
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/bulletins", body, WebSession.Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(words, await DetailAsync(response));
        }
        var outside = await supervisor.PostAsJsonAsync("/api/v1/bulletins", new { campaign, unit = 999999 }, WebSession.Json);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/items?standing=7")).StatusCode);
        var badCutOff = await supervisor.PostAsJsonAsync("/api/v1/bulletins", new { campaign, cutoff = "昨天" }, WebSession.Json);
        Assert.Contains("数据截止时间的格式不正确", await DetailAsync(badCutOff));
        // A cut-off without an offset is China time: 09:00 on the test day is 01:00 UTC.
        var local = await supervisor.PostAsJsonAsync("/api/v1/bulletins", new { campaign, cutoff = $"{app.Today:yyyy-MM-dd}T09:00" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Created, local.StatusCode);
        Assert.Equal(new DateTimeOffset(app.Today.ToDateTime(new TimeOnly(9, 0)), Core.Common.ChinaTime.Offset).UtcDateTime,
            (await local.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!.CutOff.ToUniversalTime());

        var draft = await DraftAsync(supervisor);
        var huge = await supervisor.PatchAsJsonAsync($"/api/v1/bulletins/{draft.Id}",
            new { sections = new[] { new { heading = "一、基本情况", paragraphs = new[] { new string('字', 100_000) } } }, version = draft.Version }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("不能超过 3000 个字", await DetailAsync(huge));
        var strange = await PatchAsync(supervisor, draft.Id, new
        {
            sections = new[] { new { heading = "一、基本情况", paragraphs = (string[])["=HYPERLINK(\"http://x\")<b>粗</b>\u0007响铃"] } },
            version = draft.Version,
        });
        Assert.Equal("=HYPERLINK(\"http://x\")<b>粗</b>响铃", strange.Sections.Single().Paragraphs.Single());
        var page = await supervisor.GetStringAsync($"/bulletins/{draft.Id}");
        Assert.Contains("&lt;b&gt;粗&lt;/b&gt;", page);
        var docx = await supervisor.GetByteArrayAsync($"/api/v1/bulletins/{draft.Id}/document.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Contains("=HYPERLINK(\"http://x\")<b>粗</b>响铃", document.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task Twenty_concurrent_publishes_take_the_next_twenty_numbers_without_a_gap_or_a_repeat()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var approved = new List<BulletinResponse>();
        for (var i = 0; i < 20; i++)
        {
            var draft = await DraftAsync(supervisor);
            var submitted = await ActAsync(supervisor, draft.Id, "submit", draft.Version);
            approved.Add(await ActAsync(leader, draft.Id, "approve", submitted.Version));
        }
        // Withdrawn bulletins keep their numbers too.
        var before = (await supervisor.GetJsonAsync<PagedResponse<BulletinRow>>("/api/v1/bulletins?pageSize=200")).Items
            .Where(r => r.Number is not null).Select(r => Sequence(r.Number!)).DefaultIfEmpty(0).Max();

        var published = await Task.WhenAll(approved.Select(b => ActAsync(supervisor, b.Id, "publish", b.Version)));

        Assert.Equal(Enumerable.Range(before + 1, 20), published.Select(b => Sequence(b.Number!)).Order());
    }

    [Fact]
    public async Task A_published_bulletin_stays_as_published_when_the_ledger_changes_and_its_word_file_keeps_its_hash()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var published = await PublishedAsync(supervisor);
        var docx = await supervisor.GetByteArrayAsync($"/api/v1/bulletins/{published.Id}/document.docx");
        Assert.Equal(published.Sha256, Convert.ToHexStringLower(SHA256.HashData(docx)));
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            Assert.Contains(published.Number!, document.MainDocumentPart!.Document.Body!.InnerText);
        }

        // The ledger moves on: a new overdue item of 综合科.
        var unit = (await supervisor.UnitAsync("综合科")).Id;
        var request = new ItemRequest(null, unit, [], ItemSource.SelfInspection, "通报发布后发现的问题", null, ["专人负责"], null, null,
            app.Today.AddDays(-30), DeadlineKind.Date, app.Today.AddDays(-2), null, null);
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/v1/items", request, WebSession.Json)).StatusCode);

        var again = await supervisor.GetJsonAsync<BulletinResponse>($"/api/v1/bulletins/{published.Id}");
        Assert.Equal((published.Sha256, published.ContentSha256), (again.Sha256, again.ContentSha256));
        Assert.Equal(published.Sections.SelectMany(s => s.Paragraphs), again.Sections.SelectMany(s => s.Paragraphs));
        Assert.Equal(docx, await supervisor.GetByteArrayAsync($"/api/v1/bulletins/{published.Id}/document.docx"));
        var fresh = await DraftAsync(supervisor);
        Assert.NotEqual(published.Figures.Single(f => f.Key == "found").Shown, fresh.Figures.Single(f => f.Key == "found").Shown);
    }

    [Fact]
    public async Task The_units_it_names_sign_for_it_the_criticised_send_feedback_and_the_criticisms_become_ledger_items()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var head = await app.SignedInAsync("demo-head");
        var liaison = await app.SignedInAsync("demo-liaison");
        var member = await app.SignedInAsync("demo-member");
        var published = await PublishedAsync(supervisor);
        Assert.Contains(published.Units, u => u.UnitName == "综合科" && u.Role == RecipientRole.Criticised);

        var list = await head.GetJsonAsync<PagedResponse<BulletinRow>>("/api/v1/bulletins?pageSize=200");
        Assert.Contains(list.Items, r => r.Id == published.Id && r.Unread && r.Role == RecipientRole.Criticised);
        Assert.DoesNotContain(list.Items, r => r.State != BulletinState.Published && r.State != BulletinState.Withdrawn);
        Assert.Empty((await member.GetJsonAsync<PagedResponse<BulletinRow>>("/api/v1/bulletins")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/bulletins/{published.Id}")).StatusCode);
        Assert.Contains("签收（综合科）", await liaison.GetStringAsync("/ledger/mine"));

        var early = await liaison.PostAsJsonAsync($"/api/v1/bulletins/{published.Id}/feedback", new { text = "已整改" }, WebSession.Json);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("请先签收", await DetailAsync(early));
        var signed = await liaison.PostAsJsonAsync($"/api/v1/bulletins/{published.Id}/acknowledge", new { }, WebSession.Json);
        Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/v1/bulletins/{published.Id}/acknowledge", new { }, WebSession.Json)).StatusCode);
        Assert.Contains("报送整改反馈（综合科）", await head.GetStringAsync("/ledger/mine"));
        var feedback = await head.PostAsJsonAsync($"/api/v1/bulletins/{published.Id}/feedback", new { text = "逾期事项已制定整改计划，12月10日前完成。" }, WebSession.Json);
        Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());

        var receipts = await supervisor.GetJsonAsync<List<RecipientRow>>($"/api/v1/bulletins/{published.Id}/recipients");
        var ours = receipts.Single(r => r.UnitName == "综合科");
        Assert.NotNull(ours.AcknowledgedAt);
        Assert.Equal("逾期事项已制定整改计划，12月10日前完成。", ours.FeedbackText);
        Assert.Contains(receipts, r => r.AcknowledgedAt is null);
        Assert.Equal([ours.Id], (await head.GetJsonAsync<List<RecipientRow>>($"/api/v1/bulletins/{published.Id}/recipients")).Select(r => r.Id));

        var made = await ActAsync(supervisor, published.Id, "make-items", published.Version);
        Assert.DoesNotContain(BulletinAction.MakeItems, made.AllowedActions);
        var items = await supervisor.GetJsonAsync<PagedResponse<ItemRow>>($"/api/v1/items?q={Uri.EscapeDataString("通报批评")}&source=SuperiorInspection&pageSize=200");
        var criticised = published.Units.Where(u => u.Role == RecipientRole.Criticised).Select(u => u.UnitName).Order().ToList();
        Assert.Equal(criticised, items.Items.Where(i => i.Problem.StartsWith(published.Number!, StringComparison.Ordinal)).Select(i => i.UnitName).Order());
        receipts = await supervisor.GetJsonAsync<List<RecipientRow>>($"/api/v1/bulletins/{published.Id}/recipients");
        Assert.All(receipts.Where(r => r.Role == RecipientRole.Criticised), r => Assert.NotNull(r.ItemCode));
        // Each item quotes what the bulletin says of its unit.
        var general = items.Items.Single(i => i.UnitName == "综合科" && i.Problem.StartsWith(published.Number!, StringComparison.Ordinal));
        Assert.Contains("逾期未完成整改", general.Problem);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, published.Id, "make-items", made.Version)).StatusCode);

        var withdrawn = await ActAsync(supervisor, published.Id, "withdraw", made.Version, new { reason = "数据口径有误，另行通报。" });
        Assert.Equal(BulletinState.Withdrawn, withdrawn.State);
        Assert.Contains("已撤回", await head.GetStringAsync($"/bulletins/{published.Id}"));
        Assert.DoesNotContain($"/bulletins/{published.Id}\"", await head.GetStringAsync("/ledger/mine"));
    }

    [Fact]
    public async Task Numbers_refresh_to_a_new_cut_off_until_submitted_keeping_the_edited_requirements_and_a_correction_names_the_corrected()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var draft = await DraftAsync(supervisor);
        var sections = draft.Sections.Select(s => new
        {
            heading = s.Heading,
            paragraphs = s.Heading == "四、下步工作要求" ? [.. s.Paragraphs, "（四）本段由起草人补充。"] : s.Paragraphs,
        }).ToList();
        var edited = await PatchAsync(supervisor, draft.Id, new { sections, version = draft.Version });
        var found = int.Parse(edited.Figures.Single(f => f.Key == "found").Shown, CultureInfo.InvariantCulture);

        var unit = (await supervisor.UnitAsync("秘书科")).Id;
        var request = new ItemRequest(null, unit, [], ItemSource.SelfInspection, "刷新前新登记的问题", null, ["专人负责"], null, null,
            app.Today, DeadlineKind.Date, app.Today.AddDays(20), null, null);
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/v1/items", request, WebSession.Json)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var refreshed = await ActAsync(supervisor, draft.Id, "refresh", edited.Version);

        Assert.Equal((found + 1).ToString(CultureInfo.InvariantCulture), refreshed.Figures.Single(f => f.Key == "found").Shown);
        Assert.True(refreshed.CutOff > edited.CutOff);
        Assert.Contains("（四）本段由起草人补充。", refreshed.Sections.Single(s => s.Heading == "四、下步工作要求").Paragraphs);
        var submitted = await ActAsync(supervisor, draft.Id, "submit", refreshed.Version);
        var late = await PostAsync(supervisor, draft.Id, "refresh", submitted.Version);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var published = await PublishedAsync(supervisor);
        var correction = await supervisor.PostAsync($"/api/v1/bulletins/{published.Id}/correct", null);
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var corrected = (await correction.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!;
        Assert.Equal((BulletinState.Draft, published.Id, published.Number), (corrected.State, corrected.CorrectsId, corrected.CorrectsNumber));
        Assert.Equal($"关于更正{published.Number}的通报", corrected.Title);
        Assert.Contains($"（{published.Number}）有误，现更正如下：", corrected.Sections[0].Paragraphs[0]);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync($"/api/v1/bulletins/{draft.Id}/correct", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, corrected.Id, "refresh", corrected.Version)).StatusCode);
        var nulls = await supervisor.PatchAsJsonAsync($"/api/v1/bulletins/{corrected.Id}", new { sections = new object?[] { null }, version = corrected.Version }, WebSession.Json);
        Assert.Equal(HttpStatusCode.BadRequest, nulls.StatusCode);
        Assert.Equal("通报正文不能为空。", await DetailAsync(nulls));
    }

    private async Task<BulletinResponse> PublishedAsync(HttpClient supervisor)
    {
        var leader = await app.SignedInAsync("demo-leader");
        var draft = await DraftAsync(supervisor);
        var submitted = await ActAsync(supervisor, draft.Id, "submit", draft.Version);
        var approved = await ActAsync(leader, draft.Id, "approve", submitted.Version);
        return await ActAsync(supervisor, draft.Id, "publish", approved.Version);
    }

    private static async Task<BulletinResponse> DraftAsync(HttpClient supervisor, DateOnly? from = null)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/bulletins", new { campaign = await CampaignAsync(supervisor), from }, WebSession.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!;
    }

    private static async Task<int> CampaignAsync(HttpClient client) =>
        (await client.GetJsonAsync<PagedResponse<Campaigns.CampaignResponse>>("/api/v1/campaigns")).Items[0].Id;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string action, int version, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/bulletins/{id}/{action}", body ?? new { version }, WebSession.Json);

    private static async Task<BulletinResponse> ActAsync(HttpClient client, int id, string action, int version, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/bulletins/{id}/{action}",
            body is null ? new Dictionary<string, object> { ["version"] = version } : Merge(body, version), WebSession.Json);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!;
    }

    private static async Task<BulletinResponse> PatchAsync(HttpClient client, int id, object body)
    {
        var response = await client.PatchAsJsonAsync($"/api/v1/bulletins/{id}", body, WebSession.Json);
        Assert.True(response.IsSuccessStatusCode, $"patch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!;
    }

    private static Dictionary<string, object> Merge(object body, int version)
    {
        var values = body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body)!);
        values["version"] = version;
        return values;
    }

    private static int Sequence(string number) => int.Parse(number[(number.IndexOf('〕') + 1)..^1], CultureInfo.InvariantCulture);

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
}

public sealed class SqliteBulletinTests(SqliteAppFactory app) : BulletinTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresBulletinTests(PostgresAppFactory app) : BulletinTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
