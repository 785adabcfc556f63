using Microsoft.Extensions.Caching.Memory;

namespace Duban.Core.Ledger;

/// <summary>
/// Light counts over a whole ledger are a grouped scan of every item; they are kept for a short while. Callers put
/// the database's last change in the key, so a write by anyone, in any process, makes a new key at once.
/// </summary>
public sealed class LightCountCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> compute) =>
        _cache.GetOrCreateAsync("lights:" + key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Size = 1;
            return compute();
        })!;

    public void Dispose() => _cache.Dispose();
}
