using Microsoft.AspNetCore.Mvc;

namespace Duban.Auth;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async ([FromServices] LoginService login) =>
            {
                await login.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
}
