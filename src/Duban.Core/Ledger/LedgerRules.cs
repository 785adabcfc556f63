using Duban.Core.Accounts;

namespace Duban.Core.Ledger;

/// <summary>How an actor stands to a unit: it is theirs, or below theirs (for registering items).</summary>
public readonly record struct ItemRelation(bool OwnUnit, bool InOwnTree);

/// <summary>
/// The ledger's rules beyond the transition table (<see cref="LedgerWorkflow"/>), and the questions pages, services and
/// tests ask of it.
/// </summary>
public static class LedgerRules
{
    public static bool IsLegal(ItemAction action, RectificationItem item) => LedgerWorkflow.Table.IsLegal(action, item);

    /// <summary>Whether the actor's role and relation to the item allow the action (whatever its state).</summary>
    public static bool RoleMay(ItemAction action, Actor actor, RectificationItem item) => LedgerWorkflow.Table.RoleMay(action, actor, item);

    /// <summary>
    /// Who may, when editing, move an assigned item's deadline and rewrite what the supervision office found (problem,
    /// categories, source of an item not found by the unit itself): supervisors. Everyone else asks for an extension.
    /// </summary>
    public static bool MaySteer(Actor actor) => actor.IsSystem || actor.IsIn(Roles.Supervisor);

    /// <summary>Who may register new items for a unit: its liaison, a head above it, or a supervisor.</summary>
    public static bool MayRegister(Actor actor, ItemRelation relation) =>
        actor.IsSystem || actor.IsIn(Roles.Supervisor) || (actor.IsIn(Roles.UnitHead) && relation.InOwnTree)
        || (actor.IsIn(Roles.Liaison) && relation.OwnUnit);

    /// <summary>
    /// Whether the actor may register items for some unit (the registration page asks): every grant reaches the actor's
    /// own unit, so the own unit tells.
    /// </summary>
    public static bool MayRegisterSomewhere(Actor actor) =>
        MayRegister(actor, actor is { UnitId: { } unit, UnitPath: { } path } ? RelationOf(actor, unit, path) : default);

    public static ItemRelation RelationOf(Actor actor, int unitId, string unitPath) => new(
        actor.UnitId == unitId,
        actor.UnitPath is not null && unitPath.StartsWith(actor.UnitPath, StringComparison.Ordinal));

    public static IEnumerable<ItemAction> AllowedActions(RectificationItem item, Actor actor) => LedgerWorkflow.Table.Allowed(item, actor);
}
