using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Duban.Hosting;

/// <summary>
/// Behind a proxy that ends TLS, the server sees plain HTTP from the proxy. The proxies named in Proxy:Trusted
/// (addresses or networks) are believed about the client's address and scheme (X-Forwarded-For, X-Forwarded-Proto),
/// so cookies become Secure and HSTS is sent; nobody else is, and with none named the headers are ignored.
/// </summary>
internal static class ReverseProxy
{
    public const string TrustedKey = "Proxy:Trusted";

    /// <summary>Configures the forwarded headers and says whether any proxy is trusted.</summary>
    public static bool AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = (configuration[TrustedKey] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Network).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust the loopback address; only what the operator named is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            trusted.ForEach(o.KnownIPNetworks.Add);
        });
        return trusted.Count > 0;
    }

    private static IPNetwork Network(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : throw new InvalidOperationException($"配置 Proxy__Trusted 中的“{entry}”不是 IP 地址或网段（例如 127.0.0.1 或 10.0.0.0/8）。");
}
