using Duban.Core.Bulletins;
using Duban.Core.Common;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Inspections;

namespace Duban.Tests.Domain.Bulletins;

/// <summary>
/// The draft as written from hand-built facts: each number in its sentence and as a figure with the ledger list it
/// came from; praise and criticism at their boundaries; parts left out when there is nothing to say.
/// </summary>
public sealed class BulletinDraftTests
{
    // 30 November 2026, 18:00 in Beijing.
    private static readonly DateTime CutOff = new DateTimeOffset(2026, 11, 30, 18, 0, 0, ChinaTime.Offset).UtcDateTime;

    private static readonly BulletinScope Scope = new(7, "2026年作风建设年活动", new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30), null,
        "全区各单位", CutOff);

    private static readonly BulletinDraftWriter Writer = new(new BulletinOptions());

    private static BulletinFacts Facts(params UnitFacts[] units) =>
        new(Scope, units, InspectionFacts.None, CheckFacts.None, SlipFacts.None, [], new DateOnly(2026, 12, 14));

    private static BulletinFigure Figure(BulletinDraft draft, string key) => draft.Figures.Single(f => f.Key == key);

    private static string Text(BulletinDraft draft) => string.Join("\n", draft.Body.Select(p => p.Text));

    [Fact]
    public void The_basics_count_found_self_found_closed_on_time_and_overdue_with_each_figure_opening_its_list()
    {
        // 综合科: 10 found (4 self), 6 on time, 2 late, 1 overdue; 秘书科: 5 found (1 self), 5 on time.
        var draft = Writer.Write(Facts(new UnitFacts(1, "综合科", 10, 4, 6, 2, 1), new UnitFacts(2, "秘书科", 5, 1, 5, 0, 0)));

        var basics = draft.Body.Single(p => p.Part == BulletinPart.Basics && p.Heading == HeadingLevel.None).Text;
        Assert.Equal("2026年1月1日至2026年11月30日，全区各单位共排查发现问题15个，其中自查自纠发现5个，占33.3%；已整改销号13个，" +
            "其中按期完成11个，按期完成率84.6%；截至2026年11月30日，逾期未完成（亮红灯）1个。", basics);
        Assert.Equal(("15", "/ledger?campaign=7&foundFrom=2026-01-01&foundTo=2026-11-30&asOf=2026-11-30T10%3A00%3A00Z"),
            (Figure(draft, "found").Shown, Figure(draft, "found").Href));
        Assert.Equal("5", Figure(draft, "self").Shown);
        Assert.Contains("source=SelfInspection", Figure(draft, "self").Href);
        Assert.Equal("33.3%", Figure(draft, "selfShare").Shown);
        Assert.Equal(("13", true), (Figure(draft, "closed").Shown, Figure(draft, "closed").Href.EndsWith("&standing=Closed", StringComparison.Ordinal)));
        Assert.Equal(("11", true), (Figure(draft, "onTime").Shown, Figure(draft, "onTime").Href.EndsWith("&standing=ClosedOnTime", StringComparison.Ordinal)));
        Assert.Equal("84.6%", Figure(draft, "onTimeRate").Shown);
        Assert.Equal(("1", true), (Figure(draft, "overdue").Shown, Figure(draft, "overdue").Href.EndsWith("&standing=Overdue", StringComparison.Ordinal)));
        // Each number is found again in its paragraph after the words it followed.
        Assert.All(draft.Body.SelectMany(p => p.FigureKeys.Select(k => (p, k))), pk =>
            Assert.True(Figure(draft, pk.k).FindIn(pk.p.Text, 0) >= 0, pk.k));
    }

    [Fact]
    public void The_table_has_a_row_per_unit_and_a_total_each_count_linking_to_the_units_own_items_at_the_cut_off()
    {
        var draft = Writer.Write(Facts(new UnitFacts(1, "综合科", 10, 4, 6, 2, 1), new UnitFacts(2, "秘书科", 5, 1, 5, 0, 0)));

        Assert.Equal(["序号", "单位", "发现问题", "已销号", "按期完成", "逾期销号", "逾期未完成（红灯）"], draft.Table.Columns);
        Assert.Equal([["1", "综合科", "10", "8", "6", "2", "1"], ["2", "秘书科", "5", "5", "5", "0", "0"], ["", "合计", "15", "13", "11", "2", "1"]],
            draft.Table.Rows.Select(r => r.Select(c => c.Text).ToArray()).ToArray());
        Assert.Equal("/ledger?campaign=7&unit=1&unitOnly=true&foundFrom=2026-01-01&foundTo=2026-11-30&asOf=2026-11-30T10%3A00%3A00Z&standing=ClosedLate",
            draft.Table.Rows[0][5].Href);
    }

    [Theory]
    [InlineData(9, 1, true)]   // 90 %: praised
    [InlineData(18, 2, true)]  // 90 % again
    [InlineData(8, 1, false)]  // 88.9 %
    [InlineData(17, 2, false)] // 89.5 %
    [InlineData(0, 0, false)]  // nothing closed: no rate to praise
    public void Praise_starts_at_an_on_time_rate_of_90_percent(int onTime, int late, bool praised)
    {
        var unit = new UnitFacts(1, "综合科", 20, 5, onTime, late, 0);
        Assert.Equal(praised, new BulletinRules(90).IsPraised(unit));
        var draft = Writer.Write(Facts(unit));
        Assert.Equal(praised, draft.Praised.Any(u => u.UnitId == 1));
        Assert.Equal(praised, Text(draft).Contains("综合科（按期完成率", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 1)]
    public void One_red_item_one_failed_check_or_one_unanswered_slip_is_criticised_and_never_praised(int overdue, int failed, int unanswered)
    {
        var unit = new UnitFacts(1, "综合科", 20, 5, 10, 0, overdue, failed, [.. Enumerable.Repeat("督〔2026〕3号", unanswered)]);
        var draft = Writer.Write(Facts(unit, new UnitFacts(2, "秘书科", 3, 1, 3, 0, 0)));

        Assert.Equal([1], draft.Criticised.Select(u => u.UnitId));
        Assert.Equal([2], draft.Praised.Select(u => u.UnitId));
        var problems = string.Join("\n", draft.Body.Where(p => p.Part == BulletinPart.Problems).Select(p => p.Text));
        Assert.Contains("综合科（", problems);
        Assert.DoesNotContain("秘书科", problems);
        Assert.DoesNotContain("本期未发现需要通报批评的问题", problems);
    }

    [Fact]
    public void Without_anything_to_criticise_the_problems_say_so_and_inspections_and_slips_that_did_not_happen_are_not_mentioned()
    {
        var draft = Writer.Write(Facts(new UnitFacts(1, "综合科", 4, 4, 4, 0, 0)));
        var text = Text(draft);

        Assert.Contains("本期未发现需要通报批评的问题。", text);
        Assert.DoesNotContain("开展督查", text);
        Assert.DoesNotContain("回头看”抽查", text);
        Assert.DoesNotContain("下发督办单", text);
        Assert.Contains("截至2026年11月30日，无逾期未完成事项。", text);
    }

    [Fact]
    public void Inspections_checks_slips_and_typical_findings_are_written_with_their_numbers_and_the_feedback_deadline()
    {
        var facts = Facts(new UnitFacts(1, "综合科", 6, 2, 3, 1, 2, 1, ["督〔2026〕4号"])) with
        {
            Inspections = new InspectionFacts([(InspectionKind.Announced, 2), (InspectionKind.Covert, 1)], 5),
            Checks = new CheckFacts(4, 1),
            Slips = new SlipFacts(3, 1, 1, 1, 1, 1),
            Typical = [new TypicalFinding("综合科", "值班记录填写不全。", "DC-2026-001", FindingSeverity.Serious)],
        };
        var text = Text(Writer.Write(facts));

        Assert.Contains("期间开展督查3次（明查2次、暗访1次），发现问题5个，已全部交办整改；对已销号事项开展“回头看”抽查4项，合格3项，不合格1项，已重新打开整改。", text);
        Assert.Contains("期间下发督办单3份（蓝色1份、黄色1份、红色1份），已反馈1份，超期未反馈1份。", text);
        Assert.Contains("（一）逾期未完成整改。截至2026年11月30日，综合科（2个）存在逾期未完成（亮红灯）的整改事项", text);
        Assert.Contains("（二）“回头看”复查不合格。综合科（1项）", text);
        Assert.Contains("（三）督办单超期未反馈。综合科（督〔2026〕4号）", text);
        Assert.Contains("（四）督查发现的典型问题。\n一是综合科：值班记录填写不全（DC-2026-001，较重）。", text);
        Assert.Contains("于2026年12月14日前将整改情况反馈领导小组办公室", text);
    }

    [Fact]
    public void Five_hundred_units_fit_the_paragraph_limits_naming_the_thirty_heaviest_and_counting_the_rest()
    {
        var units = Enumerable.Range(1, 500).Select(i => new UnitFacts(i, $"第{i}单位", 10, 2, 5, 1, i % 7 + 1, i % 3, [$"督〔2026〕{i}号"]))
            .ToArray();
        var draft = Writer.Write(Facts(units));

        Assert.All(draft.Body, p => Assert.True(p.Text.Length <= Bulletin.ParagraphMaxLength, $"{p.Text.Length}: {p.Text[..Math.Min(40, p.Text.Length)]}"));
        var overdue = draft.Body.Single(p => p.Text.StartsWith("（一）逾期未完成整改", StringComparison.Ordinal)).Text;
        Assert.Contains("等500个单位存在逾期未完成", overdue);
        Assert.Equal(30, draft.Figures.Count(f => f.Key.StartsWith("overdue:", StringComparison.Ordinal)));
        Assert.Contains("第6单位（7个）", overdue);
        Assert.Equal(500, draft.Criticised.Count);
        Assert.Equal(501, draft.Table.Rows.Count);
        var bulletin = Bulletin.Draft(Scope, draft, [], "区作风办", new DateOnly(2026, 12, 14), new BulletinActor(1, "督查员"), CutOff);
        Assert.Equal(500, bulletin.CriticisedCount);
    }

    [Theory]
    [InlineData("一、基本情况", HeadingLevel.First)]
    [InlineData("（二）加快问题整改。", HeadingLevel.Second)]
    [InlineData("3. 综合科：问题", HeadingLevel.Third)]
    [InlineData("（1）具体要求", HeadingLevel.Fourth)]
    [InlineData("2026年1月1日至…", HeadingLevel.None)]
    [InlineData("1.5倍以上", HeadingLevel.None)]
    public void Heading_levels_come_from_the_numbering(string text, HeadingLevel level) => Assert.Equal(level, BulletinText.HeadingOf(text));
}
