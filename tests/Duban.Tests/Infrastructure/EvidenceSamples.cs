using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Presentation = DocumentFormat.OpenXml.Presentation;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace Duban.Tests.Infrastructure;

/// <summary>Small but real evidence files of every accepted type, and the polyglots made from them, built in code.</summary>
public static class EvidenceSamples
{
    public static readonly byte[] Html = Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>");

    /// <summary>A 1×1 grey PNG: IHDR, IDAT (zlib), IEND, each with its CRC.</summary>
    public static byte[] Png()
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0x80]);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// An 8×8 grey baseline JPEG: quantisation and one-code Huffman tables, one scan whose block has only a zero DC
    /// difference and end-of-block (two zero bits, padded with ones).
    /// </summary>
    public static byte[] Jpeg()
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        WriteSegment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        WriteSegment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        WriteSegment(jpeg, 0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        WriteSegment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0]);
        WriteSegment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0]);
        WriteSegment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        jpeg.Write([0x3F, 0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
        "3 0 obj\n<< /Length 18 >>\nstream\n<html> in a stream\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx()
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Wordprocessing.Document(new Wordprocessing.Body(
                new Wordprocessing.Paragraph(new Wordprocessing.Run(new Wordprocessing.Text("整改情况报告")))));
        }
        return output.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Spreadsheet.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Spreadsheet.Worksheet(new Spreadsheet.SheetData());
            workbook.Workbook.AppendChild(new Spreadsheet.Sheets(new Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "整改台账" }));
        }
        return output.ToArray();
    }

    public static byte[] Pptx()
    {
        using var output = new MemoryStream();
        using (var document = PresentationDocument.Create(output, DocumentFormat.OpenXml.PresentationDocumentType.Presentation))
        {
            document.AddPresentationPart().Presentation = new Presentation.Presentation();
        }
        return output.ToArray();
    }

    public static byte[] Ofd() => Zip(("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>"),
        ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));

    /// <summary>A legacy .xls as old Excel and WPS save it (an OLE compound file), written by NPOI.</summary>
    public static byte[] Xls()
    {
        var workbook = new NPOI.HSSF.UserModel.HSSFWorkbook();
        workbook.CreateSheet("整改台账").CreateRow(0).CreateCell(0).SetCellValue("整改情况");
        using var output = new MemoryStream();
        workbook.Write(output);
        return output.ToArray();
    }

    /// <summary>A legacy .doc's container: an OLE compound file holding a WordDocument stream, written by NPOI.</summary>
    public static byte[] Doc()
    {
        var container = new NPOI.POIFS.FileSystem.POIFSFileSystem();
        container.CreateDocument(new MemoryStream(Encoding.ASCII.GetBytes("Word.Document.8")), "WordDocument");
        using var output = new MemoryStream();
        container.WriteFileSystem(output);
        return output.ToArray();
    }

    /// <summary>The same package with one more entry (a program, a macro project, a name that climbs out of the folder).</summary>
    public static byte[] WithEntry(byte[] package, string name, byte[]? content = null)
    {
        using var output = new MemoryStream();
        output.Write(package);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content ?? [0x4D, 0x5A, 0x90, 0x00]);
        }
        return output.ToArray();
    }

    /// <summary>The same package with an entry of <paramref name="size"/> zero bytes: tiny packed, huge unpacked.</summary>
    public static byte[] WithBomb(byte[] package, long size)
    {
        using var output = new MemoryStream();
        output.Write(package);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/bomb.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length)
            {
                entry.Write(zeros);
            }
        }
        return output.ToArray();
    }

    public static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(text);
            }
        }
        return output.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static void WriteSegment(Stream jpeg, byte marker, byte[] data)
    {
        jpeg.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        jpeg.Write(data);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
