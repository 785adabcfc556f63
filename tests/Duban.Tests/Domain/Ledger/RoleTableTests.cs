using Duban.Core.Accounts;
using Duban.Core.Ledger;

namespace Duban.Tests.Domain.Ledger;

public class RoleTableTests
{
    // The built item is in unit 7 (/1/2/7/) and names person 11 as its 责任人.
    private static Actor As(string role, int unitId = 7, string path = "/1/2/7/", int personId = 20) =>
        new(1, "u", new HashSet<string> { role }, personId, unitId, path);

    private static Actor Standing(string role, string relation) => relation switch
    {
        "Own" => As(role),
        "Below" => As(role, unitId: 2, path: "/1/2/"),
        "Named" => As(role, unitId: 22, path: "/1/22/", personId: 11),
        _ => As(role, unitId: 22, path: "/1/22/"),
    };

    [Theory]
    [InlineData(Roles.Liaison, "Own", ItemAction.Submit, true)]
    [InlineData(Roles.Liaison, "Own", ItemAction.Close, false)]
    [InlineData(Roles.Liaison, "Own", ItemAction.Assign, false)]
    [InlineData(Roles.Liaison, "Below", ItemAction.Submit, false)]
    [InlineData(Roles.Liaison, "Elsewhere", ItemAction.ReportProgress, false)]
    [InlineData(Roles.UnitHead, "Below", ItemAction.Assign, true)]
    [InlineData(Roles.UnitHead, "Below", ItemAction.Return, true)]
    [InlineData(Roles.UnitHead, "Below", ItemAction.Close, false)]
    [InlineData(Roles.UnitHead, "Elsewhere", ItemAction.Urge, false)]
    [InlineData(Roles.Supervisor, "Elsewhere", ItemAction.Close, true)]
    [InlineData(Roles.Supervisor, "Elsewhere", ItemAction.DecideExtension, true)]
    [InlineData(Roles.Supervisor, "Elsewhere", ItemAction.Submit, false)]
    [InlineData(Roles.Supervisor, "Elsewhere", ItemAction.Start, false)]
    [InlineData(Roles.Member, "Named", ItemAction.ReportProgress, true)]
    [InlineData(Roles.Member, "Named", ItemAction.Submit, false)]
    [InlineData(Roles.Member, "Own", ItemAction.ReportProgress, false)]
    [InlineData(Roles.Leadership, "Own", ItemAction.Edit, false)]
    [InlineData(Roles.Admin, "Own", ItemAction.Edit, false)]
    public void Roles_may_act_as_the_table_says(string role, string relation, ItemAction action, bool allowed)
    {
        Assert.Equal(allowed, LedgerRules.RoleMay(action, Standing(role, relation), ItemBuilder.Item(ItemState.Draft)));
    }

    [Fact]
    public void The_submitter_is_not_offered_the_close_button()
    {
        var item = ItemBuilder.Item(ItemState.InProgress);
        item.Submit(null, new ItemActor(1, "u"), ItemBuilder.Now);

        Assert.DoesNotContain(ItemAction.Close, LedgerRules.AllowedActions(item, As(Roles.Supervisor)));
        Assert.Contains(ItemAction.Close, LedgerRules.AllowedActions(item, As(Roles.Supervisor) with { UserId = 2 }));
    }

    [Fact]
    public void Relations_come_from_the_unit_tree()
    {
        var head = As(Roles.UnitHead, unitId: 2, path: "/1/2/");

        Assert.Equal(new ItemRelation(false, true), LedgerRules.RelationOf(head, 7, "/1/2/7/"));
        Assert.Equal(new ItemRelation(false, false), LedgerRules.RelationOf(head, 22, "/1/22/"));
        Assert.Equal(new ItemRelation(true, true), LedgerRules.RelationOf(head, 2, "/1/2/"));
    }
}
