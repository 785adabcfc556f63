using Duban.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Accounts;

internal static class AccountEndpoints
{
    // The antiforgery middleware only records its verdict; an endpoint that binds no form must read it itself.
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext context, [FromServices] LoginService login) =>
            {
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    // With a body of its own: the status-code page would re-run the refused form through antiforgery.
                    return Results.Text("退出登录的请求已失效，请刷新页面后再点“退出登录”。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                }
                await login.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
}
