namespace Duban.Core.Accounts;

/// <summary>
/// Actors loaded in the last few seconds, so a burst of API calls does not load the same user each time. Any change
/// to accounts, units or people on this instance empties it at once; another instance's changes apply within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class ActorCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (Actor Actor, DateTimeOffset Until)> _actors = new();

    public Actor? Find(int userId) =>
        _actors.TryGetValue(userId, out var entry) && entry.Until > clock.GetUtcNow() ? entry.Actor : null;

    private long _generation;

    /// <summary>Read before loading; a load that started before a <see cref="Clear"/> is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Keep(Actor actor, long loadedInGeneration)
    {
        if (actor.UserId is { } id && loadedInGeneration == Generation)
        {
            _actors[id] = (actor, clock.GetUtcNow() + Lifetime);
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _actors.Clear();
    }
}
