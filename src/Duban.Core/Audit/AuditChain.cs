using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Audit;

/// <summary>The end of the hash chain and appending to it; callers hold the chain's lock (<see cref="DubanDb.LockAuditChainAsync"/>).</summary>
internal static class AuditChain
{
    public static async Task<(long Sequence, string Hash)> EndAsync(DubanDb db, CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return (last?.Sequence ?? 0, last?.Hash ?? AuditEvent.GenesisHash);
    }

    /// <summary>Adds the events to the context, each linked to the one before, the first to <paramref name="end"/>.</summary>
    public static void Append(DubanDb db, IEnumerable<AuditDraft> drafts, (long Sequence, string Hash) end)
    {
        var (sequence, previous) = end;
        foreach (var draft in drafts)
        {
            var auditEvent = new AuditEvent(draft, ++sequence, previous);
            db.AuditEvents.Add(auditEvent);
            previous = auditEvent.Hash;
        }
    }
}
