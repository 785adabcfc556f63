using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Duban.Core.Documents;

/// <summary>
/// Structure checks of uploaded files, each walking the file as far as it cheaply can and returning what is wrong (a
/// Chinese phrase) or null. A signature alone is not enough: a PNG header followed by a web page is a web page to a
/// browser that sniffs. Office packages are checked by <see cref="OfficePackages"/>.
/// </summary>
internal static class FileFormats
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly SearchValues<byte> PdfWhitespace = SearchValues.Create(" \t\r\n\f\0"u8);

    /// <summary>
    /// Tags that make a web page; none can be a PDF hex string (letters a–f only). Not &lt;body&gt; or &lt;p&gt;: a PDF's
    /// comments keep their rich text as XHTML outside streams.
    /// </summary>
    internal static readonly SearchValues<string> HtmlMarkers = SearchValues.Create(
        ["<html", "<head", "<script", "<iframe", "<!doctype", "<svg", "<meta", "<object", "<embed"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Signature, IHDR first, every chunk inside the file, IEND last and nothing after it.</summary>
    public static string? Png(Stream file)
    {
        Span<byte> header = stackalloc byte[8];
        if (!TryRead(file, header) || !header.SequenceEqual(PngSignature))
        {
            return "不是 PNG 图片";
        }
        for (var first = true; ; first = false)
        {
            if (!TryRead(file, header))
            {
                return "PNG 图片不完整，缺少结束块（IEND）";
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = header[4..];
            if (!IsChunkType(type) || (first && (!type.SequenceEqual("IHDR"u8) || length != 13)))
            {
                return "PNG 图片的数据块已损坏";
            }
            if (length + 4L > file.Length - file.Position)
            {
                return "PNG 图片不完整，数据块被截断";
            }
            file.Seek(length + 4L, SeekOrigin.Current);
            if (type.SequenceEqual("IEND"u8))
            {
                return file.Position == file.Length ? null : "PNG 图片的结束块（IEND）之后还有其他数据";
            }
        }
    }

    /// <summary>
    /// SOI, the marker segments, the entropy-coded scans, EOI. After EOI only padding, or further whole JPEG images
    /// (the multi-picture format cameras and phones use for previews and HDR gain maps).
    /// </summary>
    public static string? Jpeg(Stream file)
    {
        if (file.ReadByte() != 0xFF || file.ReadByte() != 0xD8)
        {
            return "不是 JPEG 图片";
        }
        while (true)
        {
            if (JpegBody(file) is { } problem)
            {
                return problem;
            }
            int next;
            do
            {
                next = file.ReadByte();
            }
            while (next is 0x00 or 0xFF);
            if (next < 0)
            {
                return null;
            }
            // Another image starts with FF D8, the FF having been read as padding.
            file.Seek(-2, SeekOrigin.Current);
            if (file.ReadByte() != 0xFF || file.ReadByte() != 0xD8)
            {
                return "JPEG 图片的结束标记（EOI）之后还有其他数据";
            }
        }
    }

    // From just after SOI to just after EOI.
    private static string? JpegBody(Stream file)
    {
        const string Truncated = "JPEG 图片不完整，缺少结束标记（EOI）";
        var pending = -1;
        while (true)
        {
            var marker = pending;
            pending = -1;
            if (marker < 0)
            {
                var b = file.ReadByte();
                if (b < 0)
                {
                    return Truncated;
                }
                if (b != 0xFF)
                {
                    return "JPEG 图片的结构已损坏";
                }
                do
                {
                    marker = file.ReadByte();
                }
                while (marker == 0xFF);
            }
            switch (marker)
            {
                case < 0:
                    return Truncated;
                case 0xD9:
                    return null;
                case 0x01 or (>= 0xD0 and <= 0xD7):
                    continue;
                case 0x00 or 0xD8:
                    return "JPEG 图片的结构已损坏";
            }
            var high = file.ReadByte();
            var low = file.ReadByte();
            if (low < 0)
            {
                return Truncated;
            }
            var length = (high << 8) | low;
            if (length < 2 || length - 2 > file.Length - file.Position)
            {
                return Truncated;
            }
            file.Seek(length - 2, SeekOrigin.Current);
            if (marker == 0xDA)
            {
                pending = NextMarkerAfterScan(file);
                if (pending < 0)
                {
                    return Truncated;
                }
            }
        }
    }

    // Scan data ends at the first marker that is neither a stuffed zero nor a restart marker.
    private static int NextMarkerAfterScan(Stream file)
    {
        while (true)
        {
            var b = file.ReadByte();
            if (b < 0)
            {
                return -1;
            }
            if (b != 0xFF)
            {
                continue;
            }
            int marker;
            do
            {
                marker = file.ReadByte();
            }
            while (marker == 0xFF);
            if (marker is not (0x00 or (>= 0xD0 and <= 0xD7)))
            {
                return marker;
            }
        }
    }

    /// <summary>
    /// The %PDF- header, %%EOF at the end (only whitespace after it), and no web page tags outside the streams, where
    /// a PDF has only its own syntax. The file is read whole: callers check it against their upload limit first.
    /// </summary>
    public static string? Pdf(Stream file)
    {
        var data = new byte[file.Length];
        file.ReadExactly(data);
        if (!data.AsSpan().StartsWith("%PDF-"u8))
        {
            return "不是 PDF 文件";
        }
        var tail = data.AsSpan(Math.Max(0, data.Length - 1024));
        var end = tail.LastIndexOf("%%EOF"u8);
        if (end < 0 || tail[(end + 5)..].IndexOfAnyExcept(PdfWhitespace) >= 0)
        {
            return "PDF 文件不完整或末尾有其他数据，缺少结束标记（%%EOF）";
        }
        var at = 0;
        while (at < data.Length)
        {
            var rest = data.AsSpan(at);
            var stream = StreamKeyword(rest);
            if (ContainsHtml(stream < 0 ? rest : rest[..stream]))
            {
                return "PDF 文件中夹带了网页代码";
            }
            if (stream < 0)
            {
                break;
            }
            var endStream = rest[stream..].IndexOf("endstream"u8);
            if (endStream < 0)
            {
                return "PDF 文件的数据流没有结束标记（endstream）";
            }
            at += stream + endStream + "endstream".Length;
        }
        return null;
    }

    // Where a stream's data begins: the keyword "stream" (not "endstream") followed by an end of line.
    private static int StreamKeyword(ReadOnlySpan<byte> data)
    {
        var from = 0;
        while (true)
        {
            var found = data[from..].IndexOf("stream"u8);
            if (found < 0)
            {
                return -1;
            }
            var at = from + found;
            var after = at + "stream".Length;
            if (after < data.Length && data[after] is (byte)'\r' or (byte)'\n' && (at < 3 || !data[(at - 3)..at].SequenceEqual("end"u8)))
            {
                return after;
            }
            from = after;
        }
    }

    internal static bool ContainsHtml(ReadOnlySpan<byte> data) =>
        data.IndexOf((byte)'<') >= 0 && Encoding.Latin1.GetString(data).AsSpan().ContainsAny(HtmlMarkers);

    /// <summary>Legacy Word and Excel files are OLE compound files: the header must be a consistent one.</summary>
    public static string? OleCompound(Stream file)
    {
        Span<byte> header = stackalloc byte[512];
        if (!TryRead(file, header) || !header.StartsWith(OleSignature))
        {
            return "不是 Office 97-2003 文件";
        }
        var major = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        var byteOrder = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
        var miniSectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        var valid = byteOrder == 0xFFFE && miniSectorShift == 6
                    && ((major == 3 && sectorShift == 9) || (major == 4 && sectorShift == 12));
        return valid ? null : "Office 97-2003 文件的文件头已损坏";
    }

    private static bool TryRead(Stream file, Span<byte> buffer) => file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }
        return true;
    }
}
