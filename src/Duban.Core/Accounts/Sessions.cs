using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>
/// A sign-in session ended by signing out. Its cookie is refused from then on, even if someone kept a copy, until it
/// would have expired anyway.
/// </summary>
public sealed class SignedOutSession
{
    public const int IdLength = 32;

    public string Id { get; private set; } = string.Empty;
    public DateTime ExpiresAt { get; private set; }

    private SignedOutSession()
    {
    }

    public SignedOutSession(string id, DateTime expiresAt)
    {
        Id = id;
        ExpiresAt = expiresAt;
    }

    /// <summary>A new random session id, carried in the login cookie.</summary>
    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(IdLength / 2));
}

/// <summary>
/// Decides on every request whether a login cookie still stands: the account exists and is not disabled, its
/// security stamp is the one the cookie was issued with (a password reset or role change renews it), and the
/// session was not signed out. One indexed query; nothing is cached, so a change made anywhere applies at once. The
/// same query reads the database's last change for the rest of the request (<see cref="DubanDb.LastChangeSeenAsync"/>).
/// </summary>
public sealed class SessionValidator(DubanDb db)
{
    /// <summary>The claim in the login cookie that names its session.</summary>
    public const string SessionClaim = "duban:sid";

    public async Task<bool> IsValidAsync(int userId, string? securityStamp, string? sessionId, CancellationToken cancellationToken)
    {
        if (securityStamp is null || sessionId is null)
        {
            return false;
        }
        var found = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DisabledAt == null && u.SecurityStamp == securityStamp)
            .Select(_ => new
            {
                SignedOut = db.SignedOutSessions.Any(s => s.Id == sessionId),
                LastChange = db.AuditEvents.Max(e => (long?)e.Sequence),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.SignedOut)
        {
            return false;
        }
        db.SawLastChange(found.LastChange);
        return true;
    }
}
