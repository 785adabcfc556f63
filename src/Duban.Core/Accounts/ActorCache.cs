using Duban.Core.Common.Events;
using Duban.Core.Organization;
using Microsoft.AspNetCore.Identity;

namespace Duban.Core.Accounts;

/// <summary>
/// Actors loaded in the last few seconds, so a burst of API calls does not load the same user each time. An entry is
/// used only for the security stamp it was loaded with, and the request's stamp is read fresh from the database (the
/// session check, the token lookup), so a role change, password reset or disabling applies at once anywhere. Other
/// changes to accounts, units or people committed on this instance empty it at once; another instance's apply within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class ActorCache(TimeProvider clock) : IDomainEventHandler<Changed<AppUser>>,
    IDomainEventHandler<Changed<IdentityUserRole<int>>>, IDomainEventHandler<Changed<Person>>, IDomainEventHandler<Changed<Unit>>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (Actor Actor, string? Stamp, DateTimeOffset Until)> _actors = new();

    public Actor? Find(int userId, string? securityStamp) =>
        _actors.TryGetValue(userId, out var entry) && entry.Stamp == securityStamp && entry.Until > clock.GetUtcNow() ? entry.Actor : null;

    private long _generation;

    /// <summary>Read before loading; a load that started before a <see cref="Clear"/> is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Keep(Actor actor, string? securityStamp, long loadedInGeneration)
    {
        if (actor.UserId is { } id && loadedInGeneration == Generation)
        {
            _actors[id] = (actor, securityStamp, clock.GetUtcNow() + Lifetime);
        }
    }

    public Task HandleAsync(Changed<AppUser> domainEvent, CancellationToken cancellationToken) => Clear();

    public Task HandleAsync(Changed<IdentityUserRole<int>> domainEvent, CancellationToken cancellationToken) => Clear();

    public Task HandleAsync(Changed<Person> domainEvent, CancellationToken cancellationToken) => Clear();

    // A moved unit changes the scope of everyone in it.
    public Task HandleAsync(Changed<Unit> domainEvent, CancellationToken cancellationToken) => Clear();

    private Task Clear()
    {
        Interlocked.Increment(ref _generation);
        _actors.Clear();
        return Task.CompletedTask;
    }
}
