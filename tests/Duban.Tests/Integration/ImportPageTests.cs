using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Duban.Api;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Duban.Tests.Infrastructure;
using MiniExcelLibs;
using static Duban.Tests.Infrastructure.LedgerSheets;

namespace Duban.Tests.Integration;

/// <summary>The import pages through HTTP: upload → check (preview, errors, mapping) → confirm, as a supervisor would.</summary>
public abstract class ImportPageTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Errors_are_listed_by_row_the_rejected_rows_download_and_the_rest_import_when_asked()
    {
        var client = await app.SignedInAsync("demo-supervisor");
        var job = await UploadAsync(client, "两行错误.xlsx", Xlsx(
        [
            ["综合科作风建设问题整改台账", "", ""],
            Header,
            Row("1", "页面导入：会议通知不及时"),
            Row("2", "页面导入：单位不存在", unit: "财务科"),
            Row("3", "页面导入：日期不存在", deadline: "2026-02-30"),
            Row("4", "页面导入：窗口服务态度差", deadline: "立行立改"),
        ]));

        var page = Squash(await CheckedPageAsync(client, job));

        Assert.Contains("共4行", page);
        Assert.Contains("正确2行", page);
        Assert.Contains("有错误2行", page);
        Assert.Contains("第4行", page);
        Assert.Contains("第5行", page);
        Assert.Contains("财务科", page);
        Assert.Contains("联系电话", page);
        Assert.Contains("页面导入：会议通知不及时", page);
        var rejected = await client.GetAsync($"{job}/rejected");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var rows = MiniExcel.Query(await rejected.Content.ReadAsStreamAsync(), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["页面导入：单位不存在", "页面导入：日期不存在"], rows.Select(r => r["具体问题"]?.ToString()));
        Assert.All(rows, r => Assert.Contains("原第", r["错误说明"]?.ToString()));

        var refused = await PostAsync(client, job, "confirm", []);
        Assert.Contains("有错误行", await client.RedirectedPageTextAsync(refused));
        Assert.Empty(await ItemsAsync(client, "页面导入"));

        await PostAsync(client, job, "confirm", new() { ["skipInvalid"] = "true" });
        var done = Squash(await FinishedPageAsync(client, job));

        Assert.Contains("导入2行", done);
        var imported = await ItemsAsync(client, "页面导入");
        Assert.Equal(2, imported.Count);
        Assert.Contains(imported, i => i.DeadlineKind == DeadlineKind.Immediate && i.UnitName == "综合科");
        var detail = await client.GetJsonAsync<JsonElement>($"/api/v1/items/{imported.Single(i => i.DeadlineKind == DeadlineKind.Immediate).Id}");
        Assert.Equal(2, detail.GetProperty("categories").GetArrayLength());
        Assert.Equal(["导入", "报告进展"], detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kindName").GetString()));
        var chain = await client.GetJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(chain.GetProperty("isIntact").GetBoolean(), chain.ToString());
        var created = await client.GetJsonAsync<JsonElement>("/api/v1/audit?action=RectificationItem.created&pageSize=5");
        Assert.Contains("页面导入", created.GetProperty("items")[0].GetProperty("after").GetString());
        var again = await PostAsync(client, job, "confirm", new() { ["skipInvalid"] = "true" });
        Assert.Contains("已经导入过", await client.RedirectedPageTextAsync(again));
    }

    [Fact]
    public async Task A_column_mapped_by_hand_is_remembered_for_the_next_file_and_the_CLI()
    {
        var client = await app.SignedInAsync("demo-supervisor");
        string[] header = ["序号", "具体问题", "主责科室", "完成时限"];
        var job = await UploadAsync(client, "自定列名.xlsx", Xlsx([header, ["1", "手工对应：公文积压", "综合科", "2026-12-31"]]));
        var before = WebSession.Text(await CheckedPageAsync(client, job));
        Assert.Contains("缺少“责任单位”列", before);
        Assert.Contains("“主责科室”对应", before);

        var mapped = await PostAsync(client, job, "mapping", new() { ["header0"] = "主责科室", ["column0"] = nameof(Core.Spreadsheets.LedgerColumn.Unit) });

        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var after = Squash(await CheckedPageAsync(client, job));
        Assert.Contains("正确1行", after);
        Assert.DoesNotContain("“主责科室”对应", after);
        var path = Path.Combine(app.DataDir, "remembered.xlsx");
        await File.WriteAllBytesAsync(path, Xlsx([header, ["1", "手工对应：CLI 也认得", "综合科", "2026-12-31"]]));
        var cli = await DubanCli.RunAsync(app.CliEnvironment, "import", path, "--campaign", "ZFJS-2026", "--data", app.DataDir);
        Assert.True(cli.ExitCode == 0, cli.Output + cli.Error);
        Assert.Single(await ItemsAsync(client, "CLI 也认得"));
    }

    [Fact]
    public async Task Only_supervisors_import_and_a_job_is_its_owners_alone()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var job = await UploadAsync(supervisor, "私有.xlsx", Xlsx([Header, Row("1", "只给自己看")]));
        var liaison = await app.SignedInAsync("demo-liaison");

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/ledger/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"{job}/status")).StatusCode);
        var admin = await app.SignedInAsync("demo-admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(job)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/ledger/import/{Guid.NewGuid():N}")).StatusCode);
        await app.AsSystemAsync(sp => sp.GetRequiredService<AccountService>().CreateAsync("second-supervisor", Roles.Supervisor, "调研督查室",
            password: DemoData.Password));
        var other = await app.SignedInAsync("second-supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{job}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{job}/rejected")).StatusCode);
        var token = WebSession.AntiforgeryTokenOf(await other.GetStringAsync("/ledger/import"));
        var confirm = await other.PostAsync($"{job}/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Empty(await ItemsAsync(supervisor, "只给自己看"));
    }

    [Fact]
    public async Task A_second_click_on_confirm_starts_no_second_import()
    {
        var client = await app.SignedInAsync("demo-supervisor");
        var job = await UploadAsync(client, "双击.xlsx", Xlsx([Header, .. Enumerable.Range(1, 300).Select(i => Row($"{i}", $"双击测试第{i}行"))]));
        await CheckedPageAsync(client, job);

        var first = await PostAsync(client, job, "confirm", []);
        var second = await PostAsync(client, job, "confirm", []);

        Assert.Equal(job, first.Headers.Location!.ToString());
        var refusal = await client.RedirectedPageTextAsync(second);
        Assert.True(refusal.Contains("导入任务正在进行", StringComparison.Ordinal) || refusal.Contains("已经导入过", StringComparison.Ordinal), refusal);
        Assert.Contains("导入300行", Squash(await FinishedPageAsync(client, job)));
        Assert.Equal(300, (await client.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1&q=" + Uri.EscapeDataString("双击测试"))).Total);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = await app.SignedInAsync("demo-supervisor");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("ZFJS-2026"), "campaign" },
            { new ByteArrayContent(Xlsx([Header, Row("1", "跨站提交")])), "file", "csrf.xlsx" },
        };

        var response = await client.PostAsync("/ledger/import/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage.xlsx", "文件无法读取")]
    [InlineData("bomb.xlsx", "压缩炸弹")]
    [InlineData("wide.xlsx", "列的上限")]
    [InlineData("wide.csv", "有 20000 列")]
    [InlineData("virus.exe", "不支持的文件类型")]
    public async Task Hostile_files_are_refused_with_a_clear_message_and_the_server_keeps_serving(string name, string message)
    {
        var client = await app.SignedInAsync("demo-supervisor");
        var content = name switch
        {
            "garbage.xlsx" => Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7919 % 251)).ToArray(),
            "bomb.xlsx" => ZipBomb(),
            "wide.xlsx" => Xlsx([[.. Enumerable.Range(0, 16_000).Select(i => $"列{i}")]]),
            "wide.csv" => System.Text.Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Range(0, 20_000).Select(i => "列"))),
            _ => [0x4D, 0x5A, 0x90, 0x00],
        };

        var response = await UploadRawAsync(client, name, content);

        var target = response.Headers.Location!.ToString();
        var text = target == "/ledger/import"
            ? await client.RedirectedPageTextAsync(response)
            : WebSession.Text(await FinishedPageAsync(client, target));
        Assert.Contains(message, text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_before_it_is_read()
    {
        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Import:MaxUploadBytes", "102400"));
        var client = await small.SignedInAsync("demo-supervisor");

        var response = await UploadRawAsync(client, "big.xlsx", new byte[300 * 1024]);

        Assert.Contains("超过 100 KB 的上限", await client.RedirectedPageTextAsync(response));
    }

    [Fact]
    public async Task Sheets_left_from_an_earlier_run_are_swept_at_start()
    {
        var folder = Path.Combine(app.DataDir, "imports");
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, $"{Guid.NewGuid():N}.xlsx");
        var fresh = Path.Combine(folder, $"{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(stale, [1, 2, 3]);
        await File.WriteAllBytesAsync(fresh, [1, 2, 3]);
        // The sweep compares a file's time with the app's clock, which stands still in the past of the real one.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(stale, now.AddDays(-1));
        File.SetLastWriteTimeUtc(fresh, now);

        await using var restarted = app.WithWebHostBuilder(_ => { });
        _ = restarted.Services;

        for (var i = 0; i < 50 && File.Exists(stale); i++)
        {
            await Task.Delay(100);
        }
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }

    /// <summary>A zip that declares 1 GB of zeros in its sheet: a few megabytes on disk, never to be unpacked.</summary>
    private static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                sheet.Write(zeros);
            }
        }
        return output.ToArray();
    }

    private static async Task<string> UploadAsync(HttpClient client, string name, byte[] content)
    {
        var response = await UploadRawAsync(client, name, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/ledger/import/", location, StringComparison.Ordinal);
        return location;
    }

    private static async Task<HttpResponseMessage> UploadRawAsync(HttpClient client, string name, byte[] content)
    {
        var token = WebSession.AntiforgeryTokenOf(await client.GetStringAsync("/ledger/import"));
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ZFJS-2026"), "campaign" },
            { file, "file", name },
        };
        return await client.PostAsync("/ledger/import/upload", form);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string job, string action, Dictionary<string, string> fields)
    {
        // The token is the session's, whichever page gives it; a running job's page has no form.
        var token = WebSession.AntiforgeryTokenOf(await client.GetStringAsync("/ledger/import"));
        var response = await client.PostAsync($"{job}/{action}", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string Squash(string html) => string.Concat(WebSession.Text(html).Where(c => !char.IsWhiteSpace(c)));

    private static Task<string> CheckedPageAsync(HttpClient client, string job) => FinishedPageAsync(client, job);

    /// <summary>Waits (as the page's script does) until the job is no longer running, then loads its page.</summary>
    private static async Task<string> FinishedPageAsync(HttpClient client, string job)
    {
        var path = job.Split('?')[0];
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"{path}/status"));
            if (status.RootElement.GetProperty("state").GetString() is not ("Waiting" or "Checking" or "Importing"))
            {
                return await client.GetStringAsync(path);
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"import {job} did not finish within a minute");
    }

    private static async Task<List<ItemRow>> ItemsAsync(HttpClient client, string text) =>
        [.. (await client.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=200&q={Uri.EscapeDataString(text)}")).Items];
}

public sealed class SqliteImportPageTests(SqliteAppFactory app) : ImportPageTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresImportPageTests(PostgresAppFactory app) : ImportPageTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
