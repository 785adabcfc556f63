using Duban.Core.Ledger;
using Duban.Core.Spreadsheets;

namespace Duban.Tests.Domain.Spreadsheets;

/// <summary>Groundwork for the spreadsheet import: headers, deadlines, states and sources as real ledgers write them.</summary>
public class ReadingTests
{
    [Theory]
    [InlineData("问题描述", LedgerColumn.Problem)]
    [InlineData("具体问题", LedgerColumn.Problem)]
    [InlineData("存在问题", LedgerColumn.Problem)]
    [InlineData("责任部门", LedgerColumn.Unit)]
    [InlineData("责任科室", LedgerColumn.Unit)]
    [InlineData("分管领导", LedgerColumn.Leader)]
    [InlineData("整改第一责任人", LedgerColumn.Person)]
    [InlineData("具体责任人", LedgerColumn.Person)]
    [InlineData("完成时限", LedgerColumn.Deadline)]
    [InlineData("整改时限\n（完成时限）", LedgerColumn.Deadline)]
    [InlineData(" 完成情况 ", LedgerColumn.Progress)]
    [InlineData("是否销号", LedgerColumn.WriteOff)]
    [InlineData("*责任单位", LedgerColumn.Unit)]
    [InlineData("序号", LedgerColumn.Number)]
    [InlineData("编号", LedgerColumn.Code)]
    [InlineData("事项编号", LedgerColumn.Code)]
    [InlineData("整改编号", LedgerColumn.Code)]
    public void Headers_are_matched_through_their_synonyms(string header, LedgerColumn expected) =>
        Assert.Equal(expected, LedgerColumns.Match(header));

    [Theory]
    [InlineData("联系电话")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_headers_are_not_guessed(string? header) => Assert.Null(LedgerColumns.Match(header));

    [Fact]
    public void The_header_row_is_found_below_title_rows_and_above_notes()
    {
        IReadOnlyList<IReadOnlyList<string?>> rows =
        [
            ["区政府办公室作风建设年问题整改台账", null, null, null],
            ["填报单位：综合科", null, "填报日期：2026年6月30日", null],
            ["序号", "存在问题", "整改措施", "责任科室", "完成时限"],
            ["1", "公文办理超时限", "建立提醒", "综合科", "2026-06-30"],
            ["注：整改时限写具体日期", null, null, null],
        ];

        Assert.Equal(2, LedgerColumns.FindHeaderRow(rows));
    }

    [Theory]
    [InlineData("2026-06-30", 2026, 6, 30)]
    [InlineData("2026/6/30", 2026, 6, 30)]
    [InlineData("2026.7.15", 2026, 7, 15)]
    [InlineData("2026年6月30日", 2026, 6, 30)]
    [InlineData("2026年6月30日前", 2026, 6, 30)]
    [InlineData("6月底前", 2026, 6, 30)]
    [InlineData("2026年6月底前", 2026, 6, 30)]
    [InlineData("年底前", 2026, 12, 31)]
    [InlineData("第三季度", 2026, 9, 30)]
    [InlineData("第一季度末", 2026, 3, 31)]
    [InlineData("上半年", 2026, 6, 30)]
    [InlineData("2026年11月", 2026, 11, 30)]
    [InlineData("2027年2月", 2027, 2, 28)]
    [InlineData("46203", 2026, 6, 30)]
    public void Deadlines_are_read_in_every_form_ledgers_use(string text, int year, int month, int day)
    {
        var value = DeadlineText.Parse(text, campaignYear: 2026);

        Assert.True(value.IsValid, value.Error);
        Assert.Equal(DeadlineKind.Date, value.Kind);
        Assert.Equal(new DateOnly(year, month, day), value.Date);
    }

    [Theory]
    [InlineData("立行立改", DeadlineKind.Immediate)]
    [InlineData("即知即改", DeadlineKind.Immediate)]
    [InlineData("长期坚持", DeadlineKind.Ongoing)]
    public void Deadline_words_become_their_kinds(string text, DeadlineKind kind) =>
        Assert.Equal(kind, DeadlineText.Parse(text, 2026).Kind);

    [Theory]
    [InlineData("2026-02-30", "不存在")]
    [InlineData("7月中旬", "不是确定的日期")]
    [InlineData("尽快", "不是确定的日期")]
    [InlineData("下个月", "无法识别")]
    [InlineData("", "为空")]
    public void Impossible_and_vague_dates_say_how_to_write_them(string text, string message)
    {
        var value = DeadlineText.Parse(text, 2026);

        Assert.False(value.IsValid);
        Assert.Contains(message, value.Error);
    }

    [Theory]
    [InlineData("已完成", ItemState.Closed)]
    [InlineData("已销号", ItemState.Closed)]
    [InlineData("正在整改", ItemState.InProgress)]
    [InlineData("正在推进", ItemState.InProgress)]
    [InlineData("长期坚持", ItemState.InProgress)]
    [InlineData("待审核", ItemState.Submitted)]
    [InlineData("未开始", ItemState.Assigned)]
    [InlineData("已整改", ItemState.Closed)]
    [InlineData("整改中", ItemState.InProgress)]
    [InlineData("未完成", ItemState.InProgress)]
    [InlineData("整改未完成", ItemState.InProgress)]
    [InlineData("", ItemState.InProgress)]
    public void States_are_mapped(string text, ItemState state) => Assert.Equal(state, LedgerWords.State(text));

    [Fact]
    public void Every_state_as_the_screen_and_the_export_name_it_is_read_back_as_itself() =>
        Assert.All(Enum.GetValues<ItemState>(), state => Assert.Equal(state, LedgerWords.State(LedgerTerms.Name(state))));

    [Fact]
    public void An_unknown_state_is_not_guessed() => Assert.Null(LedgerWords.State("研究中的想法"));

    [Theory]
    [InlineData("自查", ItemSource.SelfInspection)]
    [InlineData("自查自纠", ItemSource.SelfInspection)]
    [InlineData("市委巡察反馈", ItemSource.SuperiorInspection)]
    [InlineData("暗访", ItemSource.CovertVisit)]
    [InlineData("12345热线", ItemSource.PublicReport)]
    [InlineData("区长批示", ItemSource.LeaderInstruction)]
    public void Sources_are_matched(string text, ItemSource source)
    {
        var value = LedgerWords.Source(text);

        Assert.Equal(source, value.Source);
        Assert.Null(value.Warning);
    }

    [Fact]
    public void Every_standard_source_name_is_matched_without_a_warning_even_other()
    {
        foreach (var source in Enum.GetValues<ItemSource>())
        {
            var value = LedgerWords.Source(LedgerTerms.Name(source));

            Assert.Equal((source, (string?)null), (value.Source, value.Warning));
        }
    }

    [Fact]
    public void A_source_that_fits_none_becomes_other_with_a_warning_keeping_the_words()
    {
        var value = LedgerWords.Source("媒体曝光");

        Assert.Equal(ItemSource.Other, value.Source);
        Assert.Contains("媒体曝光", value.Warning);
    }
}
