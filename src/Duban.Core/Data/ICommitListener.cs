using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Duban.Core.Data;

/// <summary>
/// Hears about every save that committed its own transaction, with the audit sequences it appended. Because every
/// audited save takes the chain's lock, sequences are committed in order across processes: a listener that has seen
/// sequence N and hears of N+1 next knows that nothing else was written in between.
/// </summary>
public interface ICommitListener
{
    /// <summary>Notes, before the save, what the listener needs of the tracked changes (null: nothing).</summary>
    object? Observe(ChangeTracker changes);

    /// <summary>Called after the commit, with what <see cref="Observe"/> returned.</summary>
    void Committed(object? observed, long firstSequence, long lastSequence);
}
