using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Api;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Duban.Tests.Integration;

/// <summary>
/// A sheet exported from the system, imported back: the items it names exist and are never created again; they are
/// updated, through their own edit, only when asked; another campaign's items are never touched.
/// </summary>
public abstract class ImportExistingTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const int CodeColumn = 16;
    private const int GoalColumn = 4;
    private const int StateColumn = 12;
    private const int UnitColumn = 7;

    [Fact]
    public async Task Importing_an_export_into_its_own_campaign_creates_nothing_and_reports_every_item_as_existing()
    {
        var campaign = await CampaignWithItemsAsync("SAME-CLI", "同活动往返");
        var before = await ItemsOfAsync(campaign);
        var file = await ExportAsync(campaign, "same-campaign.xlsx");

        var json = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", campaign, "--json", "--data", app.DataDir);
        var text = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", campaign, "--data", app.DataDir);

        Assert.True(json.ExitCode == 0, json.Output + json.Error);
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal((0, before.Count, 0), (Number(report, "imported"), Number(report, "existing"), Number(report, "updated")));
        Assert.DoesNotContain("不在标准来源中", json.Output);
        Assert.Contains($"导入 0 行，已存在 {before.Count} 条", text.Output);
        Assert.Equal(before, await ItemsOfAsync(campaign));
    }

    [Fact]
    public async Task A_changed_row_updates_its_item_with_history_only_when_asked_and_never_moves_a_state()
    {
        var campaign = await CampaignWithItemsAsync("SAME-UPD", "按表更新");
        var before = await ItemsOfAsync(campaign);
        var rows = ExportedRows(await ExportAsync(campaign, "to-change.xlsx"));
        var changed = Row(rows, before, "按表更新：其他来源");
        changed[GoalColumn] = "按表格修改后的目标";
        Row(rows, before, "按表更新：长期坚持")[StateColumn] = "已完成";
        Row(rows, before, "按表更新：已销号")[GoalColumn] = "已销号的不能改";
        var otherUnit = Row(rows, before, "按表更新：立行立改");
        otherUnit[UnitColumn] = "秘书科";
        otherUnit[GoalColumn] = "单位不同的行不更新";
        var file = Path.Combine(app.DataDir, "changed.xlsx");
        await File.WriteAllBytesAsync(file, LedgerSheets.Xlsx(rows));

        var skipped = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", campaign, "--json", "--data", app.DataDir);
        Assert.Equal(before, await ItemsOfAsync(campaign));
        var dryRun = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", campaign, "--update-existing", "--dry-run", "--json", "--data", app.DataDir);
        Assert.Equal(before, await ItemsOfAsync(campaign));
        var updated = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", campaign, "--update-existing", "--json", "--data", app.DataDir);

        using (var report = JsonDocument.Parse(skipped.Output))
        {
            Assert.Equal((0, before.Count, 0), (Number(report, "imported"), Number(report, "existing"), Number(report, "updated")));
        }
        using (var report = JsonDocument.Parse(dryRun.Output))
        {
            Assert.Equal(1, Number(report, "updated"));
        }
        Assert.True(updated.ExitCode == 0, updated.Output + updated.Error);
        using (var report = JsonDocument.Parse(updated.Output))
        {
            Assert.Equal((0, before.Count, 1), (Number(report, "imported"), Number(report, "existing"), Number(report, "updated")));
            var warnings = report.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()!).ToList();
            Assert.Contains(warnings, w => w.Contains("导入不改变办理状态", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.Contains("不能修改", StringComparison.Ordinal) && w.Contains("整改目标", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.Contains("责任单位不同，本行未更新", StringComparison.Ordinal));
        }
        var after = await ItemsOfAsync(campaign);
        var item = before.Single(i => i.Problem == "按表更新：其他来源");
        Assert.Equal(before.Where(i => i.Id != item.Id), after.Where(i => i.Id != item.Id));
        var view = await (await app.SignedInAsync("demo-supervisor")).GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal("按表格修改后的目标", view.Goal);
        Assert.Equal(item.State, view.State);
        Assert.Equal([new FieldChange("整改目标", "原定目标", "按表格修改后的目标")], view.History[^1].Changes);
    }

    [Fact]
    public async Task The_import_page_shows_an_exported_ledger_as_existing_and_updates_it_only_when_asked()
    {
        var campaign = await CampaignWithItemsAsync("SAME-PAGE", "页面往返");
        var before = await ItemsOfAsync(campaign);
        var client = await app.SignedInAsync("demo-supervisor");
        var id = await CampaignIdAsync(campaign);
        var export = await client.GetAsync($"/ledger/export?campaign={id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = ExportedRows(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Row(rows, before, "页面往返：其他来源")[GoalColumn] = "页面改的目标";

        var job = await UploadAsync(client, campaign, "页面往返.xlsx", LedgerSheets.Xlsx(rows));
        var checkedPage = Squash(await FinishedPageAsync(client, job));

        Assert.Contains($"已存在{before.Count}条", checkedPage);
        Assert.DoesNotContain("确认导入", checkedPage);
        Assert.DoesNotContain("不在标准来源中", checkedPage);
        Assert.Contains($"更新已存在的{before.Count}条", checkedPage);
        var refused = await ConfirmAsync(client, job, []);
        Assert.Contains("都已存在", await client.RedirectedPageTextAsync(refused));
        Assert.Equal(before, await ItemsOfAsync(campaign));

        await ConfirmAsync(client, job, new() { ["updateExisting"] = "true" });
        var done = Squash(await FinishedPageAsync(client, job));

        Assert.Contains($"导入0行，已存在{before.Count}条，未重复导入，其中1条按表格更新", done);
        var after = await ItemsOfAsync(campaign);
        Assert.Equal(before.Count, after.Count);
        var item = before.Single(i => i.Problem == "页面往返：其他来源");
        var view = await client.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}");
        Assert.Equal("页面改的目标", view.Goal);
        Assert.Equal(new FieldChange("整改目标", "原定目标", "页面改的目标"), Assert.Single(view.History[^1].Changes));
    }

    [Fact]
    public async Task Items_of_another_campaign_with_the_same_codes_are_never_touched()
    {
        var source = await CampaignWithItemsAsync("OTHER-A", "甲活动");
        var target = await CampaignWithItemsAsync("OTHER-B", "乙活动");
        var sourceBefore = await ItemsOfAsync(source);
        var targetBefore = await ItemsOfAsync(target);
        Assert.Equal(sourceBefore.Select(i => i.Code), targetBefore.Select(i => i.Code));
        var rows = ExportedRows(await ExportAsync(source, "other-campaign.xlsx"));
        Row(rows, sourceBefore, "甲活动：其他来源")[GoalColumn] = "不应改到任何已有事项";
        var file = Path.Combine(app.DataDir, "other-changed.xlsx");
        await File.WriteAllBytesAsync(file, LedgerSheets.Xlsx(rows));

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", target, "--update-existing", "--json", "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal((sourceBefore.Count, 0, 0), (Number(report, "imported"), Number(report, "existing"), Number(report, "updated")));
        Assert.Contains("其他活动的事项，不会被改动", result.Output);
        Assert.Equal(sourceBefore, await ItemsOfAsync(source));
        var targetAfter = await ItemsOfAsync(target);
        Assert.Equal(targetBefore, targetAfter.Where(i => targetBefore.Any(b => b.Id == i.Id)));
        Assert.Contains(targetAfter, i => i.Problem == "甲活动：其他来源" && !targetBefore.Any(b => b.Id == i.Id));
    }

    /// <summary>What an import must leave alone: the item, its version (every change bumps it) and its state.</summary>
    private sealed record ItemSnapshot(int Id, string Code, string Problem, int Version, ItemState State);

    private static int Number(JsonDocument report, string name) => report.RootElement.GetProperty(name).GetInt32();

    /// <summary>A campaign of its own with four items of 综合科: of every kind the export must carry back unchanged.</summary>
    private async Task<string> CampaignWithItemsAsync(string code, string name)
    {
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            db.Set<Campaign>().Add(new Campaign(code, name, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
            return await db.SaveChangesAsync();
        });
        var id = await CampaignIdAsync(code);
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var liaison = await app.SignedInAsync("demo-liaison");
        var unit = (await supervisor.UnitAsync("综合科")).Id;
        var people = (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={unit}&pageSize=50")).Items;
        var catalog = (await supervisor.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog")).Select(e => e.Id).ToList();
        var today = app.Today;
        async Task<int> RegisterAsync(string problem, ItemSource source, string[] measures, DeadlineKind kind, ReportingPeriod? period)
        {
            var response = await supervisor.PostAsJsonAsync("/api/v1/items", new ItemRequest(id, unit, [catalog[0], catalog[5]], source, $"{name}：{problem}",
                "原定目标", measures, people[0].Id, people[^1].Id, today.AddDays(-5), kind, kind == DeadlineKind.Date ? today.AddDays(30) : null,
                period, null), WebSession.Json);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var item = (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.Id;
            await ActAsync(supervisor, item, "assign");
            return item;
        }
        var other = await RegisterAsync("其他来源", ItemSource.Other, ["专人负责", "每周通报"], DeadlineKind.Date, null);
        await ActAsync(liaison, other, "start");
        var ongoing = await RegisterAsync("长期坚持", ItemSource.SuperiorInspection, ["建立台账；每周通报"], DeadlineKind.Ongoing, ReportingPeriod.Quarterly);
        await ActAsync(liaison, ongoing, "start");
        await RegisterAsync("立行立改", ItemSource.SelfInspection, ["当天整改"], DeadlineKind.Immediate, null);
        var closed = await RegisterAsync("已销号", ItemSource.CovertVisit, ["现场整改"], DeadlineKind.Date, null);
        await ActAsync(liaison, closed, "start");
        await ActAsync(liaison, closed, "submit");
        await ActAsync(supervisor, closed, "close", new { noEvidenceReason = "现场核查" });
        return code;
    }

    private static async Task ActAsync(HttpClient client, int id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/items/{id}/{action}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<int> CampaignIdAsync(string code) =>
        (await (await app.SignedInAsync("demo-supervisor")).CampaignsAsync()).Single(c => c.Code == code).Id;

    private async Task<List<ItemSnapshot>> ItemsOfAsync(string campaign)
    {
        var client = await app.SignedInAsync("demo-supervisor");
        var items = await client.GetJsonAsync<ItemListResponse>($"/api/v1/items?campaign={await CampaignIdAsync(campaign)}&pageSize=200");
        return [.. items.Items.Select(i => new ItemSnapshot(i.Id, i.Code, i.Problem, i.Version, i.State)).OrderBy(i => i.Id)];
    }

    private async Task<string> ExportAsync(string campaign, string name)
    {
        var file = Path.Combine(app.DataDir, name);
        var result = await DubanCli.RunAsync(app.CliEnvironment, "export", "ledger", "--campaign", campaign, "--out", file, "--data", app.DataDir);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return file;
    }

    /// <summary>Every row of an exported sheet (title rows too) as text cells, to change and write back.</summary>
    private static List<string[]> ExportedRows(string file)
    {
        using var stream = File.OpenRead(file);
        return ExportedRows(stream);
    }

    private static List<string[]> ExportedRows(Stream file) =>
        [.. MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray())];

    private static string[] Row(List<string[]> rows, List<ItemSnapshot> items, string problem)
    {
        var code = items.Single(i => i.Problem == problem).Code;
        return rows.Single(r => r.Length > CodeColumn && r[CodeColumn] == code && r[3] == problem);
    }

    private static async Task<string> UploadAsync(HttpClient client, string campaign, string name, byte[] content)
    {
        var token = WebSession.AntiforgeryTokenOf(await client.GetStringAsync("/ledger/import"));
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(campaign), "campaign" },
            { file, "file", name },
        };
        var response = await client.PostAsync("/ledger/import/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string job, Dictionary<string, string> fields)
    {
        var token = WebSession.AntiforgeryTokenOf(await client.GetStringAsync("/ledger/import"));
        var response = await client.PostAsync($"{job}/confirm", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static async Task<string> FinishedPageAsync(HttpClient client, string job)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"{job}/status"));
            if (status.RootElement.GetProperty("state").GetString() is not ("Waiting" or "Checking" or "Importing"))
            {
                return await client.GetStringAsync(job);
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"import {job} did not finish within a minute");
    }

    private static string Squash(string html) => string.Concat(WebSession.Text(html).Where(c => !char.IsWhiteSpace(c)));
}

public sealed class SqliteImportExistingTests(SqliteAppFactory app) : ImportExistingTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresImportExistingTests(PostgresAppFactory app) : ImportExistingTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
