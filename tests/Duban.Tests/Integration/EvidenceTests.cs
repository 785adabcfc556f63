using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Duban.Api;
using Duban.Core.Ledger;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static Duban.Tests.Infrastructure.EvidenceSamples;

namespace Duban.Tests.Integration;

/// <summary>Evidence through HTTP: polyglots refused, every real type accepted, downloads that never render.</summary>
public abstract partial class EvidenceTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private static byte[] PolyglotOf(string name) => name switch
    {
        "图片后接网页.png" => Join(Png(), Html),
        "文件头后接网页.pdf" => Join("%PDF-1.4\n"u8.ToArray(), Html),
        "带程序.docx" => WithEntry(Docx(), "word/payload.exe"),
        "带宏.docx" => WithEntry(Docx(), "word/vbaProject.bin"),
        _ => WithEntry(Docx(), "../evil.txt"),
    };

    [Theory]
    [InlineData("图片后接网页.png", "PNG 图片的结束块（IEND）之后还有其他数据")]
    [InlineData("文件头后接网页.pdf", "缺少结束标记（%%EOF）")]
    [InlineData("带程序.docx", "夹带了可执行文件“payload.exe”")]
    [InlineData("带宏.docx", "含有宏（vbaProject.bin）")]
    [InlineData("越级路径.docx", "不安全的路径“../evil.txt”")]
    public async Task A_polyglot_is_refused_with_a_Chinese_400_and_nothing_is_attached(string name, string problem)
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await InProgressAsync(liaison);

        var response = await liaison.PostAsync($"/api/v1/items/{item.Id}/evidence", Multipart(name, PolyglotOf(name)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail;
        Assert.StartsWith("文件内容与其类型不符：", detail);
        Assert.Contains(problem, detail);
        Assert.Empty((await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).Evidence);
    }

    [Fact]
    public async Task A_real_file_of_every_accepted_type_is_attached()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await InProgressAsync(liaison);
        (string Name, byte[] Content)[] files =
        [
            ("照片.png", Png()), ("照片.jpg", Jpeg()), ("报告.pdf", Pdf()), ("报告.docx", Docx()), ("台账.xlsx", Xlsx()),
            ("汇报.pptx", Pptx()), ("公文.ofd", Ofd()), ("旧台账.xls", Xls()), ("旧报告.doc", Doc()),
        ];

        foreach (var (name, content) in files)
        {
            var response = await liaison.PostAsync($"/api/v1/items/{item.Id}/evidence", Multipart(name, content));
            Assert.True(response.IsSuccessStatusCode, $"{name}: {await response.Content.ReadAsStringAsync()}");
        }

        var evidence = (await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{item.Id}")).Evidence;
        Assert.Equal(files.Select(f => f.Name).Order(), evidence.Select(e => e.FileName).Order());
    }

    [Fact]
    public async Task A_right_to_left_override_is_stripped_from_the_stored_name_and_the_history()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await InProgressAsync(liaison);

        var response = await liaison.PostAsync($"/api/v1/items/{item.Id}/evidence", Multipart("\u202Egnp.exe.png", Png()));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var stored = (await response.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!;
        Assert.Equal("gnp.exe.png", Assert.Single(stored.Evidence).FileName);
        Assert.Equal("gnp.exe.png", stored.History[^1].Text);
    }

    [Fact]
    public async Task The_download_linked_from_the_detail_page_is_an_attachment_that_is_never_sniffed()
    {
        var liaison = await app.SignedInAsync("demo-liaison");
        var item = await InProgressAsync(liaison);
        await liaison.PostAsync($"/api/v1/items/{item.Id}/evidence", Multipart("整改报告 final.pdf", Pdf()));
        var page = await liaison.GetStringAsync($"/ledger/{item.Id}");
        var link = EvidenceLink().Match(page);
        Assert.True(link.Success, "the detail page has no evidence link");

        var response = await liaison.GetAsync(link.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"_final.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%20final.pdf",
            string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(Pdf(), await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<ItemView> InProgressAsync(HttpClient liaison)
    {
        var unit = await liaison.UnitAsync("综合科");
        var created = await liaison.PostAsJsonAsync("/api/v1/items", new ItemRequest(null, unit.Id, [], ItemSource.SelfInspection,
            "佐证材料测试：窗口服务不规范", null, ["制定服务规范"], null, null, app.Today,
            DeadlineKind.Immediate, null, null, null), WebSession.Json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.Id;
        var head = await app.SignedInAsync("demo-head");
        Assert.True((await head.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { })).IsSuccessStatusCode);
        Assert.True((await liaison.PostAsJsonAsync($"/api/v1/items/{id}/start", new { })).IsSuccessStatusCode);
        return await liaison.GetJsonAsync<ItemView>($"/api/v1/items/{id}");
    }

    private static MultipartFormDataContent Multipart(string name, byte[] content) =>
        new() { { new ByteArrayContent(content), "file", name } };

    [GeneratedRegex("href=\"(/api/v1/items/\\d+/evidence/\\d+)\"")]
    private static partial Regex EvidenceLink();
}

public sealed class SqliteEvidenceTests(SqliteAppFactory app) : EvidenceTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresEvidenceTests(PostgresAppFactory app) : EvidenceTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
