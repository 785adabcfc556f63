using Duban.Api;
using Duban.Core.Accounts;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Duban.Auth;

internal static class AuthenticationSetup
{
    /// <summary>The scheme that picks the bearer token when one is presented and the login cookie otherwise.</summary>
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>How long a login cookie lives without use (it slides with activity).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static void AddDubanAuthentication(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(AppUser), typeof(AppRole), services)
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "登录 Cookie 或访问令牌", o => o.ForwardDefaultSelector = context =>
                TokenAuthenticationHandler.HasBearer(context.Request)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "duban.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = true;
            // Every request, not Identity's default of every 30 minutes: a reset, a disabled account or a sign-out
            // must end the session at once.
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
            o.Events.OnRedirectToLogin = context =>
            {
                if (ApiPaths.IsApi(context.Request))
                {
                    return ApiPaths.WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                        "需要登录", "请先登录，或在 Authorization 头中提供有效的访问令牌。");
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (ApiPaths.IsApi(context.Request))
                {
                    return ApiPaths.WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                        "没有权限", "您的角色无权执行此操作。");
                }
                // Answer 403 in place; the status-code page shows the Chinese explanation.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.AddScoped<LoginService>();
        services.AddSingleton<SignInGuard>();
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stampType = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var valid = int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            && await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().IsValidAsync(userId,
                principal!.FindFirstValue(stampType), principal.FindFirstValue(SessionValidator.SessionClaim), context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
