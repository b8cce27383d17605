using Microsoft.AspNetCore.HttpOverrides;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// Behind nginx the client's address and scheme arrive in X-Forwarded-For/-Proto: trusted from loopback and from the
/// networks named in <c>ReverseProxy:Networks</c> only, so the audit trail records where a change really came from.
/// </summary>
public static class ReverseProxy
{
    public static void UseReverseProxyHeaders(this WebApplication app, IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var network in configuration.GetSection("ReverseProxy:Networks").Get<string[]>() ?? [])
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.UseForwardedHeaders(options);
    }
}
