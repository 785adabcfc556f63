using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Signals;

namespace Duban.Tests.Domain.Signals;

/// <summary>虚假空 at its thresholds: the same text in two units, one changed character at the end (still ≥ 90 %) or in the middle (not), short texts, one unit, one file.</summary>
public sealed class CopiedWorkTests
{
    private static readonly DateTime Monday = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private const string Measure = "建立值班签到台账由科长每日下班前核对签到情况并在周例会通报";

    private static SignalItem Item(int id, int unit, string measure, params string[] files) =>
        new(id, $"ZG-2026-{id:0000}", unit, ItemState.InProgress, DeadlineKind.Date, null, new DateOnly(2026, 12, 31), Monday.AddDays(-30),
            null, null, [measure], []) { EvidenceHashes = files };

    private static List<SignalFinding> Detect(params SignalItem[] items) =>
        [.. new CopiedWorkDetector().Detect(new SignalContext(items, Monday, new WorkCalendar(new WeekendsOff()), new SignalOptions()))];

    [Fact]
    public void The_same_measure_in_two_units_flags_both_items_with_both_texts()
    {
        var findings = Detect(Item(1, 7, Measure), Item(2, 8, "建立值班签到台账，由科长每日下班前核对签到情况，并在周例会通报。"), Item(3, 9, "完全不同的措施：修订公文流转时限规定并上线提醒功能"));

        Assert.Equal([1, 2], findings.Select(f => f.ItemId!.Value).Order());
        Assert.All(findings, f => Assert.Equal(1m, f.Strength));
        Assert.Equal([Measure, "建立值班签到台账，由科长每日下班前核对签到情况，并在周例会通报。"], findings[0].Evidence.Take(2).Select(e => e.Text));
    }

    [Fact]
    public void One_character_changed_at_the_end_stays_above_the_threshold_and_in_the_middle_falls_below()
    {
        var end = Measure[..^1] + "报告";
        var middle = Measure[..14] + "晚" + Measure[15..];
        Assert.Equal(2, Detect(Item(1, 7, Measure), Item(2, 8, end)).Count);
        Assert.Empty(Detect(Item(1, 7, Measure), Item(2, 8, middle)));
    }

    [Fact]
    public void Short_texts_copies_within_one_unit_and_files_are_judged_as_the_rule_says()
    {
        Assert.Empty(Detect(Item(1, 7, "加强值班管理，严格落实签到制度"), Item(2, 8, "加强值班管理，严格落实签到制度")));
        Assert.Empty(Detect(Item(1, 7, Measure), Item(2, 7, Measure)));
        var hash = new string('a', 64);
        var shared = Detect(Item(1, 7, "修订公文流转时限规定", hash), Item(2, 8, "开展窗口服务满意度回访", hash));
        Assert.Equal(2, shared.Count);
        Assert.Contains("同一份佐证材料", shared[0].Evidence[1].What);
        Assert.Empty(Detect(Item(1, 7, "修订公文流转时限规定", hash), Item(2, 7, "开展窗口服务满意度回访", hash)));
    }

    [Fact]
    public void A_file_or_text_held_by_many_pairs_each_copy_with_the_earliest_of_another_unit()
    {
        var hash = new string('b', 64);
        var files = Detect(Item(1, 7, "修订公文流转时限规定", hash), Item(2, 8, "开展窗口服务满意度回访", hash), Item(3, 9, "清理积压文件材料", hash),
            Item(4, 7, "公开服务承诺事项", hash));
        // Each later holder pairs with the earliest of another unit (the fourth, of the first's unit, with the second):
        // three pairs, six flags, not the five cross-unit pairs of every two holders.
        Assert.Equal([(1, 2), (1, 3), (2, 1), (2, 4), (3, 1), (4, 2)],
            files.Select(f => (f.ItemId!.Value, int.Parse(f.Episode!, System.Globalization.CultureInfo.InvariantCulture))).Order());
        var texts = Detect(Item(1, 7, Measure), Item(2, 8, Measure), Item(3, 9, Measure), Item(4, 10, Measure));
        Assert.Equal(6, texts.Count);
        Assert.All(texts.Where(f => f.ItemId != 1), f => Assert.Equal("1", f.Episode));
    }
}
