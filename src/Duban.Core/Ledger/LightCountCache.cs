using Microsoft.Extensions.Caching.Memory;

namespace Duban.Core.Ledger;

/// <summary>
/// Light counts over a whole ledger are a grouped scan of every item; they are kept for a short while and dropped
/// at once when this instance changes an item. Another app instance's changes show within <see cref="Lifetime"/>.
/// </summary>
public sealed class LightCountCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private long _generation;

    /// <summary>Called after every saved change to the ledger.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> compute) =>
        _cache.GetOrCreateAsync($"lights:{Interlocked.Read(ref _generation)}:{key}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Size = 1;
            return compute();
        })!;

    public void Dispose() => _cache.Dispose();
}
