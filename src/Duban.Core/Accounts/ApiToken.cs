namespace Duban.Core.Accounts;

/// <summary>A personal access token for the API; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; private set; }
    public int UserId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;

    /// <summary>The first characters of the token, so a user can tell tokens apart without the secret.</summary>
    public string Prefix { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    private ApiToken()
    {
    }

    public ApiToken(int userId, string name, string hash, string prefix, DateTime createdAt)
    {
        UserId = userId;
        Name = name;
        Hash = hash;
        Prefix = prefix;
        CreatedAt = createdAt;
    }

    public void Revoke(DateTime at)
    {
        Common.Check.That(RevokedAt is null, AccountErrors.TokenRevoked, Common.ErrorKind.Conflict);
        RevokedAt = at;
    }
}
