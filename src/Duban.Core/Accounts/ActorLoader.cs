using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>Builds the actor of a signed-in user from the database, so role and unit changes apply at once.</summary>
public sealed class ActorLoader(DubanDb db, ActorCache cache, TimeProvider clock)
{
    /// <summary>One query per request: the user, the role names and the person's unit and path.</summary>
    public async Task<Actor?> LoadAsync(int userId, CancellationToken cancellationToken = default)
    {
        if (cache.Find(userId) is { } known)
        {
            return known;
        }
        var generation = cache.Generation;
        // Nothing here is scoped data; the filters are off so an anonymous request can load its own user.
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.PersonId,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                UnitId = db.People.Where(p => p.Id == u.PersonId).Select(p => (int?)p.UnitId).FirstOrDefault(),
                UnitPath = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Unit!.Path).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        // A deleted or locked-out account acts for nobody, whatever session or token it still holds.
        if (user is null || user.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }
        var name = user.UserName ?? user.DisplayName;
        var actor = new Actor(user.Id, name, user.Roles.ToHashSet(), user.PersonId, user.UnitId, user.UnitPath)
        {
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? name : user.DisplayName,
        };
        cache.Keep(actor, generation);
        return actor;
    }
}
