using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>Whose a presented token is, with the account's security stamp (so cached actors of older stamps are not used).</summary>
public sealed record TokenOwner(int UserId, string? SecurityStamp);

/// <summary>
/// Checks a presented token on every API request: one indexed lookup by hash, kept apart from
/// <see cref="TokenService"/> so a request does not build the account machinery it does not use.
/// </summary>
public sealed class TokenLookup(DubanDb db)
{
    /// <summary>
    /// The owner of a presented secret, or null when it is unknown, revoked, or its account is disabled. The same query
    /// reads the database's last change for the rest of the request (<see cref="DubanDb.LastChangeSeenAsync"/>).
    /// </summary>
    public async Task<TokenOwner?> OwnerOfAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenService.Marker, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = TokenService.HashOf(secret);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users.Where(u => u.DisabledAt == null), t => t.UserId, u => u.Id, (t, u) => new
            {
                t.UserId,
                u.SecurityStamp,
                LastChange = db.AuditEvents.Max(e => (long?)e.Sequence),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        db.SawLastChange(found.LastChange);
        return new TokenOwner(found.UserId, found.SecurityStamp);
    }
}
