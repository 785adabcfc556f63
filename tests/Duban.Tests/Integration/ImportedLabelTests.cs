using Duban.Api;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;
using static Duban.Tests.Infrastructure.LedgerSheets;

namespace Duban.Tests.Integration;

/// <summary>`duban import` of cells as real ledgers write them: condensed category labels, pasted invisible characters.</summary>
public abstract class ImportedLabelTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Condensed_category_labels_import_to_their_one_catalog_entry()
    {
        var file = await WriteXlsxAsync("condensed.xlsx",
        [
            Header,
            Row("1", "简称类别：会议多、文件多", category: "搞形式走过场"),
            Row("2", "简称类别：群众诉求转来转去", category: "敷衍塞责推诿扯皮；顶风违纪"),
            Row("3", "简称类别：统计数据不实", category: "弄虚作假"),
        ]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("导入 3 行", result.Output);
        Assert.Equal(["热衷于搞形式、走过场、不求实效"], await CategoriesAsync("简称类别：会议多"));
        Assert.Equal(["履职担当不够，敷衍塞责、推诿扯皮、官僚主义、衙门作风", "督查不严、落实不力，号召力弱、凝聚力差，作风不正、顶风违纪"],
            await CategoriesAsync("简称类别：群众诉求"));
        Assert.Equal(["阳奉阴违、欺上瞒下、弄虚作假、慵懒散慢"], await CategoriesAsync("简称类别：统计数据"));
    }

    [Fact]
    public async Task An_ambiguous_label_is_refused_naming_the_entries_it_may_mean()
    {
        var file = await WriteXlsxAsync("ambiguous.xlsx", [Header, Row("1", "含糊类别：数字报送不实", category: "不准虚")]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("“不准虚”可能指：不准虚化落空一件事；不准虚报假报一个数，请写全称", result.Output);
        Assert.Empty(await ItemsAsync("含糊类别"));
    }

    [Fact]
    public async Task Invisible_characters_in_cells_neither_stop_names_matching_nor_get_stored()
    {
        var file = await WriteXlsxAsync("invisible.xlsx",
        [
            Header,
            Row("1", "\u200B隐形字符导入：台账\u202E填报不全\u200B", unit: "\u200B综合科\u202C", category: "\uFEFF推拖绕\u200B"),
        ]);

        var result = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "ZFJS-2026", "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var item = Assert.Single(await ItemsAsync("隐形字符导入"));
        Assert.Equal(("隐形字符导入：台账填报不全", "综合科"), (item.Problem, item.UnitName));
    }

    private async Task<string> WriteXlsxAsync(string name, IEnumerable<string[]> rows)
    {
        var path = Path.Combine(app.DataDir, name);
        await File.WriteAllBytesAsync(path, Xlsx(rows));
        return path;
    }

    private async Task<List<ItemRow>> ItemsAsync(string text)
    {
        var client = await app.SignedInAsync("demo-supervisor");
        return [.. (await client.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=200&q={Uri.EscapeDataString(text)}")).Items];
    }

    private async Task<List<string>> CategoriesAsync(string problem)
    {
        var client = await app.SignedInAsync("demo-supervisor");
        var item = Assert.Single(await ItemsAsync(problem));
        return [.. (await client.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).Categories.Select(c => c.Name)];
    }
}

public sealed class SqliteImportedLabelTests(SqliteAppFactory app) : ImportedLabelTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresImportedLabelTests(PostgresAppFactory app) : ImportedLabelTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
