using System.Linq.Expressions;

namespace Duban.Core.Common.Scope;

/// <summary>
/// A record that belongs to a unit (an item, and later an inspection finding, a plan, a learning record…). Whoever's
/// data scope covers the unit sees it, the people it names see it too, and it moves with its unit. The database
/// applies one scope filter to every such set (<see cref="Data.DubanDb"/>), reads outside the scope answer 404
/// (<see cref="ScopedRecords.FindInScopeAsync"/>), and a unit move rewrites every set's copied path.
/// </summary>
public interface IUnitScoped<TSelf> where TSelf : class, IUnitScoped<TSelf>
{
    int Id { get; }

    int UnitId { get; }

    /// <summary>The unit's materialised path (<c>/1/4/9/</c>), copied so "unit and below" is a prefix match without a join.</summary>
    string UnitPath { get; }

    /// <summary>Whether the record names the person (责任人, 责任领导…): a member sees records naming them.</summary>
    static abstract Expression<Func<TSelf, int, bool>> Names { get; }

    /// <summary>Whether the person answers for the record (责任人): some actions are theirs whatever their role.</summary>
    static abstract Expression<Func<TSelf, int, bool>> IsResponsible { get; }

    /// <summary>
    /// Whether the units in scope may see the record yet. A covert visit's records are sealed until it is published:
    /// only roles whose scope is everything (supervision, leadership, administration) see them before.
    /// </summary>
    static virtual Expression<Func<TSelf, bool>> Unsealed => record => true;
}
