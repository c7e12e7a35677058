using System.Text.Json;
using Kezek.Core.Words;
using Kezek.Identity.Demo;

namespace Kezek.Server.Demo.NcaLayer;

/// <summary>
/// Development only: NCALayer's stand-in on Kezek's own port, so that the portal signs without NCALayer. The portal
/// connects to the WebSocket <c>/dev/ncalayer</c>; a signing request waits until a person picks a demo person (or
/// cancels) on <c>/dev/ncalayer/picker</c>, which polls <c>/dev/ncalayer/pending</c>. The demo keys are those
/// <see cref="DemoKeys"/> writes to the data folder.
/// </summary>
public static class NcaLayerStandIn
{
    public const string SocketPath = "/dev/ncalayer";
    public const string PickerPath = "/dev/ncalayer/picker";
    public const string PendingPath = "/dev/ncalayer/pending";

    public static IServiceCollection AddNcaLayerStandIn(this IServiceCollection services) =>
        services.AddSingleton(provider => new PendingRequests(provider.GetRequiredService<TimeProvider>()));

    public static WebApplication MapNcaLayerStandIn(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var keysFolder = DemoKeys.KeysFolder(KezekConfiguration.ResolveDataPath(app.Services));

        app.Map(SocketPath, async (HttpContext context, PendingRequests pending, ILoggerFactory loggers) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.Text("The NCALayer stand-in: connect with a WebSocket (see /dev/ncalayer/picker).\n",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await new NcaLayerProtocol(socket, pending, keysFolder, loggers.CreateLogger(typeof(NcaLayerStandIn)))
                .RunAsync(context.RequestAborted);
            return Results.Empty;
        });

        app.MapGet(PendingPath, (PendingRequests pending) => Results.Json(new
        {
            requests = pending.Waiting().Select(request => new
            {
                id = request.Id,
                kind = request.Kind == StandInRequestKind.SignXml ? "signXml" : "getKeyInfo",
                keyType = request.KeyType,
                document = request.Document?.Kind,
                action = request.Document?.Name,
                createdAt = request.CreatedAt,
                expiresAt = request.ExpiresAt,
            }),
        }, JsonSerializerOptions.Web));

        app.MapGet(PickerPath, (HttpContext context, PendingRequests pending, IWordCatalog words) =>
        {
            var language = PickerPage.LanguageOf(context.Request);
            var request = Guid.TryParse(context.Request.Query["id"], out var id) ? pending.Find(id) : pending.Waiting() is [var oldest, ..] ? oldest : null;
            return Html(PickerPage.Render(words, language, request));
        });

        app.MapPost(PickerPath + "/{id:guid}", async (Guid id, HttpContext context, PendingRequests pending, IWordCatalog words) =>
        {
            // Only the picker page itself may answer: a page of another site in the same browser may not sign.
            if (context.Request.Headers.Origin is [{ } origin] && !SameOrigin(origin, context.Request))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            var language = PickerPage.LanguageOf(context.Request);
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var person = form["person"].ToString();
            var keyFile = DemoPeople.KeyHolders.Any(holder => holder.File == person) ? person : null;
            if (keyFile is null && person != PickerPage.CancelValue)
                return Results.BadRequest();
            var answered = pending.Answer(id, keyFile);
            return Html(PickerPage.Done(words, language,
                !answered ? StandInWords.Gone : keyFile is null ? StandInWords.Canceled : StandInWords.Done, close: answered));
        });
        return app;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
