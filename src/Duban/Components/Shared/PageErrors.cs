using Duban.Core.Common;

namespace Duban.Components.Shared;

internal static class PageErrors
{
    public const string MessageKey = "duban.error";

    /// <summary>
    /// A missing or forbidden record answers with its status and the error page, which shows this message; a
    /// refused input stays on its form (status 200), where the page shows the message beside the fields.
    /// </summary>
    public static void RespondWith(this HttpContext context, DubanException error)
    {
        if (error.Kind is ErrorKind.NotFound or ErrorKind.Forbidden && !context.Response.HasStarted)
        {
            context.Items[MessageKey] = error.Message;
            context.Response.StatusCode = Api.ProblemExceptionHandler.StatusOf(error.Kind);
        }
    }
}
