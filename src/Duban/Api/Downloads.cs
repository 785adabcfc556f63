using System.Text;
using Duban.Core.Common;

namespace Duban.Api;

/// <summary>
/// Files users uploaded are served as downloads only: never rendered by the browser (attachment; every answer also
/// carries nosniff, <see cref="Hosting.SecurityHeaders"/>), so an uploaded file cannot run as a page of this site.
/// </summary>
internal static class Downloads
{
    public static IResult Attachment(HttpContext context, Stream content, string contentType, string fileName)
    {
        context.Response.Headers.ContentDisposition = AttachmentHeader(fileName);
        return Results.Stream(content, contentType);
    }

    /// <summary>RFC 6266: an ASCII <c>filename</c> for old clients, the real name as RFC 5987 <c>filename*</c>.</summary>
    private static string AttachmentHeader(string fileName)
    {
        var name = InputText.Clean(fileName);
        var extension = Path.GetExtension(name);
        var stem = new StringBuilder();
        foreach (var c in name[..^extension.Length])
        {
            var safe = char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '(' or ')' ? c : '_';
            if (safe != '_' || stem.Length == 0 || stem[^1] != '_')
            {
                stem.Append(safe);
            }
        }
        // Each run of other characters becomes one underscore; a name wholly in Chinese keeps only its extension.
        var fallback = (stem.ToString().Any(char.IsAsciiLetterOrDigit) ? stem.ToString() : "file")
                       + (extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : string.Empty);
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
