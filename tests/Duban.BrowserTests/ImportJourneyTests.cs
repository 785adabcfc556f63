using Duban.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Duban.Tests.Infrastructure.LedgerSheets;

namespace Duban.BrowserTests;

/// <summary>
/// A supervisor brings an office's Excel ledger in through the pages: uploads it, sees the two bad rows by row
/// number, downloads them to fix, imports the rest; and takes the filtered ledger out again with the export button.
/// </summary>
public sealed class ImportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Supervisor_uploads_a_sheet_with_two_bad_rows_downloads_them_and_imports_the_rest()
    {
        var page = await browser.SignInAsync("demo-supervisor");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/ledger");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入台账" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "秘书科整改台账.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Xlsx(
            [
                ["秘书科作风建设年问题整改台账", "", ""],
                LedgerSheets.Header,
                Row("1", "浏览器导入：值班记录不规范", unit: "秘书科"),
                Row("2", "浏览器导入：责任单位写错", unit: "后勤科"),
                Row("3", "浏览器导入：来文登记滞后", unit: "秘书科", deadline: "立行立改"),
                Row("4", "浏览器导入：期限写得含糊", unit: "秘书科", deadline: "7月中旬"),
                Row("5", "浏览器导入：督办事项反馈慢", unit: "秘书科", deadline: "年底前", state: "未开始"),
                ["注：本表由秘书科填报", "", ""],
            ]),
        });
        await BrowserFixture.ScreenshotAsync(page, "import-upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();

        var errors = page.Locator("table.import-errors tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("第 4 行");
        await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("后勤科");
        await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("第 6 行");
        await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("7月中旬");
        await Assertions.Expect(page.Locator(".import-summary")).ToContainTextAsync("正确 3 行");
        await BrowserFixture.ScreenshotAsync(page, "import-preview-with-errors");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "下载错误行（.xlsx）" }).ClickAsync());
        var rejectedPath = Path.Combine(Path.GetTempPath(), $"rejected-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(rejectedPath);
        var rejected = MiniExcel.Query(rejectedPath, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        File.Delete(rejectedPath);
        Assert.Equal(["浏览器导入：责任单位写错", "浏览器导入：期限写得含糊"], rejected.Select(r => r["具体问题"]?.ToString()));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r["错误说明"]?.ToString())));

        await page.GetByRole(AriaRole.Button, new() { Name = "跳过错误行，导入其余 3 行" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToContainTextAsync("导入 3 行", new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(page, "import-done");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看台账" }).ClickAsync();
        await page.GetByLabel("关键词").FillAsync("浏览器导入");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.ledger tbody tr")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_large_sheet_shows_a_moving_progress_bar_until_its_preview()
    {
        var page = await browser.SignInAsync("demo-supervisor");
        await page.GotoAsync("/ledger/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "全区汇总台账.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Xlsx([LedgerSheets.Header, .. Enumerable.Range(1, 40_000).Select(i => Row($"{i}", $"大表格第{i}行：公文办理超时"))]),
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();

        await Assertions.Expect(page.Locator(".import-progress .progress-text")).ToContainTextAsync("已处理", new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, "import-progress");
        await Assertions.Expect(page.Locator(".import-summary")).ToContainTextAsync("正确 40000 行", new() { Timeout = 120_000 });
    }

    [Fact]
    public async Task The_export_button_downloads_the_filtered_ledger()
    {
        var page = await browser.SignInAsync("demo-leader");
        await page.GotoAsync("/ledger?state=Closed");
        var shown = int.Parse(await page.Locator(".light-tabs a.on b").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().Skip(3).ToList();
        File.Delete(path);
        Assert.True(shown > 0);
        Assert.Equal(shown, rows.Count);
        // The screen's word for the state the list was filtered by.
        Assert.All(rows, r => Assert.Equal("已销号", r["M"]?.ToString()));
    }
}
