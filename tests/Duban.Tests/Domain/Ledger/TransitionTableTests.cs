using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

/// <summary>
/// Every situation × action × role × relation against a table written out below by hand from the domain's rules
/// (DOMAIN.md), not from <see cref="LedgerRules"/>: what the detail page and the API offer (AllowedActions), what the
/// workflow lets happen (the role check, then the item's own method), and, for the system, what the item allows.
/// </summary>
public class TransitionTableTests
{
    /// <summary>The item's state, with a pending extension request where one can exist, and an ongoing (长期坚持) item.</summary>
    public enum Situation
    {
        Draft,
        Assigned,
        InProgress,
        Submitted,
        Closed,
        AssignedPending,
        InProgressPending,
        SubmittedPending,
        Ongoing,
    }

    private static readonly string[] RoleColumns = [Roles.Admin, Roles.Leadership, Roles.Supervisor, Roles.UnitHead, Roles.Liaison, Roles.Member];

    /// <summary>
    /// How the actor stands to the item (unit 7 at /1/2/7/, responsible person 11): o = the item's unit is theirs,
    /// t = it lies below theirs, r = they are its responsible person in another unit, x = it is another unit's.
    /// </summary>
    private const string Relations = "otrx";

    // Y = offered and allowed, . = refused. "sys" is the system (command line, import), which may do whatever the
    // item's state allows; then one group per role, one letter per relation in the order o t r x.
    private static readonly string[] Table =
    [
        //                                  sys Admin Lead  Super UHead Liais Membr
        //                                      otrx  otrx  otrx  otrx  otrx  otrx
        "Draft             Edit              Y  ....  ....  YYYY  YY..  Y...  ....",
        "Draft             Assign            Y  ....  ....  YYYY  YY..  ....  ....",
        "Draft             Start             .  ....  ....  ....  ....  ....  ....",
        "Draft             ReportProgress    .  ....  ....  ....  ....  ....  ....",
        "Draft             AddEvidence       .  ....  ....  ....  ....  ....  ....",
        "Draft             Submit            .  ....  ....  ....  ....  ....  ....",
        "Draft             Return            .  ....  ....  ....  ....  ....  ....",
        "Draft             Close             .  ....  ....  ....  ....  ....  ....",
        "Draft             Reopen            .  ....  ....  ....  ....  ....  ....",
        "Draft             RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "Draft             DecideExtension   .  ....  ....  ....  ....  ....  ....",
        "Draft             Reassign          Y  ....  ....  YYYY  YY..  ....  ....",
        "Draft             Urge              .  ....  ....  ....  ....  ....  ....",
        "Draft             WithdrawEvidence  .  ....  ....  ....  ....  ....  ....",

        "Assigned          Edit              Y  ....  ....  YYYY  YY..  Y...  ....",
        "Assigned          Assign            .  ....  ....  ....  ....  ....  ....",
        "Assigned          Start             Y  ....  ....  ....  YY..  Y...  ....",
        "Assigned          ReportProgress    .  ....  ....  ....  ....  ....  ....",
        "Assigned          AddEvidence       Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "Assigned          Submit            .  ....  ....  ....  ....  ....  ....",
        "Assigned          Return            .  ....  ....  ....  ....  ....  ....",
        "Assigned          Close             .  ....  ....  ....  ....  ....  ....",
        "Assigned          Reopen            .  ....  ....  ....  ....  ....  ....",
        "Assigned          RequestExtension  Y  ....  ....  ....  YY..  Y...  ....",
        "Assigned          DecideExtension   .  ....  ....  ....  ....  ....  ....",
        "Assigned          Reassign          Y  ....  ....  YYYY  YY..  ....  ....",
        "Assigned          Urge              Y  ....  ....  YYYY  YY..  ....  ....",
        "Assigned          WithdrawEvidence  Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",

        "InProgress        Edit              Y  ....  ....  YYYY  YY..  Y...  ....",
        "InProgress        Assign            .  ....  ....  ....  ....  ....  ....",
        "InProgress        Start             .  ....  ....  ....  ....  ....  ....",
        "InProgress        ReportProgress    Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "InProgress        AddEvidence       Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "InProgress        Submit            Y  ....  ....  ....  YY..  Y...  ....",
        "InProgress        Return            .  ....  ....  ....  ....  ....  ....",
        "InProgress        Close             .  ....  ....  ....  ....  ....  ....",
        "InProgress        Reopen            .  ....  ....  ....  ....  ....  ....",
        "InProgress        RequestExtension  Y  ....  ....  ....  YY..  Y...  ....",
        "InProgress        DecideExtension   .  ....  ....  ....  ....  ....  ....",
        "InProgress        Reassign          Y  ....  ....  YYYY  YY..  ....  ....",
        "InProgress        Urge              Y  ....  ....  YYYY  YY..  ....  ....",
        "InProgress        WithdrawEvidence  Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",

        "Submitted         Edit              .  ....  ....  ....  ....  ....  ....",
        "Submitted         Assign            .  ....  ....  ....  ....  ....  ....",
        "Submitted         Start             .  ....  ....  ....  ....  ....  ....",
        "Submitted         ReportProgress    .  ....  ....  ....  ....  ....  ....",
        "Submitted         AddEvidence       .  ....  ....  ....  ....  ....  ....",
        "Submitted         Submit            .  ....  ....  ....  ....  ....  ....",
        "Submitted         Return            Y  ....  ....  YYYY  YY..  ....  ....",
        "Submitted         Close             Y  ....  ....  YYYY  ....  ....  ....",
        "Submitted         Reopen            .  ....  ....  ....  ....  ....  ....",
        "Submitted         RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "Submitted         DecideExtension   .  ....  ....  ....  ....  ....  ....",
        "Submitted         Reassign          .  ....  ....  ....  ....  ....  ....",
        "Submitted         Urge              .  ....  ....  ....  ....  ....  ....",
        "Submitted         WithdrawEvidence  .  ....  ....  ....  ....  ....  ....",

        "Closed            Edit              .  ....  ....  ....  ....  ....  ....",
        "Closed            Assign            .  ....  ....  ....  ....  ....  ....",
        "Closed            Start             .  ....  ....  ....  ....  ....  ....",
        "Closed            ReportProgress    .  ....  ....  ....  ....  ....  ....",
        "Closed            AddEvidence       .  ....  ....  ....  ....  ....  ....",
        "Closed            Submit            .  ....  ....  ....  ....  ....  ....",
        "Closed            Return            .  ....  ....  ....  ....  ....  ....",
        "Closed            Close             .  ....  ....  ....  ....  ....  ....",
        "Closed            Reopen            Y  ....  ....  YYYY  ....  ....  ....",
        "Closed            RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "Closed            DecideExtension   .  ....  ....  ....  ....  ....  ....",
        "Closed            Reassign          .  ....  ....  ....  ....  ....  ....",
        "Closed            Urge              .  ....  ....  ....  ....  ....  ....",
        "Closed            WithdrawEvidence  .  ....  ....  ....  ....  ....  ....",

        "AssignedPending   Edit              Y  ....  ....  YYYY  YY..  Y...  ....",
        "AssignedPending   Assign            .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   Start             Y  ....  ....  ....  YY..  Y...  ....",
        "AssignedPending   ReportProgress    .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   AddEvidence       Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "AssignedPending   Submit            .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   Return            .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   Close             .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   Reopen            .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "AssignedPending   DecideExtension   Y  ....  ....  YYYY  ....  ....  ....",
        "AssignedPending   Reassign          Y  ....  ....  YYYY  YY..  ....  ....",
        "AssignedPending   Urge              Y  ....  ....  YYYY  YY..  ....  ....",
        "AssignedPending   WithdrawEvidence  Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",

        "InProgressPending Edit              Y  ....  ....  YYYY  YY..  Y...  ....",
        "InProgressPending Assign            .  ....  ....  ....  ....  ....  ....",
        "InProgressPending Start             .  ....  ....  ....  ....  ....  ....",
        "InProgressPending ReportProgress    Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "InProgressPending AddEvidence       Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "InProgressPending Submit            Y  ....  ....  ....  YY..  Y...  ....",
        "InProgressPending Return            .  ....  ....  ....  ....  ....  ....",
        "InProgressPending Close             .  ....  ....  ....  ....  ....  ....",
        "InProgressPending Reopen            .  ....  ....  ....  ....  ....  ....",
        "InProgressPending RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "InProgressPending DecideExtension   Y  ....  ....  YYYY  ....  ....  ....",
        "InProgressPending Reassign          Y  ....  ....  YYYY  YY..  ....  ....",
        "InProgressPending Urge              Y  ....  ....  YYYY  YY..  ....  ....",
        "InProgressPending WithdrawEvidence  Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",

        "SubmittedPending  Edit              .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  Assign            .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  Start             .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  ReportProgress    .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  AddEvidence       .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  Submit            .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  Return            Y  ....  ....  YYYY  YY..  ....  ....",
        "SubmittedPending  Close             Y  ....  ....  YYYY  ....  ....  ....",
        "SubmittedPending  Reopen            .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  DecideExtension   Y  ....  ....  YYYY  ....  ....  ....",
        "SubmittedPending  Reassign          .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  Urge              .  ....  ....  ....  ....  ....  ....",
        "SubmittedPending  WithdrawEvidence  .  ....  ....  ....  ....  ....  ....",

        "Ongoing           Edit              Y  ....  ....  YYYY  YY..  Y...  ....",
        "Ongoing           Assign            .  ....  ....  ....  ....  ....  ....",
        "Ongoing           Start             .  ....  ....  ....  ....  ....  ....",
        "Ongoing           ReportProgress    Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "Ongoing           AddEvidence       Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
        "Ongoing           Submit            Y  ....  ....  ....  YY..  Y...  ....",
        "Ongoing           Return            .  ....  ....  ....  ....  ....  ....",
        "Ongoing           Close             .  ....  ....  ....  ....  ....  ....",
        "Ongoing           Reopen            .  ....  ....  ....  ....  ....  ....",
        "Ongoing           RequestExtension  .  ....  ....  ....  ....  ....  ....",
        "Ongoing           DecideExtension   .  ....  ....  ....  ....  ....  ....",
        "Ongoing           Reassign          Y  ....  ....  YYYY  YY..  ....  ....",
        "Ongoing           Urge              Y  ....  ....  YYYY  YY..  ....  ....",
        "Ongoing           WithdrawEvidence  Y  ..Y.  ..Y.  ..Y.  YYY.  Y.Y.  ..Y.",
    ];

