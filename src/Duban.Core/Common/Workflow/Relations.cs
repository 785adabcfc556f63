using System.Linq.Expressions;
using Duban.Core.Accounts;
using Duban.Core.Common.Scope;

namespace Duban.Core.Common.Workflow;

/// <summary>How a workflow tells an actor's relation to a record, in memory and as a database predicate.</summary>
public interface IRelations<T> where T : class
{
    bool Holds(Relation relation, Actor actor, T record);

    Expression<Func<T, bool>> Where(Relation relation, Actor actor);
}

/// <summary>Records that belong to no unit (a campaign): only grants to anyone in a role apply.</summary>
public sealed class NoUnitRelations<T> : IRelations<T> where T : class
{
    public bool Holds(Relation relation, Actor actor, T record) => relation == Relation.Anyone;

    public Expression<Func<T, bool>> Where(Relation relation, Actor actor) => relation == Relation.Anyone ? r => true : r => false;
}

/// <summary>
/// The relations of an actor to a unit-scoped record, each defined once as an expression over the record and the
/// actor's unit id, unit path and person id: used as it is in database predicates, compiled for checks in memory.
/// </summary>
public sealed class UnitRelations<T> : IRelations<T> where T : class, IUnitScoped<T>
{
    private static readonly Dictionary<Relation, Expression<Func<T, int, string, int, bool>>> Definitions = new()
    {
        [Relation.Anyone] = (r, unitId, path, personId) => true,
        [Relation.OwnUnit] = (r, unitId, path, personId) => r.UnitId == unitId,
        [Relation.OwnTree] = (r, unitId, path, personId) => r.UnitPath.StartsWith(path),
        [Relation.Responsible] = Responsible(),
    };

    private static readonly Dictionary<Relation, Func<T, int, string, int, bool>> Compiled =
        Definitions.ToDictionary(d => d.Key, d => d.Value.Compile());

    // An actor without a unit (or person) matches no unit (or person): these never match a real one.
    private const int Nobody = -1;
    private const string NoPath = "/none/";

    public bool Holds(Relation relation, Actor actor, T record) =>
        Compiled[relation](record, actor.UnitId ?? Nobody, actor.UnitPath ?? NoPath, actor.PersonId ?? Nobody);

    /// <summary>The records the relation holds for, as a database predicate.</summary>
    public Expression<Func<T, bool>> Where(Relation relation, Actor actor)
    {
        var record = Expression.Parameter(typeof(T), "r");
        // Captured values, so the database sees parameters rather than new constants per actor.
        var values = Expression.Constant(new ActorValues(actor.UnitId ?? Nobody, actor.UnitPath ?? NoPath, actor.PersonId ?? Nobody));
        return Expression.Lambda<Func<T, bool>>(Expressions.Apply(Definitions[relation], record,
            Expression.Property(values, nameof(ActorValues.UnitId)), Expression.Property(values, nameof(ActorValues.UnitPath)),
            Expression.Property(values, nameof(ActorValues.PersonId))), record);
    }

    private static Expression<Func<T, int, string, int, bool>> Responsible()
    {
        var record = Expression.Parameter(typeof(T), "r");
        var unitId = Expression.Parameter(typeof(int), "unitId");
        var path = Expression.Parameter(typeof(string), "path");
        var personId = Expression.Parameter(typeof(int), "personId");
        return Expression.Lambda<Func<T, int, string, int, bool>>(Expressions.Apply(T.IsResponsible, record, personId), record, unitId, path, personId);
    }

    private sealed record ActorValues(int UnitId, string UnitPath, int PersonId);
}
