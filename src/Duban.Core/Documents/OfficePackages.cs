using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using Duban.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Duban.Core.Documents;

/// <summary>
/// Structure checks of zip-based documents (Word, Excel, PowerPoint, OFD): a whole zip with nothing after its directory,
/// entries with safe relative names, no programs and no macros; an Office file must also open as what its name says.
/// </summary>
internal static class OfficePackages
{
    private const int ZipEndLength = 22;
    private const int MaxManifestChars = 1024 * 1024;

    /// <summary>More unpacked than this is a zip bomb, not an office document (uploads are at most tens of MB).</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    // How an embedded OLE "Package" object (a file Word shows as an icon and runs on a double click) names its stream.
    private static readonly byte[] OlePackageStream = System.Text.Encoding.Unicode.GetBytes("\u0001Ole10Native");

    private static readonly HashSet<string> Programs = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".pif", ".cpl", ".msi", ".jar", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".hta",
        ".bat", ".cmd", ".ps1", ".lnk",
    };

    private static readonly HashSet<string> MacroDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppsm", ".ppam",
    };

    // The main part must be there with its own content type; it is not parsed, so no part's size decides how much
    // memory the check takes.
    public static string? Word(Stream file) => Office(file, "Word 文档", stream =>
    {
        using var document = WordprocessingDocument.Open(stream, false);
        return document.DocumentType == WordprocessingDocumentType.Document
               && document.MainDocumentPart?.ContentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    });

    public static string? Excel(Stream file) => Office(file, "Excel 表格", stream =>
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.DocumentType == SpreadsheetDocumentType.Workbook
               && document.WorkbookPart?.ContentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    });

    public static string? PowerPoint(Stream file) => Office(file, "PowerPoint 演示文稿", stream =>
    {
        using var document = PresentationDocument.Open(stream, false);
        return document.DocumentType == PresentationDocumentType.Presentation
               && document.PresentationPart?.ContentType == "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    });

    public static string? Ofd(Stream file) => Zip(file, "OFD 文件", zip =>
        zip.Entries.Any(e => e.FullName.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase)
                             || e.FullName.EndsWith("/OFD.xml", StringComparison.OrdinalIgnoreCase))
            ? null
            : "OFD 文件缺少 OFD.xml");

    private static string? Office(Stream file, string kind, Func<Stream, bool> opensAsItself)
    {
        var problem = Zip(file, kind, zip =>
        {
            var manifest = zip.GetEntry("[Content_Types].xml");
            if (manifest is null)
            {
                return $"{kind}缺少 [Content_Types].xml";
            }
            using var reader = new StreamReader(manifest.Open());
            var text = new char[MaxManifestChars];
            var types = text.AsSpan(0, reader.ReadBlock(text, 0, text.Length));
            return types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || types.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                ? $"{kind}中含有宏"
                : null;
        });
        if (problem is not null)
        {
            return problem;
        }
        file.Position = 0;
        try
        {
            return opensAsItself(file) ? null : $"不是普通的 {kind}（是模板或其他类型的 Office 文件）";
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FormatException or XmlException
                                      or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return $"不是有效的 {kind}";
        }
    }

    private static string? Zip(Stream file, string kind, Func<ZipArchive, string?> inspect)
    {
        Span<byte> head = stackalloc byte[4];
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.SequenceEqual("PK\u0003\u0004"u8))
        {
            return $"不是 {kind}";
        }
        if (EndProblem(file) is { } end)
        {
            return $"{kind}{end}";
        }
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                if (EntryProblem(entry.FullName) is { } problem)
                {
                    return $"{kind}{problem}";
                }
            }
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return $"{kind}解压后超过 {MaxUnpackedBytes / 1024 / 1024} MB，不像正常文档";
            }
            foreach (var entry in zip.Entries)
            {
                if (ContentProblem(entry) is { } problem)
                {
                    return $"{kind}{problem}";
                }
            }
            return inspect(zip);
        }
        catch (InvalidDataException)
        {
            return $"不是有效的 {kind}（压缩包已损坏）";
        }
    }

    // A zip ends with its end-of-directory record and comment: anything after that was added to it.
    private static string? EndProblem(Stream file)
    {
        var tail = new byte[(int)Math.Min(file.Length, ZipEndLength + ushort.MaxValue)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        for (var at = tail.Length - ZipEndLength; at >= 0; at--)
        {
            if (tail.AsSpan(at).StartsWith("PK\u0005\u0006"u8)
                && at + ZipEndLength + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 20)) == tail.Length)
            {
                return FileFormats.ContainsHtml(tail.AsSpan(at + ZipEndLength)) ? "的压缩包注释中夹带了网页代码" : null;
            }
        }
        return "不完整或末尾有其他数据";
    }

    /// <summary>A program hidden under a harmless name, or wrapped as an embedded OLE package.</summary>
    private static string? ContentProblem(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        var head = new byte[2];
        if (content.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head.AsSpan().SequenceEqual("MZ"u8))
        {
            return $"中夹带了可执行程序（{InputText.Clean(entry.Name)}）";
        }
        if (!entry.FullName.Contains("embeddings/", StringComparison.OrdinalIgnoreCase) || !entry.Name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        using var whole = new MemoryStream();
        whole.Write(head);
        content.CopyTo(whole);
        return whole.GetBuffer().AsSpan(0, (int)whole.Length).IndexOf(OlePackageStream) >= 0
            ? $"中嵌入了可运行的文件包（{InputText.Clean(entry.Name)}）"
            : null;
    }

    private static string? EntryProblem(string name)
    {
        var segments = name.Split('/');
        if (name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal)
            || name.Any(char.IsControl) || segments.Any(s => s is "." or ".."))
        {
            return $"中含有不安全的路径“{InputText.Clean(name)}”";
        }
        var fileName = segments[^1];
        var extension = Path.GetExtension(fileName);
        if (Programs.Contains(extension))
        {
            return $"中夹带了可执行文件“{InputText.Clean(fileName)}”";
        }
        return fileName.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || MacroDocuments.Contains(extension)
            ? $"中含有宏（{InputText.Clean(fileName)}）"
            : null;
    }
}
