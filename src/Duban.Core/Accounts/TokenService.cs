using System.Security.Cryptography;
using System.Text;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>Personal access tokens for the API. The secret is shown once; only its SHA-256 hash is kept.</summary>
public sealed class TokenService(DubanDb db, AccountService accounts, TimeProvider clock)
{
    internal const string Marker = "dbn_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userName, string? name)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var user = await accounts.FindAsync(userName);
        var secret = Marker + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(user.Id, Check.OptionalText(name, "令牌名称", 100) ?? "命令行创建",
            HashOf(secret), secret[..10], clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return (token, secret);
    }

    public async Task RevokeAsync(int tokenId)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId)
            ?? throw AccountErrors.TokenNotFound(tokenId);
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<(ApiToken Token, string UserName)>> ListAsync()
    {
        db.Actor.Require(AccountPermissions.Manage);
        var rows = await db.ApiTokens.AsNoTracking()
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.UserName })
            .OrderBy(r => r.Token.Id)
            .ToListAsync();
        return [.. rows.Select(r => (r.Token, r.UserName ?? string.Empty))];
    }

    internal static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
