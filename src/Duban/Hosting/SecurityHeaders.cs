namespace Duban.Hosting;

/// <summary>The headers every answer carries: pages, the API, static files, downloads and error pages alike.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Pages run only the site's own script files (no inline script, no event attributes: forms.js does the
    /// confirm dialogs) and use only its own style sheet, with no inline style either; no page may be framed.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar's API reference page (/api/docs) starts itself with an inline module script and styles itself from
    /// script, so it alone may run inline script and style. It shows no user data and posts no forms.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/api/docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the answer starts, so the exception handler clearing headers and the antiforgery's own
        // X-Frame-Options cannot leave an answer without them.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
