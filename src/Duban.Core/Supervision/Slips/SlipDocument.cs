using System.Globalization;
using Duban.Core.Common;
using Duban.Core.Documents;

namespace Duban.Core.Supervision.Slips;

/// <summary>
/// A slip as an official document (公文) for <see cref="OfficialDocumentWriter"/>, in the words of the A4 print view:
/// the office's mark and the slip's number, the colour's title, the unit as 主送, the items, the demand and the reply
/// deadline, signed by the office on the day of issue (China time).
/// </summary>
public static class SlipDocument
{
    public static OfficialDocument Of(UrgeSlip slip, SupervisionOptions options)
    {
        var issuedOn = ChinaTime.DateOf(slip.IssuedAt);
        var overdue = slip.Items.Count(i => i.DueOn < issuedOn);
        var standing = overdue == slip.Items.Count ? "已逾期" : overdue == 0 ? "临近整改期限" : "已逾期或临近整改期限";
        List<DocumentParagraph> body =
        [
            new($"经督查，你单位下列{slip.Items.Count}项整改事项{standing}，现予督办。"),
            new("一、督办事项", HeadingLevel.First),
            .. slip.Items.Select((item, index) => new DocumentParagraph(ItemText(index + 1, item))),
            new("二、督办要求", HeadingLevel.First),
            // The demand's own lines stay lines: the writer keeps text only, so a line break would run two lines together.
            .. slip.Demand.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => new DocumentParagraph(line)),
            new(ReplyRequest(slip, options.OfficeName)),
        ];
        return new OfficialDocument(options.OfficeName, options.SlipNumber(slip.Year, slip.Number), slip.Colour.SlipTitle(), slip.UnitName,
            body, options.OfficeName, issuedOn);
    }

    /// <summary>The downloaded file's name: 督〔2026〕12号 督办单.docx.</summary>
    public static string FileName(string number) => $"{number} 督办单.docx";

    private static string ReplyRequest(UrgeSlip slip, string officeName) =>
        $"请于{OfficialDocument.DateText(slip.ReplyDueOn)}前将办理情况书面反馈{officeName}。";

    private static string ItemText(int number, UrgeSlipItem item)
    {
        var late = item.OverdueDays > 0 ? $"，已逾期{item.OverdueDays.ToString(CultureInfo.InvariantCulture)}个工作日" : string.Empty;
        return $"{number.ToString(CultureInfo.InvariantCulture)}.{item.ItemCode}：{item.Problem.TrimEnd('。', '；', '，', ';', ',', ' ')}（整改期限{OfficialDocument.DateText(item.DueOn)}{late}）。";
    }
}
