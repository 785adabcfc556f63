using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Duban.Core.Common.Events;

/// <summary>
/// An event that a save's tracked changes raise: the type says once how to read it from the changes, so no feature
/// has to remember to raise it after saving. Read only while a handler is registered for it.
/// </summary>
public interface IChangeEvent<TSelf> : IDomainEvent where TSelf : class, IChangeEvent<TSelf>
{
    /// <summary>The event the changes raise, or null when they raise none.</summary>
    static abstract TSelf? From(ChangeSet changes);
}

/// <summary>What one audited save changes, read before saving, while original values are still there.</summary>
/// <param name="Entries">The added, modified and deleted entries.</param>
/// <param name="Sequences">
/// The audit sequences the save appends when it commits alone in its own transaction. Null inside a caller's
/// transaction, whose range other writes (a bulk insert) may share.
/// </param>
public sealed record ChangeSet(IReadOnlyList<EntityEntry> Entries, (long First, long Last)? Sequences);

/// <summary>Rows of <typeparamref name="TEntity"/> were added, changed or deleted: enough for a cache to refresh.</summary>
public sealed class Changed<TEntity> : IChangeEvent<Changed<TEntity>> where TEntity : class
{
    private static readonly Changed<TEntity> Instance = new();

    private Changed()
    {
    }

    static Changed<TEntity>? IChangeEvent<Changed<TEntity>>.From(ChangeSet changes) =>
        changes.Entries.Any(e => e.Entity is TEntity) ? Instance : null;
}
