namespace Duban.Tests.Infrastructure;

// Kept apart from LedgerSheets.cs, which the browser tests share and which must not need NPOI.
public static partial class LedgerSheets
{
    /// <summary>
    /// The rows as a legacy .xls (BIFF8, as old Excel and WPS still save), written by NPOI. A cell given as a
    /// <see cref="DateTime"/> is stored as Excel stores dates: a serial number with a date format.
    /// </summary>
    public static byte[] Xls(IEnumerable<object[]> rows)
    {
        var workbook = new NPOI.HSSF.UserModel.HSSFWorkbook();
        var sheet = workbook.CreateSheet("整改台账");
        var dateStyle = workbook.CreateCellStyle();
        dateStyle.DataFormat = workbook.CreateDataFormat().GetFormat("yyyy-mm-dd");
        var number = 0;
        foreach (var values in rows)
        {
            var row = sheet.CreateRow(number++);
            for (var i = 0; i < values.Length; i++)
            {
                var cell = row.CreateCell(i);
                switch (values[i])
                {
                    case DateTime date:
                        cell.SetCellValue(date);
                        cell.CellStyle = dateStyle;
                        break;
                    case double value:
                        cell.SetCellValue(value);
                        break;
                    default:
                        cell.SetCellValue(values[i]?.ToString());
                        break;
                }
            }
        }
        using var output = new MemoryStream();
        workbook.Write(output);
        return output.ToArray();
    }
}
