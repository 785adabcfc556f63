using System.Text;
using System.Text.Json;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;
using static Duban.Tests.Infrastructure.LedgerSheets;
using MiniExcelLibs;

namespace Duban.Tests.Integration;

/// <summary>`duban import` on sheets the tests build: real-ledger headers, all or nothing, skip-invalid, re-import.</summary>
public abstract class ImportTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task A_valid_sheet_with_title_and_note_rows_imports_every_row_in_its_state()
    {
        var file = await WriteXlsxAsync("valid.xlsx",
        [
            ["区政府办公室作风建设年问题整改台账（2026年）", "", "", ""],
            Header,
            Row("1", "导入测试：文件流转慢"),
            Row("2", "导入测试：答复不及时", unit: "督查室", deadline: "6月底前", state: "已完成"),
            Row("3", "导入测试：学习流于形式", deadline: "长期坚持", state: "待审核"),
            ["注：整改时限请写具体日期", "", "", ""],
        ]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("导入 3 行", result.Output);
        Assert.Contains("调研督查室", result.Output);
        Assert.Contains("联系电话", result.Output);
        var items = await ItemsAsync("导入测试");
        Assert.Equal(3, items.Count);
        Assert.Contains(items, i => i.State == ItemState.Closed && i.UnitName == "调研督查室");
        Assert.Contains(items, i => i.State == ItemState.Submitted && i.DeadlineKind == DeadlineKind.Ongoing);
    }

    [Fact]
    public async Task Any_invalid_row_imports_nothing_and_names_row_column_and_fix()
    {
        var file = await WriteXlsxAsync("invalid.xlsx",
        [
            Header,
            Row("1", "全有或全无：正确的一行"),
            Row("2", "全有或全无：日期不存在", deadline: "2026-02-30"),
            Row("3", "全有或全无：单位不存在", unit: "财务科"),
            Row("3", "全有或全无：序号重复"),
            Row("5", "全有或全无：模糊日期", deadline: "7月中旬"),
            Row("6", "全有或全无：期限早于发现", deadline: "2026-01-01"),
        ]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--json", "--data", app.DataDir);

        Assert.Equal(3, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "完成时限" && e.Message.Contains("不存在", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "责任科室" && e.Message.Contains("不会新建单位", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "序号" && e.Message.Contains("重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 6 && e.Message.Contains("不是确定的日期", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 7 && e.Message.Contains("不能早于发现日期", StringComparison.Ordinal));
        Assert.Equal(0, json.RootElement.GetProperty("imported").GetInt32());
        Assert.Empty(await ItemsAsync("全有或全无"));
    }

    [Fact]
    public async Task Skip_invalid_imports_the_valid_rows_and_a_second_import_adds_nothing()
    {
        var file = await WriteXlsxAsync("partly.xlsx",
        [
            Header,
            Row("1", "跳过错误行：正确一"),
            Row("2", "跳过错误行：未知类别", category: "铺张浪费"),
            Row("3", "跳过错误行：正确二", deadline: "立行立改"),
        ]);

        var first = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--skip-invalid", "--data", app.DataDir);
        var second = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--skip-invalid", "--data", app.DataDir);

        Assert.Equal(3, first.ExitCode);
        Assert.Contains("导入 2 行", first.Output);
        Assert.Contains("已存在 2 条", second.Output);
        Assert.Equal(2, (await ItemsAsync("跳过错误行")).Count);
        var rejected = MiniExcel.Query(Path.Combine(app.DataDir, "partly.错误行.xlsx"), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        var only = Assert.Single(rejected);
        Assert.Equal("跳过错误行：未知类别", only["具体问题"]);
        Assert.Contains("原第 3 行", only["错误说明"]?.ToString());
        Assert.Contains("铺张浪费", only["错误说明"]?.ToString());
    }

    [Fact]
    public async Task Dry_run_checks_without_writing()
    {
        var file = await WriteXlsxAsync("dry.xlsx", [Header, Row("1", "试运行：不写入")]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--dry-run", "--data", app.DataDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("正确 1 行", result.Output);
        Assert.Empty(await ItemsAsync("试运行"));
    }

    [Fact]
    public async Task A_csv_in_GB18030_imports_too()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = new[] { string.Join(',', Header), string.Join(',', Row("1", "GB18030导入：会议记录不全").Select(c => $"\"{c}\"")) };
        var path = Path.Combine(app.DataDir, "gb.csv");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines)));

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", path, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Single(await ItemsAsync("GB18030导入"));
    }

    [Fact]
    public async Task Unit_aliases_and_the_row_limit_come_from_configuration()
    {
        var file = await WriteXlsxAsync("alias.xlsx", [Header, Row("1", "别名导入：办公室的问题", unit: "办公室")]);
        var longFile = await WriteXlsxAsync("long.xlsx", [Header, .. Enumerable.Range(1, 8).Select(i => Row($"{i}", $"超长表格第{i}行"))]);

        var ambiguous = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--dry-run", "--data", app.DataDir);
        var aliased = await DubanCli.RunAsync(new Dictionary<string, string>(app.CliEnvironment) { ["Import__UnitAliases__办公室"] = "区政府办公室" },
            "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);
        var tooLong = await DubanCli.RunAsync(new Dictionary<string, string>(app.CliEnvironment) { ["Import__MaxRows"] = "5" },
            "import", longFile, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.Equal(3, ambiguous.ExitCode);
        Assert.Contains("可能是", ambiguous.Output);
        Assert.True(aliased.ExitCode == 0, aliased.Output + aliased.Error);
        Assert.Equal("区政府办公室", Assert.Single(await ItemsAsync("别名导入")).UnitName);
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("超过 5 行的上限", tooLong.Error);
    }

    [Fact]
    public async Task An_unreadable_file_exits_2_with_a_clear_message()
    {
        var path = Path.Combine(app.DataDir, "garbage.xlsx");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 2048).Select(i => (byte)(i * 31 % 253))]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", path, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("无法读取", result.Error);
    }

    [Fact]
    public async Task A_sheet_without_the_required_columns_is_refused()
    {
        var file = await WriteXlsxAsync("nohead.xlsx", [["序号", "问题描述", "备注"], ["1", "缺列测试", ""]]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("缺少“责任单位”列", result.Output);
        Assert.Contains("缺少“整改时限”列", result.Output);
    }

    [Fact]
    public async Task A_legacy_xls_imports_with_its_date_cells_and_title_row()
    {
        object[] Line(double number, string problem, object deadline) =>
            [number, "推拖绕", "自查", problem, "限期办结", "", "文电科", "", new DateTime(2026, 3, 2), deadline, "", "正在整改", ""];
        var path = Path.Combine(app.DataDir, "legacy.xls");
        await File.WriteAllBytesAsync(path, Xls(
        [
            ["文电科问题整改台账（WPS 2003 格式）"],
            [.. Header],
            Line(1, "旧格式导入：公文流转超时", new DateTime(2026, 10, 31)),
            Line(2, "旧格式导入：第三季度完成", "第三季度"),
        ]));

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", path, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var items = await ItemsAsync("旧格式导入");
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.Problem == "旧格式导入：公文流转超时" && i.DueOn == new DateOnly(2026, 10, 31) && i.UnitName == "文电科");
        Assert.Contains(items, i => i.Problem == "旧格式导入：第三季度完成" && i.DueOn == new DateOnly(2026, 9, 30));
    }

    [Fact]
    public async Task An_import_killed_while_writing_leaves_nothing_and_can_run_again()
    {
        const int count = 5000;
        var file = await WriteXlsxAsync("killed.xlsx", [Header, .. Enumerable.Range(1, count).Select(i => Row($"{i}", $"断电测试第{i}行"))]);

        var killed = await DubanCli.KillWhenAsync(app.CliEnvironment, "正在写入：1000 /",
            "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.True(killed, "the import ended before it could be killed while writing");
        Assert.Empty(await ItemsAsync("断电测试"));
        var verify = await DubanCli.RunAsync(app.CliEnvironment, "audit", "verify", "--data", app.DataDir);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        var again = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Contains($"导入 {count} 行", again.Output);
    }

    private async Task<string> WriteXlsxAsync(string name, IEnumerable<string[]> rows)
    {
        var path = Path.Combine(app.DataDir, name);
        await File.WriteAllBytesAsync(path, LedgerSheets.Xlsx(rows));
        return path;
    }

    private async Task<List<ItemRow>> ItemsAsync(string text)
    {
        var client = await app.SignedInAsync("demo-supervisor");
        return [.. (await client.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=200&q={Uri.EscapeDataString(text)}")).Items];
    }
}

public sealed class SqliteImportTests(SqliteAppFactory app) : ImportTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresImportTests(PostgresAppFactory app) : ImportTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
