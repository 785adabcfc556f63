using System.Threading.RateLimiting;
using Duban.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Duban.Auth;

/// <summary>
/// What stands between the sign-in form and password guessing: failed sign-ins are limited per client address and
/// per typed name (the framework's fixed-window limiter), and an unknown name costs the same password hashing as a
/// known one, so neither the answer nor its time tells which names exist. Attempts from one address, and for one
/// name, take turns (a concurrency limiter with a queue), so parallel requests cannot all pass the check before the
/// first failure is counted; people signing in from behind one office gateway wait a moment, they are not refused.
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

    private readonly PartitionedRateLimiter<string> _turns = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = 1,
            QueueLimit = 50,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    private readonly Lazy<string> _decoyHash;
    private readonly IPasswordHasher<AppUser> _hasher;
    private static readonly AppUser Decoy = new() { UserName = "decoy" };

    public SignInGuard(IPasswordHasher<AppUser> hasher)
    {
        _hasher = hasher;
        _decoyHash = new(() => hasher.HashPassword(Decoy, AccountRules.GeneratePassword()));
    }

    /// <summary>
    /// Waits for this address's and this name's turn; null when too many are already waiting (then refuse the attempt).
    /// Dispose the result when the attempt has been counted.
    /// </summary>
    public async Task<IDisposable?> TakeTurnAsync(string address, string userName, CancellationToken cancellationToken)
    {
        var byAddress = await _turns.AcquireAsync(AddressKey(address), 1, cancellationToken);
        if (!byAddress.IsAcquired)
        {
            byAddress.Dispose();
            return null;
        }
        var byName = await _turns.AcquireAsync(NameKey(userName), 1, cancellationToken);
        if (!byName.IsAcquired)
        {
            byName.Dispose();
            byAddress.Dispose();
            return null;
        }
        return new Turn(byAddress, byName);
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

    public void Dispose()
    {
        _failures.Dispose();
        _turns.Dispose();
    }

    private sealed class Turn(RateLimitLease byAddress, RateLimitLease byName) : IDisposable
    {
        public void Dispose()
        {
            byName.Dispose();
            byAddress.Dispose();
        }
    }
}
