using Duban.Core.Common;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Slips;

namespace Duban.Tests.Domain.Supervision;

/// <summary>A slip laid out as an official document: the office's mark and number, 主送 the unit, its items, demand and reply deadline.</summary>
public sealed class SlipDocumentTests
{
    private static readonly WorkCalendar Calendar = new(new WeekendsOff());
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly SlipDays Days = SlipDays.Of(Today, 7, 15, Calendar);
    private static readonly SupervisionOptions Options = new() { OfficeName = "区作风办", SlipNumberFormat = "区督〔{0}〕{1}号" };

    // 00:30 on the 25th in China is still the 24th in UTC: the document is dated by China's day.
    private static readonly DateTime At = new(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc);

    private static SlipCandidate Item(int id, string dueOn, string problem) =>
        new(id, $"ZG-2026-{id:0000}", 1, 4, "/1/4/", "综合科", ItemState.InProgress, DeadlineKind.Date,
            DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), problem, false);

    private static UrgeSlip Slip(string demand, params SlipCandidate[] items) =>
        new(SlipDraft.Of(items, demand, new DateOnly(2026, 11, 29), Days, Calendar), 2026, 12, new SlipActor(1, "督查员"), At);

    [Fact]
    public void The_head_is_the_office_the_number_and_the_colours_title_addressed_to_the_unit_and_signed_on_the_day_of_issue()
    {
        var document = SlipDocument.Of(Slip("请抓紧整改。", Item(1, "2026-11-20", "会议通知不及时")), Options);

        Assert.Equal(("区作风办", "区督〔2026〕12号", "黄色督办单", "综合科"), (document.IssuerMark, document.Number, document.Title, document.MainRecipients));
        Assert.Equal(("区作风办", new DateOnly(2026, 11, 25)), (document.Signature, document.Date));
        Assert.Null(document.Attachment);
        Assert.Equal("区督〔2026〕12号 督办单.docx", SlipDocument.FileName(document.Number!));
    }

    [Fact]
    public void The_body_lists_the_items_then_each_line_of_the_demand_then_the_reply_deadline()
    {
        var slip = Slip("一、立即整改。\r\n\r\n二、举一反三。", Item(1, "2026-12-01", "窗口服务态度差。"), Item(2, "2026-11-20", "材料报送迟缓"));

        var body = SlipDocument.Of(slip, Options).Body;

        Assert.Equal(
        [
            ("经督查，你单位下列2项整改事项已逾期或临近整改期限，现予督办。", HeadingLevel.None),
            ("一、督办事项", HeadingLevel.First),
            ("1.ZG-2026-0002：材料报送迟缓（整改期限2026年11月20日，已逾期3个工作日）。", HeadingLevel.None),
            ("2.ZG-2026-0001：窗口服务态度差（整改期限2026年12月1日）。", HeadingLevel.None),
            ("二、督办要求", HeadingLevel.First),
            ("一、立即整改。", HeadingLevel.None),
            ("二、举一反三。", HeadingLevel.None),
            ("请于2026年11月29日前将办理情况书面反馈区作风办。", HeadingLevel.None),
        ], body.Select(p => (p.Text, p.Heading)));
    }

    [Fact]
    public void The_opening_says_overdue_or_due_soon_as_the_items_stand_on_the_day_of_issue()
    {
        string Opening(params SlipCandidate[] items) => SlipDocument.Of(Slip("请整改。", items), Options).Body[0].Text;

        Assert.Contains("1项整改事项已逾期，", Opening(Item(1, "2026-11-24", "甲")));
        Assert.Contains("2项整改事项临近整改期限，", Opening(Item(1, "2026-11-25", "甲"), Item(2, "2026-12-02", "乙")));
    }
}
