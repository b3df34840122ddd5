using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// docs/security.md "Login throttling, forwarded headers and cookies": <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are read only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, <c>10.0.0.0/8</c>). Without either, the headers are ignored: the client
/// is the connection's address and the scheme the connection's.
/// </summary>
public static class ForwardedProxies
{
    public const string Proxies = "ForwardedHeaders:KnownProxies";
    public const string Networks = "ForwardedHeaders:KnownNetworks";

    private sealed record Configured(bool Any);

    public static WebApplicationBuilder AddForwardedProxies(this WebApplicationBuilder builder)
    {
        var proxies = SettingList.Values(builder.Configuration, Proxies).Select(value => IPAddress.TryParse(value, out var address) ? address
            : throw new ConfigurationException($"{Proxies} takes IP addresses (10.0.0.5, fd00::5), not '{value}'.")).ToArray();
        var networks = SettingList.Values(builder.Configuration, Networks).Select(value => System.Net.IPNetwork.TryParse(value, out var network) ? network
            : throw new ConfigurationException($"{Networks} takes networks in CIDR notation (10.0.0.0/8, fd00::/8), not '{value}'.")).ToArray();
        builder.Services.AddSingleton(new Configured(proxies.Length + networks.Length > 0));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only these: not the loopback defaults. A chain of known proxies is followed to the first address that is not one.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it (the login limits, Secure cookies, the origin check) sees the client.</summary>
    public static WebApplication UseForwardedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Configured>().Any) app.UseForwardedHeaders();
        return app;
    }
}
