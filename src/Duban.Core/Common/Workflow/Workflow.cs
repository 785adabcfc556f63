using System.Linq.Expressions;
using Duban.Core.Accounts;

namespace Duban.Core.Common.Workflow;

/// <summary>
/// A record type's transition table: its actions in display order. It answers what is legal, who may act, which
/// actions a person has on a record, and which records wait for a person.
/// </summary>
public sealed class Workflow<TRecord, TAction>(IRelations<TRecord> relations, IReadOnlyList<WorkflowAction<TRecord, TAction>> actions)
    where TRecord : class
    where TAction : struct, Enum
{
    private readonly Dictionary<TAction, WorkflowAction<TRecord, TAction>> _byAction = actions.ToDictionary(a => a.Action);

    public IReadOnlyList<WorkflowAction<TRecord, TAction>> Actions { get; } = actions;

    /// <summary>The refusal, in users' words, of an action (as declared, with its name) the actor's role and relation do not allow.</summary>
    public required Func<WorkflowAction<TRecord, TAction>, DubanException> RefuseRole { get; init; }

    /// <summary>The refusal of an action the record's present state does not allow.</summary>
    public required Func<TAction, TRecord, DubanException> RefuseState { get; init; }

    /// <summary>The refusal of a change made from an older version of a record (<see cref="IVersioned"/>).</summary>
    public Func<DubanException> RefuseStale { get; init; } = CommonErrors.Stale;

    public WorkflowAction<TRecord, TAction> this[TAction action] => _byAction[action];

    /// <summary>The actions as pages and routes see them.</summary>
    public IEnumerable<(TAction Action, IWorkflowAction Form)> Forms => Actions.Select(a => (a.Action, (IWorkflowAction)a));

    public bool IsLegal(TAction action, TRecord record) => this[action].IsLegal(record);

    /// <summary>Whether the actor's role and relation to the record allow the action (the state is asked separately).</summary>
    public bool RoleMay(TAction action, Actor actor, TRecord record) =>
        actor.IsSystem || this[action].Grants.Any(g => Applies(g, actor) && relations.Holds(g.Relation, actor, record));

    /// <summary>Whether the actor holds the grant's role (relations aside).</summary>
    private static bool Applies(Grant grant, Actor actor) =>
        grant.Role is null ? actor.UserId is not null : actor.IsIn(grant.Role);

    /// <summary>The actions the actor may take on the record now, in the table's order.</summary>
    public IEnumerable<TAction> Allowed(TRecord record, Actor actor) =>
        Actions.Where(a => a.IsLegal(record) && RoleMay(a.Action, actor, record) && a.RefusedTo?.Invoke(actor, record) != true)
            .Select(a => a.Action);

    /// <summary>Records some action of which waits for the actor (我的待办): legal now, and granted to them with Awaits.</summary>
    public Expression<Func<TRecord, bool>> AwaitingWhere(Actor actor)
    {
        var record = Expression.Parameter(typeof(TRecord), "r");
        Expression? any = null;
        foreach (var action in Actions)
        {
            foreach (var grant in action.Grants.Where(g => g.Awaits && Applies(g, actor)))
            {
                var waits = Expression.AndAlso(Expressions.Apply(action.LegalWhen, record),
                    Expressions.Apply(relations.Where(grant.Relation, actor), record));
                any = any is null ? waits : Expression.OrElse(any, waits);
            }
        }
        return Expression.Lambda<Func<TRecord, bool>>(any ?? Expression.Constant(false), record);
    }
}
