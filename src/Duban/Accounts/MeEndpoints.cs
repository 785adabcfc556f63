using Duban.Api;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Accounts;

public sealed record MeResponse(int Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    DataScope Scope, int? PersonId, int? UnitId, string? UnitName);

internal static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (DubanDb db, CancellationToken ct) =>
            {
                var actor = db.Actor;
                var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == actor.UserId, ct);
                var unitName = actor.UnitId is null ? null
                    : await db.Units.IgnoreQueryFilters().Where(u => u.Id == actor.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
                return new MeResponse(user.Id, user.UserName ?? string.Empty, user.DisplayName,
                    [.. actor.Roles.Order()], actor.Scope, actor.PersonId, actor.UnitId, unitName);
            })
            .WithName("GetMe").WithSummary("当前用户：角色、单位和数据范围");
}
