using System.Globalization;
using System.Security.Claims;
using Duban.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Duban.Auth;

/// <summary>
/// Loads the signed-in user's roles, unit and scope once per request, for the data filters, the services and the
/// audit log alike. A user deleted or disabled since signing in, or whose security stamp has changed, becomes anonymous.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ScopedActorAccessor accessor, ActorLoader loader, IOptions<IdentityOptions> identity)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) && stamp is not null
            && await loader.LoadAsync(userId, stamp, context.RequestAborted) is { } actor)
        {
            accessor.Actor = actor;
            // Role checks by [Authorize(Roles = …)] see the roles as they are now, not as they were at sign-in.
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                context.User.Claims.Where(c => c.Type != ClaimTypes.Role)
                    .Concat(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r))),
                context.User.Identity?.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }
}
