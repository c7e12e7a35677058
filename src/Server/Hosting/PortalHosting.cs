using Kezek.Workflows.Portal;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Kezek.Server.Hosting;

/// <summary>
/// The family portal (web/dist) at <c>/</c>: hashed assets cached for a year, <c>index.html</c> never cached, and every
/// other GET that is not the server's own (GraphQL, documents, health, the Development tools) answered with
/// <c>index.html</c> so that the browser's router shows the page. CORS lets only configured origins call the API.
/// </summary>
public static class PortalHosting
{
    /// <summary><c>Kezek:Portal:WebRoot</c>: the built portal; <c>../../web/dist</c> from the content root (src/Server) by default.</summary>
    public const string WebRoot = "Kezek:Portal:WebRoot";

    private const string CorsPolicy = "portal";

    /// <summary>Paths the server answers itself: never the portal's index.html.</summary>
    private static readonly string[] ServerPaths = ["/graphql", "/documents", "/dev", "/health", "/metrics", "/assets"];

    public static IServiceCollection AddKezekPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddCors();
        // Read from the options when the first request comes, so that every configuration source has been applied.
        services.AddOptions<CorsOptions>().Configure<IOptions<PortalOptions>>((cors, portal) => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. portal.Value.AllowedOrigins.Where(o => o.Length > 0).Select(o => o.TrimEnd('/'))])
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language")
            .WithExposedHeaders("X-Content-SHA256", "Content-Disposition")));
        return services;
    }

    public static string ResolveWebRoot(WebApplication app) =>
        Path.GetFullPath(app.Configuration[WebRoot] is { Length: > 0 } configured ? configured : Path.Combine("..", "..", "web", "dist"),
            app.Environment.ContentRootPath);

    /// <summary>
    /// First in the pipeline: the built files (before routing, so the fallback never hides an asset), then routing and
    /// CORS for the API's endpoints.
    /// </summary>
    public static void UseKezekPortal(this WebApplication app)
    {
        var root = ResolveWebRoot(app);
        if (File.Exists(Path.Combine(root, "index.html")))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                ContentTypeProvider = FileTypes,
                OnPrepareResponse = static context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                        ? "public, max-age=31536000, immutable"
                        : "no-cache",
            });
        }

        app.UseRouting();
        app.UseCors(CorsPolicy);
    }

    /// <summary>After the API's endpoints: the SPA fallback to index.html (or a page saying the portal was not built).</summary>
    public static void MapKezekPortal(this WebApplication app)
    {
        var root = ResolveWebRoot(app);
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            app.Logger.LogWarning("The web portal is not built ({WebRoot} has no index.html): the API runs, the portal shows a notice. "
                + "Install Node.js 20 or newer and run `dotnet build src/Server` (or `npm ci && npm run build` in web/).", root);
            app.MapFallback("{*path}", context => IsPortalRequest(context.Request)
                ? Results.Content(NotBuiltPage, "text/html; charset=utf-8").ExecuteAsync(context)
                : NotFound(context));
            return;
        }

        app.MapFallback("{*path}", async context =>
        {
            if (!IsPortalRequest(context.Request))
            {
                await NotFound(context);
                return;
            }

            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        });
    }

    private static readonly FileExtensionContentTypeProvider FileTypes = new();

    /// <summary>
    /// A page of the portal: a GET or HEAD of a path that is not the server's own and names no file of a known type
    /// (an application number such as ALM.2026.000009.1 is a page; favicon.ico is a file).
    /// </summary>
    private static bool IsPortalRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !ServerPaths.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
        && !FileTypes.TryGetContentType(request.Path.Value ?? "", out _);

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Kezek</title></head>
        <body>
        <h1>Kezek</h1>
        <p>The web portal was not built, so only the API runs: GraphQL at <a href="/graphql">/graphql</a>.</p>
        <p>To build the portal, install Node.js 20 or newer (with npm) and run <code>dotnet run --project src/Server</code> again,
        or run <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>.</p>
        <p lang="ru">Веб-портал не собран: работает только API. Установите Node.js 20+ и запустите сервер снова.</p>
        <p lang="kk">Веб-портал жиналмаған: тек API жұмыс істейді. Node.js 20+ орнатып, серверді қайта іске қосыңыз.</p>
        </body></html>
        """;
}
