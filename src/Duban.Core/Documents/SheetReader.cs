using System.Globalization;
using System.Text;
using Duban.Core.Common;
using ExcelDataReader;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace Duban.Core.Documents;

/// <summary>A file that cannot be read as a sheet at all, or one past the limits: nothing of it is imported.</summary>
public sealed class UnreadableSheetException : DubanException
{
    public UnreadableSheetException(string message) : base(ErrorKind.Validation, message)
    {
    }

    public UnreadableSheetException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public UnreadableSheetException()
    {
    }
}

/// <summary>One row of a sheet: its number as Excel shows it (from 1) and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>
/// How much a sheet may hold before it is refused (settings, so an office can raise them). The row limit counts data
/// rows: a sheet may have up to <see cref="RowsBesideData"/> more for its title, header and notes.
/// </summary>
public sealed record SheetLimits(int MaxRows = 100_000, int MaxColumns = 200, long MaxUnpackedBytes = 300L * 1024 * 1024)
{
    public const int RowsBesideData = 30;

    public UnreadableSheetException TooManyRows() => new($"表格超过 {MaxRows} 行的上限，请分成几个文件导入。");
}

/// <summary>
/// Reads the rows of an .xlsx (MiniExcel, streaming), a legacy .xls (ExcelDataReader) or a .csv (UTF-8 with or
/// without BOM, else GB18030) as text. A file that is no spreadsheet, too long or too wide is refused with a Chinese
/// message naming the limit; reading stops at the limit, so memory stays bounded.
/// </summary>
public static class SheetReader
{
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The date an Excel serial number stands for (days since 1899-12-30): a date cell without a date format reads as
    /// its number.
    /// </summary>
    public static DateOnly DateOfSerial(double serial) => DateOnly.FromDateTime(DateTime.FromOADate(serial));

    public static IEnumerable<SheetRow> Read(Stream content, string fileName, SheetLimits limits, string? sheet = null)
    {
        var rows = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(CheckUnpackedSize(content, limits), sheet),
            ".xls" => ReadXls(content, sheet),
            ".csv" => ReadCsv(content, limits),
            var other => throw new UnreadableSheetException($"不支持的文件类型“{other}”：请上传 .xlsx、.xls 或 .csv 文件。"),
        };
        return Limit(rows, limits);
    }

    private static IEnumerable<SheetRow> Limit(IEnumerable<SheetRow> rows, SheetLimits limits)
    {
        foreach (var row in Guard(rows))
        {
            if (row.Number > limits.MaxRows + SheetLimits.RowsBesideData)
            {
                throw limits.TooManyRows();
            }
            if (row.Cells.Count > limits.MaxColumns)
            {
                throw new UnreadableSheetException($"表格有 {row.Cells.Count} 列，超过 {limits.MaxColumns} 列的上限：请只保留台账的列。");
            }
            yield return row;
        }
    }

    // Whatever a library throws on a damaged file becomes one clear message.
    private static IEnumerable<SheetRow> Guard(IEnumerable<SheetRow> rows)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            SheetRow row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
                row = enumerator.Current;
            }
            catch (Exception e) when (e is not DubanException)
            {
                throw new UnreadableSheetException("文件无法读取：它已损坏、已加密，或不是真正的表格文件。", e);
            }
            yield return row;
        }
    }

    /// <summary>
    /// An .xlsx is a zip: a few megabytes can unpack to gigabytes (a zip bomb). The sizes its directory declares are
    /// checked before anything is unpacked; .NET stops any entry that unpacks to more than it declared.
    /// </summary>
    private static Stream CheckUnpackedSize(Stream content, SheetLimits limits)
    {
        long unpacked;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            unpacked = zip.Entries.Sum(e => e.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new UnreadableSheetException("文件无法读取：它已损坏、已加密，或不是真正的 .xlsx 文件。", e);
        }
        content.Position = 0;
        if (unpacked > limits.MaxUnpackedBytes)
        {
            throw new UnreadableSheetException(
                $"文件解压后有 {unpacked / 1024 / 1024} MB，超过 {limits.MaxUnpackedBytes / 1024 / 1024} MB 的上限（可能是压缩炸弹），已拒绝。");
        }
        return content;
    }

    private static IEnumerable<SheetRow> ReadXlsx(Stream content, string? sheet)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            number++;
            yield return new SheetRow(number, [.. row.Values.Select(Text)]);
        }
    }

    private static IEnumerable<SheetRow> ReadCsv(Stream content, SheetLimits limits)
    {
        var encoding = DetectEncoding(content);
        // The CSV reader slows down badly on very wide lines, so the first line's width is checked before reading.
        var width = FirstLineWidth(content, encoding);
        if (width > limits.MaxColumns)
        {
            throw new UnreadableSheetException($"表格有 {width} 列，超过 {limits.MaxColumns} 列的上限：请只保留台账的列。");
        }
        var configuration = new CsvConfiguration { StreamReaderFunc = stream => new StreamReader(stream, encoding) };
        var number = 0;
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: configuration))
        {
            number++;
            yield return new SheetRow(number, [.. row.Values.Select(Text)]);
        }
    }

    private static IEnumerable<SheetRow> ReadXls(Stream content, string? sheet)
    {
        using var reader = ExcelReaderFactory.CreateBinaryReader(content);
        while (sheet is not null && reader.Name != sheet)
        {
            if (!reader.NextResult())
            {
                throw new UnreadableSheetException($"文件中没有名为“{sheet}”的工作表。");
            }
        }
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Text(reader.GetValue(i));
            }
            yield return new SheetRow(number, cells);
        }
    }

    private static int FirstLineWidth(Stream content, Encoding encoding)
    {
        var start = content.Position;
        using (var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            var width = 1;
            var quoted = false;
            for (var read = 0; read < 1_000_000; read++)
            {
                var c = reader.Read();
                if (c < 0 || (!quoted && c is '\r' or '\n'))
                {
                    break;
                }
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    width++;
                }
            }
            content.Position = start;
            return width;
        }
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030, as Chinese Excel saves CSV.</summary>
    internal static Encoding DetectEncoding(Stream content)
    {
        var start = content.Position;
        var buffer = new byte[64 * 1024];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        content.Position = start;
        if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            return new UTF8Encoding(true);
        }
        // A multi-byte character cut at the end of the sample is not an error: drop up to three trailing bytes.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var trim = 0; trim <= Math.Min(3, read); trim++)
        {
            try
            {
                strict.GetString(buffer, 0, read - trim);
                return new UTF8Encoding(false);
            }
            catch (DecoderFallbackException)
            {
                if (read < buffer.Length)
                {
                    break;
                }
            }
        }
        return Encoding.GetEncoding("GB18030");
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
