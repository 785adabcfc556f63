using System.Security.Claims;
using System.Text.Encodings.Web;
using Duban.Api;
using Duban.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Duban.Auth;

/// <summary>Authenticates API calls that present a personal access token as "Authorization: Bearer dbn_…".</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenLookup tokens, IOptions<IdentityOptions> identityOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    private const string Prefix = "Bearer ";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = Request.Headers.Authorization.ToString()[Prefix.Length..].Trim();
        var owner = await tokens.OwnerOfAsync(secret, Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("访问令牌无效或已被吊销。");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, owner.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType, owner.SecurityStamp ?? string.Empty),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiPaths.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, "访问令牌无效",
            "访问令牌无效或已被吊销，请重新创建令牌。");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiPaths.WriteProblemAsync(Context, StatusCodes.Status403Forbidden, "没有权限", "您的角色无权执行此操作。");
}
