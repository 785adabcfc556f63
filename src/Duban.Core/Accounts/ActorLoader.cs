using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>Builds the actor of a signed-in user from the database, so role and unit changes apply at once.</summary>
public sealed class ActorLoader(DubanDb db, ActorCache cache)
{
    /// <summary>
    /// One query (or none, from the cache): the user, the role names and the person's unit and path. The stamp is
    /// the one the request was authenticated with; an account whose stamp has changed since acts for nobody.
    /// </summary>
    public async Task<Actor?> LoadAsync(int userId, string securityStamp, CancellationToken cancellationToken = default) =>
        cache.Find(userId, securityStamp) ?? await LoadAsync(userId, securityStamp, checkStamp: true, cancellationToken);

    /// <summary>The actor for work the user started earlier (a background import): no session to compare, but a disabled account still acts for nobody.</summary>
    public Task<Actor?> LoadForBackgroundWorkAsync(int userId, CancellationToken cancellationToken = default) =>
        LoadAsync(userId, null, checkStamp: false, cancellationToken);

    private async Task<Actor?> LoadAsync(int userId, string? securityStamp, bool checkStamp, CancellationToken cancellationToken)
    {
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
                u.SecurityStamp,
                u.DisabledAt,
                u.MustChangePassword,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                UnitId = db.People.Where(p => p.Id == u.PersonId).Select(p => (int?)p.UnitId).FirstOrDefault(),
                UnitPath = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Unit!.Path).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        // A deleted or disabled account acts for nobody, whatever session or token it still holds. A locked-out one
        // keeps its sessions and tokens: a lockout only stops guessing at the sign-in form.
        if (user is null || user.DisabledAt is not null || (checkStamp && user.SecurityStamp != securityStamp))
        {
            return null;
        }
        var name = user.UserName ?? user.DisplayName;
        var actor = new Actor(user.Id, name, user.Roles.ToHashSet(), user.PersonId, user.UnitId, user.UnitPath)
        {
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? name : user.DisplayName,
            MustChangePassword = user.MustChangePassword,
        };
        cache.Keep(actor, user.SecurityStamp, generation);
        return actor;
    }
}
