using Duban.Core.Common;
using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

/// <summary>Every state × action pair: legal ones change the item as expected, the rest are refused with a reason.</summary>
public class TransitionTableTests
{
    // The table written out independently of LedgerRules: state → actions legal in it (for a dated deadline).
    private static readonly Dictionary<ItemState, ItemAction[]> Legal = new()
    {
        [ItemState.Draft] = [ItemAction.Edit, ItemAction.Assign, ItemAction.Reassign],
        [ItemState.Assigned] = [ItemAction.Edit, ItemAction.Start, ItemAction.AddEvidence, ItemAction.RequestExtension, ItemAction.Reassign, ItemAction.Urge],
        [ItemState.InProgress] = [ItemAction.Edit, ItemAction.ReportProgress, ItemAction.AddEvidence, ItemAction.Submit, ItemAction.RequestExtension, ItemAction.Reassign, ItemAction.Urge],
        [ItemState.Submitted] = [ItemAction.Return, ItemAction.Close],
        [ItemState.Closed] = [ItemAction.Reopen],
    };

    public static TheoryData<ItemState, ItemAction> AllPairs()
    {
        var data = new TheoryData<ItemState, ItemAction>();
        foreach (var state in Enum.GetValues<ItemState>())
        {
            foreach (var action in ItemActions.All.Where(a => a != ItemAction.DecideExtension))
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_pair_is_legal_exactly_as_the_table_says(ItemState state, ItemAction action)
    {
        var item = Item(state);
        var expected = Legal[state].Contains(action);

        Assert.Equal(expected, item.CanBe(action));
        if (expected)
        {
            var before = item.History.Count;
            Perform(item, action);
            Assert.Equal(before + 1, item.History.Count);
        }
        else
        {
            var error = Assert.Throws<DubanException>(() => Perform(item, action));
            Assert.Contains(LedgerTerms.Name(state), error.Message);
            Assert.Contains("不能", error.Message);
        }
    }

    [Theory]
    [InlineData(ItemAction.Assign, ItemState.Draft, ItemState.Assigned)]
    [InlineData(ItemAction.Start, ItemState.Assigned, ItemState.InProgress)]
    [InlineData(ItemAction.Submit, ItemState.InProgress, ItemState.Submitted)]
    [InlineData(ItemAction.Return, ItemState.Submitted, ItemState.InProgress)]
    [InlineData(ItemAction.Close, ItemState.Submitted, ItemState.Closed)]
    [InlineData(ItemAction.Reopen, ItemState.Closed, ItemState.InProgress)]
    public void State_changing_actions_move_to_the_next_state(ItemAction action, ItemState from, ItemState to)
    {
        var item = Item(from);

        Perform(item, action);

        Assert.Equal(to, item.State);
    }

    [Fact]
    public void Every_change_bumps_the_version_for_optimistic_concurrency()
    {
        var item = Item(ItemState.Draft);
        var version = item.Version;

        item.Assign(Supervisor, Now);

        Assert.Equal(version + 1, item.Version);
    }

    internal static void Perform(RectificationItem item, ItemAction action)
    {
        switch (action)
        {
            case ItemAction.Edit: item.Edit(Details() with { Problem = "改过的问题" }, ItemBuilder.Names, Liaison, Now, mayChangeDeadline: false, mayChangeFindings: false); break;
            case ItemAction.Assign: item.Assign(Supervisor, Now); break;
            case ItemAction.Start: item.Start(Liaison, Now); break;
            case ItemAction.ReportProgress: item.ReportProgress("进展", Liaison, Now); break;
            case ItemAction.AddEvidence: item.AddEvidence(new EvidenceFile("b.png", "image/png", 5, new string('b', 64), Liaison, Now), Liaison, Now); break;
            case ItemAction.Submit: item.Submit(null, Liaison, Now); break;
            case ItemAction.Return: item.Return("材料不全", OtherSupervisor, Now); break;
            case ItemAction.Close: item.Close(null, null, OtherSupervisor, Now); break;
            case ItemAction.Reopen: item.Reopen("抽查发现反弹", Supervisor, Now); break;
            case ItemAction.RequestExtension: item.RequestExtension(item.DueOn.AddDays(30), "客观原因", Liaison, Now); break;
            case ItemAction.DecideExtension: item.DecideExtension(true, null, Supervisor, Now); break;
            case ItemAction.Reassign: item.Reassign(8, "/1/2/8/", "职责调整", Supervisor, Now); break;
            case ItemAction.Urge: item.Urge(null, Supervisor, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
