using Duban.Core.Common.Events;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Duban.Core.Audit;

/// <summary>
/// Appends the audit events of every save of a <see cref="DubanDb"/> to the hash-chained log, in the same
/// transaction as the change: the save's own, or the caller's when one is open. Also reads the save's domain events,
/// which are announced when that transaction commits (<see cref="CommitAnnouncer"/>).
/// </summary>
internal sealed class AuditInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = (DubanDb)eventData.Context!;
        if (db.AppendingAudit)
        {
            return result;
        }
        // A save that failed where EF tells no interceptor (between this call and its own try) leaves its transaction.
        await EndAsync(db);
        if (db.ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEvent && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var capture = AuditCapture.Before(changed);
        if (capture.IsEmpty && db.Notes.Count == 0)
        {
            return result;
        }
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await db.LockAuditChainAsync(cancellationToken);
            var end = await AuditChain.EndAsync(db, cancellationToken);
            var count = capture.Count + db.Notes.Count;
            var events = new List<IDomainEvent>();
            db.Events?.Read(new ChangeSet(changed, ownTransaction is null ? null : (end.Sequence + 1, end.Sequence + count)), events);
            db.Saving = new AuditedSave(capture, ownTransaction, end, events);
        }
        catch
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
            throw;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        var db = (DubanDb)eventData.Context!;
        if (db.AppendingAudit || db.Saving is not { } save)
        {
            return result;
        }
        try
        {
            var actor = db.Actor;
            var drafts = save.Capture.After(db.Clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name).Concat(db.Notes);
            AuditChain.Append(db, drafts, save.ChainEnd);
            db.AppendingAudit = true;
            try
            {
                await db.SaveChangesAsync(true, cancellationToken);
            }
            finally
            {
                db.AppendingAudit = false;
            }
            db.Notes.Clear();
            // Announced when the transaction commits: here for the save's own, later for a caller's.
            db.Uncommitted.AddRange(save.Events);
            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.CommitAsync(cancellationToken);
            }
            return result;
        }
        finally
        {
            await EndAsync(db);
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        var db = (DubanDb)eventData.Context!;
        if (!db.AppendingAudit)
        {
            await EndAsync(db);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        var db = (DubanDb)eventData.Context!;
        if (!db.AppendingAudit)
        {
            await EndAsync(db);
        }
    }

    // Disposing the save's own transaction rolls back whatever it did not commit.
    private static async Task EndAsync(DubanDb db)
    {
        if (db.Saving is { } save)
        {
            db.Saving = null;
            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.DisposeAsync();
            }
        }
    }
}

/// <summary>An audited save under way: its captured changes, its own transaction if it opened one, the chain's end and its events.</summary>
internal sealed record AuditedSave(AuditCapture Capture, IDbContextTransaction? OwnTransaction, (long Sequence, string Hash) ChainEnd,
    IReadOnlyList<IDomainEvent> Events);
