using System.Threading.RateLimiting;
using Duban.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Duban.Auth;

/// <summary>
/// What stands between the sign-in form and password guessing: failed sign-ins are limited per client address and
/// per typed name (the framework's fixed-window limiter), and an unknown name costs the same password hashing as a
/// known one, so neither the answer nor its time tells which names exist.
/// </summary>
internal sealed class SignInGuard : IDisposable
{
    public const int FailuresPerMinute = 10;

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    private readonly Lazy<string> _decoyHash;
    private readonly IPasswordHasher<AppUser> _hasher;
    private static readonly AppUser Decoy = new() { UserName = "decoy" };

    public SignInGuard(IPasswordHasher<AppUser> hasher)
    {
        _hasher = hasher;
        _decoyHash = new(() => hasher.HashPassword(Decoy, AccountRules.GeneratePassword()));
    }

    /// <summary>Whether another attempt is allowed from this address for this name (asking uses up nothing).</summary>
    public bool Allows(string address, string userName)
    {
        using var byAddress = _failures.AttemptAcquire(AddressKey(address), 0);
        using var byName = _failures.AttemptAcquire(NameKey(userName), 0);
        return byAddress.IsAcquired && byName.IsAcquired;
    }

    public void Failed(string address, string userName)
    {
        _failures.AttemptAcquire(AddressKey(address)).Dispose();
        _failures.AttemptAcquire(NameKey(userName)).Dispose();
    }

    /// <summary>Spends the time a real password check takes, for names that do not exist or are locked.</summary>
    public void CheckAgainstDecoy(string password) => _hasher.VerifyHashedPassword(Decoy, _decoyHash.Value, password);

    private static string AddressKey(string address) => "address:" + address;

    private static string NameKey(string userName)
    {
        var name = userName.Trim().ToUpperInvariant();
        return "name:" + (name.Length > AccountService.UserNameMaxLength ? name[..AccountService.UserNameMaxLength] : name);
    }

    public void Dispose() => _failures.Dispose();
}
