using System.Net;
using System.Net.Http.Json;
using Duban.Bulletins;
using Duban.Core.Bulletins;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Tests.Integration;

/// <summary>The demo app with PDFs made while publishing (LibreOffice as test.sh installs it).</summary>
public sealed class PdfOnPublishFactory : SqliteAppFactory
{
    protected override bool PdfOnPublish => true;
}

/// <summary>The same, with LibreOffice configured where it is not: every conversion fails.</summary>
public sealed class BrokenPdfFactory : SqliteAppFactory
{
    protected override bool PdfOnPublish => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:LibreOfficePath", "/nonexistent/soffice");
    }
}

/// <summary>
/// A published bulletin's PDF, printed by LibreOffice while publishing and measured with poppler: A4 pages, the title
/// and number on page 1, page numbers on the right of page 1 and the left of page 2; PNGs kept in TestResults.
/// </summary>
public sealed class BulletinPdfTests(PdfOnPublishFactory app) : IClassFixture<PdfOnPublishFactory>
{
    [Fact]
    public async Task Publishing_prints_the_bulletin_to_an_a4_pdf_with_its_title_number_and_page_numbers()
    {
        var cancel = TestContext.Current.CancellationToken;
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var published = await BulletinSteps.PublishAsync(app, supervisor);
        Assert.Null(published.PdfError);

        using var print = new PrintedPdf();
        var pdf = Path.Combine(print.Folder, "bulletin.pdf");
        await File.WriteAllBytesAsync(pdf, await supervisor.GetByteArrayAsync($"/api/v1/bulletins/{published.Id}/document.pdf", cancel), cancel);
        await PrintedPdf.KeepAsync(pdf, "documents", "bulletin-published", 2, cancel);

        var sizes = await PrintedPdf.PageSizesAsync(pdf, cancel);
        Assert.True(sizes.Count >= 2, $"{sizes.Count} pages");
        Assert.All(sizes, s => Assert.True(Math.Abs(s.Width - 595.3) < 1 && Math.Abs(s.Height - 841.9) < 1, $"{s.Width}×{s.Height}"));
        var first = await PrintedPdf.PageLinesAsync(pdf, 1, cancel);
        var firstText = string.Concat(first.Select(l => l.Text.Replace(" ", "", StringComparison.Ordinal)));
        Assert.Contains(published.Number!, firstText);
        Assert.Contains("问题整改情况的通报", firstText);
        var one = first.Single(l => l.Text.Replace(" ", "", StringComparison.Ordinal) == "—1—");
        Assert.True(one.Right > 170, $"page 1's number ends at {one.Right:0.0} mm");
        var two = (await PrintedPdf.PageLinesAsync(pdf, 2, cancel)).Single(l => l.Text.Replace(" ", "", StringComparison.Ordinal) == "—2—");
        Assert.True(two.Left < 45, $"page 2's number starts at {two.Left:0.0} mm");
    }
}

/// <summary>A failed PDF leaves the bulletin published with its Word file and says why; the PDF download says so too.</summary>
public sealed class BulletinPdfFailureTests(BrokenPdfFactory app) : IClassFixture<BrokenPdfFactory>
{
    [Fact]
    public async Task A_failed_pdf_leaves_the_bulletin_published_with_its_word_file_and_says_the_pdf_failed()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var published = await BulletinSteps.PublishAsync(app, supervisor);

        Assert.Equal(BulletinState.Published, published.State);
        Assert.Equal("未安装 LibreOffice，无法生成 PDF", published.PdfError);
        Assert.NotNull(published.Number);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/bulletins/{published.Id}/document.docx")).StatusCode);
        var pdf = await supervisor.GetAsync($"/api/v1/bulletins/{published.Id}/document.pdf");
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal("未安装 LibreOffice，无法生成 PDF", (await pdf.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail);
        var page = await supervisor.GetStringAsync($"/bulletins/{published.Id}");
        Assert.Contains("PDF 未生成：未安装 LibreOffice，无法生成 PDF。Word 文件不受影响。", page);
        Assert.DoesNotContain("下载 PDF", page);
    }
}

/// <summary>Draft, submit, approve as demo-leader, publish: the steps a test needs before it looks at a published bulletin.</summary>
internal static class BulletinSteps
{
    public static async Task<BulletinResponse> PublishAsync(DubanFactory app, HttpClient supervisor)
    {
        var leader = await app.SignedInAsync("demo-leader");
        var campaign = (await supervisor.GetJsonAsync<Api.PagedResponse<Campaigns.CampaignResponse>>("/api/v1/campaigns")).Items[0].Id;
        var draft = await ReadAsync(await supervisor.PostAsJsonAsync("/api/v1/bulletins", new { campaign }, WebSession.Json));
        var submitted = await ReadAsync(await supervisor.PostAsJsonAsync($"/api/v1/bulletins/{draft.Id}/submit", new { version = draft.Version }, WebSession.Json));
        var approved = await ReadAsync(await leader.PostAsJsonAsync($"/api/v1/bulletins/{draft.Id}/approve", new { version = submitted.Version }, WebSession.Json));
        return await ReadAsync(await supervisor.PostAsJsonAsync($"/api/v1/bulletins/{draft.Id}/publish", new { version = approved.Version }, WebSession.Json));
    }

    private static async Task<BulletinResponse> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BulletinResponse>(WebSession.Json))!;
    }
}
