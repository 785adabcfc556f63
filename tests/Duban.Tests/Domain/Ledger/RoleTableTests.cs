using Duban.Core.Accounts;
using Duban.Core.Ledger;

namespace Duban.Tests.Domain.Ledger;

/// <summary>The parts of who-may-act that the transition table does not spell out cell by cell.</summary>
public class RoleTableTests
{
    private static Actor As(string role, int unitId = 7, string path = "/1/2/7/", int personId = 20) =>
        new(1, "u", new HashSet<string> { role }, personId, unitId, path);

    [Fact]
    public void The_submitter_is_not_offered_the_close_button()
    {
        var item = ItemBuilder.Item(ItemState.InProgress);
        item.Submit(null, new ItemActor(1, "u"), ItemBuilder.Now);

        Assert.DoesNotContain(ItemAction.Close, LedgerRules.AllowedActions(item, As(Roles.Supervisor)));
        Assert.Contains(ItemAction.Close, LedgerRules.AllowedActions(item, As(Roles.Supervisor) with { UserId = 2 }));
    }

    [Fact]
    public void Relations_to_a_unit_come_from_the_unit_tree()
    {
        var head = As(Roles.UnitHead, unitId: 2, path: "/1/2/");

        Assert.Equal(new ItemRelation(false, true), LedgerRules.RelationOf(head, 7, "/1/2/7/"));
        Assert.Equal(new ItemRelation(false, false), LedgerRules.RelationOf(head, 22, "/1/22/"));
        Assert.Equal(new ItemRelation(true, true), LedgerRules.RelationOf(head, 2, "/1/2/"));
    }

    [Fact]
    public void A_unit_whose_path_only_starts_like_ones_own_is_not_in_ones_tree()
    {
        var head = As(Roles.UnitHead, unitId: 2, path: "/1/2/");

        Assert.False(LedgerRules.RelationOf(head, 21, "/1/21/").InOwnTree);
        Assert.False(LedgerRules.RoleMay(ItemAction.Assign, head,
            RectificationItem.Register(1, 2026, 1, 21, "/1/21/", ItemBuilder.Details(), ItemBuilder.Supervisor, ItemBuilder.Now)));
    }
}
