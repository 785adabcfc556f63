using Duban.Api;
using Duban.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Duban.Components.Shared;

internal static class PageErrors
{
    /// <summary>
    /// Answers with the refusal's status while the page itself shows the Chinese message, so the generic
    /// status-code page must not replace it.
    /// </summary>
    public static void RespondWith(this HttpContext context, DubanException error)
    {
        var statusPages = context.Features.Get<IStatusCodePagesFeature>();
        if (statusPages is not null)
        {
            statusPages.Enabled = false;
        }
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = ProblemExceptionHandler.StatusOf(error.Kind);
        }
    }
}