    private static readonly Dictionary<(Situation, ItemAction), (bool System, string[] Roles)> Expected = Table.ToDictionary(
        line => (Enum.Parse<Situation>(Cells(line)[0]), Enum.Parse<ItemAction>(Cells(line)[1])),
        line => (Cells(line)[2] == "Y", Cells(line)[3..]));

    public static TheoryData<Situation> Situations() => new(Enum.GetValues<Situation>());

    [Fact]
    public void The_table_has_one_row_for_every_situation_and_action_and_a_cell_for_every_role_and_relation()
    {
        Assert.Equal(Enum.GetValues<Situation>().Length * ItemActions.All.Count, Table.Length);
        Assert.Equal(Table.Length, Expected.Count);
        Assert.All(Expected.Values, row => Assert.Equal(RoleColumns.Select(_ => Relations.Length), row.Roles.Select(r => r.Length)));
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void Every_role_in_every_relation_is_offered_and_let_act_exactly_as_the_table_says(Situation situation)
    {
        var wrong = new List<string>();
        foreach (var action in ItemActions.All)
        {
            var cells = Expected[(situation, action)].Roles;
            for (var column = 0; column < RoleColumns.Length; column++)
            {
                for (var k = 0; k < Relations.Length; k++)
                {
                    var actor = As(RoleColumns[column], Relations[k]);
                    var expected = cells[column][k] == 'Y';
                    var offered = LedgerRules.AllowedActions(Build(situation), actor).Contains(action);
                    var item = Build(situation);
                    var permitted = LedgerRules.RoleMay(action, actor, item) && Succeeds(item, action);
                    if (offered != expected || permitted != expected)
                    {
                        wrong.Add($"{action} by {RoleColumns[column]}/{Relations[k]}: expected {expected}, offered {offered}, permitted {permitted}");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void The_system_may_do_what_the_state_allows_and_the_item_refuses_the_rest_with_a_reason(Situation situation)
    {
        foreach (var action in ItemActions.All)
        {
            var expected = Expected[(situation, action)].System;
            var item = Build(situation);

            Assert.Equal(expected, item.CanBe(action));
            Assert.Equal(expected, LedgerRules.AllowedActions(item, Actor.System()).Contains(action));
            if (expected)
            {
                var before = item.History.Count;
                Perform(item, action);
                Assert.True(item.History.Count > before, $"{action} left no trace in the history");
            }
            else
            {
                var error = Assert.Throws<DubanException>(() => Perform(item, action));
                Assert.Contains(
                    action == ItemAction.DecideExtension && !Pending(situation) ? "没有待审批的延期申请"
                    : action == ItemAction.RequestExtension && Pending(situation) ? "已有待审批的延期申请"
                    : "不能" + ItemActions.Name(action), error.Message);
            }
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deciding_an_extension_ends_the_request_either_way(bool approve)
    {
        var item = Build(Situation.InProgressPending);
        var requested = item.PendingExtensionDueOn;

        item.DecideExtension(approve, approve ? null : "理由不充分", Supervisor, Now);

        Assert.Null(item.PendingExtensionDueOn);
        Assert.Equal(approve ? requested : Details().DueOn, item.DueOn);
        Assert.False(item.CanBe(ItemAction.DecideExtension));
        Assert.True(item.CanBe(ItemAction.RequestExtension));
    }

    [Fact]
    public void Every_change_bumps_the_version_for_optimistic_concurrency()
    {
        var item = Item(ItemState.Draft);
        var version = item.Version;

        item.Assign(Supervisor, Now);

        Assert.Equal(version + 1, item.Version);
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Pending(Situation situation) =>
        situation is Situation.AssignedPending or Situation.InProgressPending or Situation.SubmittedPending;

    private static RectificationItem Build(Situation situation)
    {
        var item = situation switch
        {
            Situation.Draft => Item(ItemState.Draft),
            Situation.Assigned or Situation.AssignedPending => Item(ItemState.Assigned),
            Situation.Submitted => Item(ItemState.Submitted),
            Situation.Closed => Item(ItemState.Closed),
            Situation.Ongoing => Item(ItemState.InProgress, Details(DeadlineKind.Ongoing, period: ReportingPeriod.Monthly)),
            _ => Item(ItemState.InProgress),
        };
        if (Pending(situation))
        {
            item.RequestExtension(item.DueOn.AddDays(14), "客观原因", Liaison, Now);
        }
        if (situation == Situation.SubmittedPending)
        {
            item.Submit(null, Liaison, Now);
        }
        return item;
    }

    private static Actor As(string role, char relation)
    {
        var roles = new HashSet<string> { role };
        return relation switch
        {
            'o' => new Actor(1, "u", roles, 20, 7, "/1/2/7/"),
            't' => new Actor(1, "u", roles, 20, 2, "/1/2/"),
            'r' => new Actor(1, "u", roles, 11, 22, "/1/22/"),
            _ => new Actor(1, "u", roles, 20, 22, "/1/22/"),
        };
    }

    private static bool Succeeds(RectificationItem item, ItemAction action)
    {
        try
        {
            Perform(item, action);
            return true;
        }
        catch (DubanException)
        {
            return false;
        }
    }

    internal static void Perform(RectificationItem item, ItemAction action)
    {
        switch (action)
        {
            case ItemAction.Edit:
                item.Edit(Details(item.DeadlineKind, item.DueOn, period: item.ReportingPeriod) with { Problem = "改过的问题" }, ItemBuilder.Names,
                    Liaison, Now, mayChangeDeadline: false, mayChangeFindings: false);
                break;
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
            case ItemAction.Reassign: item.Reassign(new Handover(8, "/1/2/8/", null, false), "职责调整", ItemBuilder.Names, Supervisor, Now); break;
            case ItemAction.Urge: item.Urge(null, Supervisor, Now); break;
            case ItemAction.WithdrawEvidence:
                if (item.CanBe(ItemAction.AddEvidence))
                {
                    item.AddEvidence(new EvidenceFile("b.png", "image/png", 5, new string('b', 64), Liaison, Now), Liaison, Now);
                }
                item.WithdrawEvidence(0, Liaison, Now);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
