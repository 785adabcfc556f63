using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

/// <summary>An item imported from an office's ledger arrives in the recorded state, with one history entry saying so.</summary>
public sealed class ImportedItemTests
{
    private static RectificationItem Import(ItemState state, string? progress = null, ItemDetails? details = null) =>
        RectificationItem.Imported(1, 2026, 7, 7, "/1/2/7/", details ?? Details(), state, progress, "abc:7", Supervisor, Now);

    [Fact]
    public void A_closed_row_arrives_closed_with_the_reason_it_has_no_evidence()
    {
        var item = Import(ItemState.Closed, "已全部整改到位");

        Assert.Equal(ItemState.Closed, item.State);
        Assert.Equal(Now, item.ClosedAt);
        Assert.Contains("无佐证材料", item.NoEvidenceReason);
        Assert.Equal([ItemEventKind.Imported, ItemEventKind.Progress], item.History.Select(e => e.Kind));
        Assert.Equal($"按原台账导入，原台账状态：{LedgerTerms.Name(ItemState.Closed)}", item.History[0].Text);
        Assert.Equal("ZG-2026-0007", item.Code);
        Assert.Equal("abc:7", item.ImportKey);
        Assert.True(item.CanBe(ItemAction.Reopen));
    }

    [Fact]
    public void A_submitted_row_can_be_verified_by_the_supervisor_who_imported_it()
    {
        var item = Import(ItemState.Submitted);

        item.Close("原台账未附佐证材料，已电话核实", "核实无误", Supervisor, Now);

        Assert.Equal(ItemState.Closed, item.State);
    }

    [Fact]
    public void Progress_of_an_ongoing_row_counts_as_its_report_and_moves_the_next_report_date()
    {
        var item = Import(ItemState.InProgress, "按月报送", Details(DeadlineKind.Ongoing, period: ReportingPeriod.Monthly));

        Assert.Equal(Today, item.LastReportOn);
        Assert.Equal(Today.AddMonths(1), item.DueOn);
    }

    [Fact]
    public void A_row_not_yet_started_keeps_no_progress_and_a_draft_comes_in_as_a_draft()
    {
        var item = Import(ItemState.Assigned, "尚未开始");
        var draft = Import(ItemState.Draft, "尚在起草");

        Assert.Equal([ItemEventKind.Imported], item.History.Select(e => e.Kind));
        Assert.Null(item.LastReportOn);
        Assert.Equal((ItemState.Draft, 1), (draft.State, draft.History.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => Import((ItemState)9));
    }
}
