using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>
/// Checks a presented token on every API request: one indexed lookup by hash, kept apart from
/// <see cref="TokenService"/> so a request does not build the account machinery it does not use.
/// </summary>
public sealed class TokenLookup(DubanDb db)
{
    /// <summary>The user a presented secret belongs to, or null when it is unknown or revoked.</summary>
    public async Task<int?> UserOfAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenService.Marker, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = TokenService.HashOf(secret);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => (int?)t.UserId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
