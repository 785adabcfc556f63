using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Duban.Tests.Infrastructure;

/// <summary>
/// The test server has no network, so every request would come from the same (unknown) address and share the
/// sign-in limits. Each test client names an address of its own in this header; the app sees it as the remote address.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    /// <summary>A fresh address in 10.0.0.0/8 for one test client.</summary>
    public static string New() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } given && IPAddress.TryParse(given, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
