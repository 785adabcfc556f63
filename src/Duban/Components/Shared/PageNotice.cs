using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Duban.Components.Shared;

public enum NoticeKind
{
    Success,
    Error,
}

/// <summary>What a form endpoint reports to the page it redirects to.</summary>
public sealed record Notice(NoticeKind Kind, string Text);

/// <summary>
/// A form endpoint's outcome, left for the page it redirects to and shown there once. It travels in a cookie that
/// Data Protection encrypts and signs, bound to that page, the user and two minutes, never in the address: a link
/// with ?error=… made the page's red alert show any words an outsider chose.
/// </summary>
internal static class PageNotice
{
    private const string CookieName = "duban.notice";
    private const string Purpose = "Duban.PageNotice";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Leaves the notice for the page at <paramref name="path"/> and returns that path to redirect to.</summary>
    public static string LeaveNotice(this HttpContext context, string path, NoticeKind kind, string text)
    {
        var expires = Clock(context).GetUtcNow() + Lifetime;
        var sealedNotice = new SealedNotice(kind, text, path, UserOf(context), expires);
        context.Response.Cookies.Append(CookieName, Protector(context).Protect(JsonSerializer.Serialize(sealedNotice)), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
        });
        return path;
    }

    /// <summary>The notice left for this page and this user, once; anything else (forged, stale, another's) is none.</summary>
    public static Notice? TakeNotice(this HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            return null;
        }
        var notice = Open(context, cookie);
        if (notice is null || string.Equals(notice.Path, context.Request.Path.Value, StringComparison.OrdinalIgnoreCase))
        {
            // Shown or worthless: either way it must not show again. Pages render before the response starts.
            if (!context.Response.HasStarted)
            {
                context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            }
            return notice is null ? null : new Notice(notice.Kind, notice.Text);
        }
        return null;
    }

    private static SealedNotice? Open(HttpContext context, string cookie)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<SealedNotice>(Protector(context).Unprotect(cookie));
            return notice is not null && notice.User == UserOf(context) && notice.Expires > Clock(context).GetUtcNow() ? notice : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>();

    private static string UserOf(HttpContext context) => context.User.Identity?.Name ?? "";

    private sealed record SealedNotice(NoticeKind Kind, string Text, string Path, string User, DateTimeOffset Expires);
}
