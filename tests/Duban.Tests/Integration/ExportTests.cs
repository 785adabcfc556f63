using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Duban.Api;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Spreadsheets;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Duban.Tests.Integration;

/// <summary>`duban export ledger`: the standard layout, formulas neutralised, and export → import giving the same items.</summary>
public abstract class ExportTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task The_export_is_a_valid_workbook_in_the_standard_layout_with_every_item()
    {
        var file = Path.Combine(app.DataDir, "export-all.xlsx");

        var result = await DubanCli.RunAsync(app.CliEnvironment, "export", "ledger", "--campaign", DemoData.CampaignCode, "--out", file, "--data", app.DataDir);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.NotNull(sheet.Descendants<Pane>().SingleOrDefault(p => p.State! == PaneStateValues.Frozen));
            Assert.Equal(OrientationValues.Landscape, sheet.Descendants<PageSetup>().Single().Orientation!.Value);
            Assert.Contains(document.WorkbookPart.Workbook.Descendants<DefinedName>(), d => d.Name == "_xlnm.Print_Titles");
        }
        var rows = MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("问题整改台账", rows[0]["A"]?.ToString());
        Assert.Equal(StandardLedgerSheet.LedgerColumnsInOrder.Select(LedgerColumns.StandardName), rows[2].Values.Select(v => v?.ToString()));
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = (await supervisor.CampaignsAsync()).Single(c => c.Code == DemoData.CampaignCode).Id;
        var total = (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=1&campaign={campaign}")).Total;
        Assert.Equal(total, rows.Count - 3);
    }

    [Fact]
    public async Task A_cell_that_looks_like_a_formula_is_written_as_text()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var unit = (await liaison.GetJsonAsync<List<UnitRow>>("/api/v1/units")).Single(u => u.Name == "综合科").Id;
        var campaign = (await liaison.CampaignsAsync()).Single(c => c.Code == DemoData.CampaignCode).Id;
        var created = await liaison.PostAsJsonAsync("/api/v1/items", new ItemRequest(campaign, unit, [], ItemSource.SelfInspection,
            "=HYPERLINK(\"http://example.invalid\",\"点这里\")", null, ["@SUM(A1:A9)", "-1+2"], null, null,
            app.Today, DeadlineKind.Immediate, null, null, null), WebSession.Json);
        Assert.True(created.IsSuccessStatusCode);
        var file = Path.Combine(app.DataDir, "export-formula.xlsx");

        Assert.Equal(0, (await DubanCli.RunAsync(app.CliEnvironment, "export", "ledger", "--campaign", DemoData.CampaignCode, "--unit", "综合科", "--out", file, "--data", app.DataDir)).ExitCode);

        using var document = SpreadsheetDocument.Open(file, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var risky = sheet.Descendants<Cell>().Where(c => c.InnerText.Length > 0 && "=+-@".Contains(c.InnerText[0], StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(risky);
        Assert.All(risky, c => Assert.True(formats[(int)c.StyleIndex!.Value].QuotePrefix?.Value, c.InnerText));
    }

    [Fact]
    public async Task Export_then_import_gives_the_same_items_in_the_states_the_screen_names()
    {
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            db.Set<Campaign>().Add(new Campaign("RT-2026", "往返测试", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
            return await db.SaveChangesAsync();
        });
        var file = Path.Combine(app.DataDir, "round-trip.xlsx");
        Assert.Equal(0, (await DubanCli.RunAsync(app.CliEnvironment, "export", "ledger", "--campaign", DemoData.CampaignCode, "--out", file, "--data", app.DataDir)).ExitCode);

        var imported = await DubanCli.RunAsync(app.CliEnvironment, "import", file, "--campaign", "RT-2026", "--data", app.DataDir);

        Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaigns = await supervisor.CampaignsAsync();
        var states = (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=200&campaign={campaigns.Single(c => c.Code == DemoData.CampaignCode).Id}"))
            .Items.ToDictionary(i => i.Code, i => i.State);
        var written = MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>().Skip(3)
            .ToDictionary(r => r["Q"]!.ToString()!, r => r["M"]?.ToString());
        Assert.Equal(Enum.GetValues<ItemState>(), states.Values.Distinct().Order());
        Assert.Equal(states.ToDictionary(s => s.Key, s => (string?)LedgerTerms.Name(s.Value)), written);
        Assert.DoesNotContain("读入", imported.Output);
        async Task<List<string>> ItemsOf(string code) =>
            [.. (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=200&campaign={campaigns.Single(c => c.Code == code).Id}")).Items
                .Select(i => $"{i.Problem}|{i.UnitName}|{i.Deadline}|{i.State}|{i.ResponsiblePersonName}")
                .Order(StringComparer.Ordinal)];
        Assert.Equal(await ItemsOf(DemoData.CampaignCode), await ItemsOf("RT-2026"));
    }

    [Fact]
    public async Task The_pages_export_button_gives_exactly_what_the_filters_show_and_is_audited()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var campaign = (await supervisor.CampaignsAsync()).Single(c => c.Code == DemoData.CampaignCode).Id;
        var closed = (await supervisor.GetJsonAsync<ItemListResponse>($"/api/v1/items?pageSize=1&state=Closed&campaign={campaign}")).Total;
        var list = await supervisor.GetStringAsync($"/ledger?campaign={campaign}&state=Closed&page=2");
        Assert.Contains($"href=\"/ledger/export?campaign={campaign}&amp;state=Closed\"", list);

        var rows = await ExportedRowsAsync(supervisor, $"/ledger/export?campaign={campaign}&state=Closed");

        Assert.True(closed > 0);
        Assert.Equal(closed, rows.Count);
        Assert.All(rows, r => Assert.Equal(LedgerTerms.Name(ItemState.Closed), r["M"]?.ToString()));
        var audit = await supervisor.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?action=ledger.export");
        Assert.Contains(audit.Items, e => e.After != null && e.After.Contains($"{closed} 条", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_liaison_exports_only_their_own_units_items()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var visible = (await liaison.GetJsonAsync<ItemListResponse>("/api/v1/items?pageSize=1")).Total;

        var rows = await ExportedRowsAsync(liaison, "/ledger/export");

        Assert.True(visible > 0);
        Assert.Equal(visible, rows.Count);
        Assert.All(rows, r => Assert.Equal("综合科", r["H"]?.ToString()));
    }

    [Fact]
    public async Task An_export_bigger_than_an_import_may_hold_is_refused_on_the_page()
    {
        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Import:MaxRows", "5"));
        var supervisor = await small.SignedInAsync("demo-supervisor");

        var response = await supervisor.GetAsync("/ledger/export?state=Closed");

        Assert.Equal("/ledger?state=Closed", response.Headers.Location!.ToString());
        Assert.Contains("超过一次导出 5 条的上限", await supervisor.RedirectedPageTextAsync(response));
        Assert.DoesNotContain("超过一次导出 5 条的上限", WebSession.Text(await supervisor.GetStringAsync(response.Headers.Location)));
    }

    private static async Task<List<IDictionary<string, object?>>> ExportedRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Skip(3)];
    }
}

public sealed class SqliteExportTests(SqliteAppFactory app) : ExportTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresExportTests(PostgresAppFactory app) : ExportTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
