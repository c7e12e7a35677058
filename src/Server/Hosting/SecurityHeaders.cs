using Microsoft.Net.Http.Headers;

namespace Kezek.Server.Hosting;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing, no referrer, and a strict Content-Security-Policy — the web
/// app runs only its own bundled scripts and styles and talks only to Kezek, NCALayer and the configured map tiles; an issued
/// document served as HTML may run no script at all. HSTS outside Development; no <c>Server</c> banner.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>An issued document as HTML: its own inline styles and the QR code's data image, nothing else.</summary>
    public const string DocumentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    /// <summary>Development's own tools (the NCALayer stand-in's picker) are one self-contained page with inline script and style.</summary>
    public const string DevelopmentToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder WithoutServerBanner(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        var appPolicy = AppPolicy(app.Configuration);
        var studioPolicy = StudioPolicy(app.Configuration);
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            var path = http.Request.Path;
            // Development's picker posts its form to itself and the stand-in checks that the Origin is its own: under
            // no-referrer a browser sends "Origin: null" and every choice would be refused.
            headers["Referrer-Policy"] = path.StartsWithSegments("/dev") ? "same-origin" : "no-referrer";
            if (path.StartsWithSegments("/documents"))
            {
                // A PDF keeps the browser's viewer; HTML is sandboxed with no script.
                http.Response.OnStarting(() =>
                {
                    headers[HeaderNames.ContentSecurityPolicy] = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                        ? DocumentPolicy
                        : "frame-ancestors 'none'";
                    return Task.CompletedTask;
                });
            }
            else
            {
                headers[HeaderNames.ContentSecurityPolicy] = path.StartsWithSegments("/dev") ? DevelopmentToolPolicy
                    : path.StartsWithSegments("/studio") ? studioPolicy
                    : appPolicy;
            }

            return next(http);
        });
        return app;
    }

    /// <summary>
    /// The web app's policy: scripts, styles and fonts from Kezek only (bundled, no inline script), images from Kezek, data URIs
    /// and the map's tile server, connections to Kezek and NCALayer (its address when absolute, e.g. wss://127.0.0.1:13579).
    /// </summary>
    public static string AppPolicy(IConfiguration configuration)
    {
        var connect = new List<string> { "'self'" };
        if (Origin(configuration["Kezek:Portal:NcaLayerUrl"] ?? "wss://127.0.0.1:13579") is { } ncaLayer)
            connect.Add(ncaLayer);
        var images = new List<string> { "'self'", "data:" };
        if (Origin(configuration["Kezek:Portal:MapTileUrl"]) is { } tiles)
            images.Add(tiles);
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {string.Join(' ', images)}; "
               + $"connect-src {string.Join(' ', connect)}; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
               + "frame-ancestors 'none'";
    }

    /// <summary>
    /// Kezek Studio's pages (<c>/studio</c>): the app's policy, with inline styles. The JSON editor (Monaco, bundled) writes its
    /// theme — colours, the underlines of errors — into <c>&lt;style&gt;</c> elements it creates and places each line with a
    /// style attribute; without them its text and markers are not drawn. Scripts, workers (the bundle's own files) and every
    /// other source stay as strict as the app's; the family portal's pages keep the app's policy.
    /// </summary>
    public static string StudioPolicy(IConfiguration configuration) =>
        AppPolicy(configuration).Replace("style-src 'self';", "style-src 'self' 'unsafe-inline';", StringComparison.Ordinal);

    /// <summary>The scheme, host and port of an absolute URL (a tile template's braces are not part of its origin); null otherwise.</summary>
    private static string? Origin(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            return null;
        var hostEnd = url.IndexOf('/', schemeEnd + 3);
        var origin = hostEnd < 0 ? url : url[..hostEnd];
        // A tile template may vary the subdomain ({s}.tile.example.kz): allow the domain's subdomains.
        return origin.Replace("{s}.", "*.", StringComparison.Ordinal);
    }
}
