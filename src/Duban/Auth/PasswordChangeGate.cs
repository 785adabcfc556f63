using Duban.Api;
using Duban.Core.Accounts;

namespace Duban.Auth;

/// <summary>
/// Someone signed in with a password an administrator handed over (a new account, a reset) reaches only the
/// change-password page until they pick their own: pages redirect there, the API answers 403. Access tokens are not
/// held back: they are made for integrations, not typed passwords, and a reset leaves them as they were.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePath = "/account/password";

    public Task InvokeAsync(HttpContext context, IActorAccessor actors)
    {
        if (!actors.Actor.MustChangePassword || context.User.Identity?.AuthenticationType == TokenAuthenticationHandler.SchemeName
            || Passes(context.Request.Path))
        {
            return next(context);
        }
        if (ApiPaths.IsApi(context.Request))
        {
            return ApiPaths.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "需要先修改密码",
                "管理员为您设置了初始密码或重置了密码，请先在网页上修改密码（/account/password），再使用其他功能。");
        }
        context.Response.Redirect(ChangePath);
        return Task.CompletedTask;
    }

    /// <summary>The change-password page itself, signing out, the error pages and the framework's scripts.</summary>
    private static bool Passes(PathString path) =>
        path.StartsWithSegments(ChangePath) || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/account/login")
        || path.StartsWithSegments("/error") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content");
}
