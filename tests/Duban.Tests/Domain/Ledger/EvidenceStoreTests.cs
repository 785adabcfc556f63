using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.Extensions.Options;
using static Duban.Tests.Infrastructure.EvidenceSamples;

namespace Duban.Tests.Domain.Ledger;

/// <summary>The evidence store checks a file's whole structure, not its first bytes, and cleans its name.</summary>
public sealed class EvidenceStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "duban-tests", Guid.NewGuid().ToString("N"));
    private readonly EvidenceStore _store;

    public EvidenceStoreTests() =>
        _store = new EvidenceStore(DatabaseSettings.Create(null, null, _folder), Options.Create(new LedgerOptions()));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> GoodFiles => [.. Good.Keys];

    private static readonly Dictionary<string, Func<byte[]>> Good = new()
    {
        ["照片.png"] = Png,
        ["照片.jpg"] = Jpeg,
        ["照片（带预览图）.jpeg"] = () => Join(Jpeg(), [0x00, 0xFF], Jpeg()),
        ["照片（末尾补零）.jpg"] = () => Join(Jpeg(), [0, 0, 0, 0]),
        ["整改报告.pdf"] = Pdf,
        ["整改报告（末尾换行）.pdf"] = () => Join(Pdf(), "\r\n\r\n"u8.ToArray()),
        ["整改报告.docx"] = Docx,
        ["整改台账.xlsx"] = Xlsx,
        ["汇报.pptx"] = Pptx,
        ["公文.ofd"] = Ofd,
        ["旧台账.xls"] = Xls,
        ["旧报告.doc"] = Doc,
    };

    public static TheoryData<string, string> BadFiles => [.. Bad.Select(b => (b.Key, b.Value.Problem))];

    private static readonly Dictionary<string, (Func<byte[]> Content, string Problem)> Bad = new()
    {
        ["图片后接网页.png"] = (() => Join(Png(), Html), "PNG 图片的结束块（IEND）之后还有其他数据"),
        ["缺结束块.png"] = (() => Png()[..^12], "PNG 图片不完整"),
        ["只有文件头.png"] = (() => Join(Png()[..8], Html), "PNG 图片的数据块已损坏"),
        ["图片后接网页.jpg"] = (() => Join(Jpeg(), Html), "JPEG 图片的结束标记（EOI）之后还有其他数据"),
        ["缺结束标记.jpg"] = (() => Jpeg()[..^2], "JPEG 图片不完整"),
        ["文件头后接网页.pdf"] = (() => Join("%PDF-1.7\n"u8.ToArray(), Html), "缺少结束标记（%%EOF）"),
        ["网页夹在中间.pdf"] = (() => Join("%PDF-1.7\n"u8.ToArray(), Html, "\n%%EOF\n"u8.ToArray()), "PDF 文件中夹带了网页代码"),
        ["带程序.docx"] = (() => WithEntry(Docx(), "word/payload.exe"), "Word 文档中夹带了可执行文件“payload.exe”"),
        ["带宏.docx"] = (() => WithEntry(Docx(), "word/vbaProject.bin"), "Word 文档中含有宏（vbaProject.bin）"),
        ["越级路径.docx"] = (() => WithEntry(Docx(), "../../startup/evil.txt"), "Word 文档中含有不安全的路径“../../startup/evil.txt”"),
        ["末尾接网页.docx"] = (() => Join(Docx(), Html), "Word 文档不完整或末尾有其他数据"),
        ["其实是表格.docx"] = (Xlsx, "不是普通的 Word 文档"),
        ["带脚本.xlsx"] = (() => WithEntry(Xlsx(), "xl/embeddings/run.bat"), "Excel 表格中夹带了可执行文件“run.bat”"),
        ["带宏.pptx"] = (() => WithEntry(Pptx(), "ppt/vbaProject.bin"), "PowerPoint 演示文稿中含有宏"),
        ["越级路径.ofd"] = (() => WithEntry(Ofd(), "Doc_0/../../x.js"), "OFD 文件中含有不安全的路径"),
        ["网页.doc"] = (() => Html, "不是 Office 97-2003 文件"),
        ["程序改名为图片.docx"] = (() => WithEntry(Docx(), "word/media/image9.png", [0x4D, 0x5A, 0x90, 0x00, 0x03]),
            "Word 文档中夹带了可执行程序（image9.png）"),
        ["嵌入文件包.docx"] = (() => WithEntry(Docx(), "word/embeddings/oleObject1.bin",
            Join([0xD0, 0xCF, 0x11, 0xE0], System.Text.Encoding.Unicode.GetBytes("\u0001Ole10Native"))), "Word 文档中嵌入了可运行的文件包"),
        ["解压炸弹.docx"] = (() => WithBomb(Docx(), 210L * 1024 * 1024), "Word 文档解压后超过 200 MB"),
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task A_well_formed_file_of_each_accepted_type_is_stored(string name)
    {
        var content = Good[name]();

        var stored = await _store.SaveAsync(new MemoryStream(content), name);

        Assert.Equal((name, content.LongLength), (stored.FileName, stored.Size));
        await using var kept = _store.Open(stored.Sha256);
        Assert.Equal(content.LongLength, kept.Length);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_whose_structure_is_not_its_type_is_refused_naming_the_problem(string name, string problem)
    {
        var error = await Assert.ThrowsAsync<DubanException>(() => _store.SaveAsync(new MemoryStream(Bad[name].Content()), name));

        Assert.StartsWith("文件内容与其类型不符：", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "files"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("\u202Egnp.exe.png", "gnp.exe.png")]
    [InlineData("C:\\Users\\科员\\Desktop\\照片.png\u200B", "照片.png")]
    [InlineData("../../照\u0000片.png", "照片.png")]
    public async Task File_names_lose_folders_and_invisible_characters(string sent, string stored) =>
        Assert.Equal(stored, (await _store.SaveAsync(new MemoryStream(Png()), sent)).FileName);
}
