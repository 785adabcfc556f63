using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Duban.Core.Data;

/// <summary>
/// Announces the domain events of a transaction's saves once it has committed, and forgets them when it does not.
/// A save that opened its own transaction commits it itself, so its events are announced before the save returns.
/// </summary>
internal sealed class CommitAnnouncer : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DubanDb { Uncommitted.Count: > 0, Events: { } events } db)
        {
            var committed = db.Uncommitted.ToList();
            db.Uncommitted.Clear();
            await events.PublishAsync(committed, cancellationToken);
        }
    }

    // Handlers are asynchronous: a transaction with events to announce is committed with CommitAsync.
    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result) =>
        eventData.Context is DubanDb { Uncommitted.Count: > 0 }
            ? throw new InvalidOperationException("This transaction has domain events to announce: commit it with CommitAsync.")
            : result;

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without committing tells no interceptor: its events are dropped when the next one starts.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Forget(DbContextEventData eventData)
    {
        if (eventData.Context is DubanDb db)
        {
            db.Uncommitted.Clear();
        }
    }
}
