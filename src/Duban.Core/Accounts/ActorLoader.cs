using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>Builds the actor of a signed-in user from the database, so role and unit changes apply at once.</summary>
public sealed class ActorLoader(DubanDb db)
{
    public async Task<Actor?> LoadAsync(int userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.PersonId, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var place = user.PersonId is null
            ? null
            : await db.People.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Id == user.PersonId)
                .Select(p => new { p.UnitId, p.Unit!.Path })
                .FirstOrDefaultAsync(cancellationToken);
        var name = user.UserName ?? user.DisplayName;
        return new Actor(user.Id, name, roles.ToHashSet(), user.PersonId, place?.UnitId, place?.Path)
        {
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? name : user.DisplayName,
        };
    }
}
