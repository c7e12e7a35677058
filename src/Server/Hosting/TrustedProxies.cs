using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kezek.Server.Hosting;

/// <summary>
/// The client's address behind a city portal's gateway: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are taken only
/// from the proxies configured in <c>Kezek:Network:TrustedProxies</c> (addresses, or networks as 10.0.0.0/8), never from
/// anyone else — not even loopback, which ASP.NET Core would trust by default. Rate limits count by this address.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Kezek:Network:TrustedProxies";

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in app.Configuration.GetSection(Section).Get<string[]>() ?? [])
        {
            if (entry.Contains('/', StringComparison.Ordinal))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else
                options.KnownProxies.Add(IPAddress.Parse(entry));
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
