using Duban.Core.Accounts;

namespace Duban.Core.Ledger;

/// <summary>How an actor stands to an item: the item's unit is theirs, below theirs, or they are named on it.</summary>
public readonly record struct ItemRelation(bool OwnUnit, bool InOwnTree, bool ResponsiblePerson);

/// <summary>
/// The ledger's transition table: in which states each action is legal, and which roles may take it. Pages render
/// buttons from it, the API refuses by it, and the tests walk every pair.
/// </summary>
public static class LedgerRules
{
    private static readonly ItemState[] Open = [ItemState.Draft, ItemState.Assigned, ItemState.InProgress];
    private static readonly ItemState[] Working = [ItemState.Assigned, ItemState.InProgress];

    public static bool IsLegal(ItemAction action, RectificationItem item) => action switch
    {
        ItemAction.Edit => Open.Contains(item.State),
        ItemAction.Assign => item.State == ItemState.Draft,
        ItemAction.Start => item.State == ItemState.Assigned,
        ItemAction.ReportProgress => item.State == ItemState.InProgress,
        ItemAction.AddEvidence => Working.Contains(item.State),
        ItemAction.Submit => item.State == ItemState.InProgress,
        ItemAction.Return => item.State == ItemState.Submitted,
        ItemAction.Close => item.State == ItemState.Submitted,
        ItemAction.Reopen => item.State == ItemState.Closed,
        ItemAction.RequestExtension => Working.Contains(item.State) && item.DeadlineKind == DeadlineKind.Date
                                       && item.PendingExtensionDueOn is null,
        ItemAction.DecideExtension => item.PendingExtensionDueOn is not null && item.State != ItemState.Closed,
        ItemAction.Reassign => Open.Contains(item.State),
        ItemAction.Urge => Working.Contains(item.State),
        _ => false,
    };

    /// <summary>
    /// Supervisors steer and verify across all units; a unit head runs the own unit tree; a liaison works the own
    /// unit's items; a member may report on items naming them. Leadership and administrators read.
    /// </summary>
    public static bool RoleMay(ItemAction action, Actor actor, ItemRelation relation)
    {
        if (actor.IsSystem)
        {
            return true;
        }
        if (actor.IsIn(Roles.Supervisor) && action is ItemAction.Edit or ItemAction.Assign or ItemAction.Return
                or ItemAction.Close or ItemAction.Reopen or ItemAction.DecideExtension or ItemAction.Reassign or ItemAction.Urge)
        {
            return true;
        }
        if (actor.IsIn(Roles.UnitHead) && relation.InOwnTree && action is ItemAction.Edit or ItemAction.Assign
                or ItemAction.Start or ItemAction.ReportProgress or ItemAction.AddEvidence or ItemAction.Submit
                or ItemAction.Return or ItemAction.RequestExtension or ItemAction.Reassign or ItemAction.Urge)
        {
            return true;
        }
        if (actor.IsIn(Roles.Liaison) && relation.OwnUnit && action is ItemAction.Edit or ItemAction.Start
                or ItemAction.ReportProgress or ItemAction.AddEvidence or ItemAction.Submit or ItemAction.RequestExtension)
        {
            return true;
        }
        return relation.ResponsiblePerson && action is ItemAction.ReportProgress or ItemAction.AddEvidence;
    }

    /// <summary>
    /// Who may, when editing, move an assigned item's deadline and rewrite what the supervision office found (problem,
    /// categories, source of an item not found by the unit itself): supervisors. Everyone else asks for an extension.
    /// </summary>
    public static bool MaySteer(Actor actor) => actor.IsSystem || actor.IsIn(Roles.Supervisor);

    /// <summary>Who may register new items for a unit: its liaison, a head above it, or a supervisor.</summary>
    public static bool MayRegister(Actor actor, ItemRelation relation) =>
        actor.IsSystem || actor.IsIn(Roles.Supervisor) || (actor.IsIn(Roles.UnitHead) && relation.InOwnTree)
        || (actor.IsIn(Roles.Liaison) && relation.OwnUnit);

    public static ItemRelation RelationOf(Actor actor, RectificationItem item) => RelationOf(actor, item.UnitId, item.UnitPath, item.ResponsiblePersonId);

    public static ItemRelation RelationOf(Actor actor, int unitId, string unitPath, int? responsiblePersonId) => new(
        actor.UnitId == unitId,
        actor.UnitPath is not null && unitPath.StartsWith(actor.UnitPath, StringComparison.Ordinal),
        actor.PersonId is not null && actor.PersonId == responsiblePersonId);

    public static IEnumerable<ItemAction> AllowedActions(RectificationItem item, Actor actor)
    {
        var relation = RelationOf(actor, item);
        return ItemActions.All.Where(a => item.CanBe(a) && RoleMay(a, actor, relation)
            && !(a == ItemAction.Close && actor.UserId is not null && actor.UserId == item.SubmittedByUserId));
    }
}
