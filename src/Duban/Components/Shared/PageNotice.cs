using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Duban.Components.Shared;

public enum NoticeKind
{
    Success,
    Error,
}

/// <summary>
/// What a form endpoint reports to the page it redirects to. A refused form also says which form it was
/// (<paramref name="FormOf"/>) and, when short, what was typed (<paramref name="Form"/>, by field name), so it comes
/// back filled.
/// </summary>
public sealed record Notice(NoticeKind Kind, string Text, string? FormOf = null, IReadOnlyDictionary<string, string>? Form = null);

/// <summary>
/// A form endpoint's outcome, left for the page it redirects to and shown there once. It travels in a cookie that
/// Data Protection encrypts and signs, bound to that page, the user and two minutes, never in the address: a link
/// with ?error=… made the page's red alert show any words an outsider chose. What a refused form had typed travels
/// with it up to <see cref="MaxTypedLength"/> characters, so the cookie stays one small header (a proxy refuses a
/// request whose headers outgrow its buffer); longer text the page's script keeps in the tab (forms.js).
/// </summary>
internal static class PageNotice
{
    /// <summary>The element a redirect scrolls to (<c>#notice</c>): the notice at the top of the page.</summary>
    public const string Anchor = "#notice";

    private const string CookieName = "duban.notice";
    private const string Purpose = "Duban.PageNotice";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    /// <summary>The most typed characters a refused form's notice carries back.</summary>
    public const int MaxTypedLength = 700;

    private static readonly object TakenKey = new();
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Leaves the notice for the page at <paramref name="path"/> and returns that path to redirect to.</summary>
    public static string LeaveNotice(this HttpContext context, string path, NoticeKind kind, string text, string? formOf = null,
        IReadOnlyDictionary<string, string>? form = null)
    {
        var expires = Clock(context).GetUtcNow() + Lifetime;
        var typed = form is not null && form.Values.Sum(v => v.Length) <= MaxTypedLength ? form : null;
        var sealedNotice = new SealedNotice(kind, text, path, UserOf(context), expires, formOf, typed);
        context.Response.Cookies.Append(CookieName, Protector(context).Protect(JsonSerializer.Serialize(sealedNotice, Json)), Options(context));
        return path;
    }

    /// <summary>
    /// The notice left for this page and this user, once per request (the notice and a refused form both ask);
    /// anything else (forged, stale, another's) is none.
    /// </summary>
    public static Notice? TakeNotice(this HttpContext context)
    {
        if (context.Items.TryGetValue(TakenKey, out var taken))
        {
            return taken as Notice;
        }
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
                context.Response.Cookies.Delete(CookieName, Options(context));
            }
            var shown = notice is null ? null : new Notice(notice.Kind, notice.Text, notice.FormOf, notice.Form);
            context.Items[TakenKey] = shown;
            return shown;
        }
        return null;
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = "/",
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        MaxAge = Lifetime,
    };

    private static SealedNotice? Open(HttpContext context, string cookie)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<SealedNotice>(Protector(context).Unprotect(cookie), Json);
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

    private sealed record SealedNotice(NoticeKind Kind, string Text, string Path, string User, DateTimeOffset Expires,
        string? FormOf = null, IReadOnlyDictionary<string, string>? Form = null);
}
