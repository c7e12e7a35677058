using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Kezek.Identity.Signatures;

namespace Kezek.Server.Demo.NcaLayer;

/// <summary>
/// One portal's WebSocket to the stand-in, speaking NCALayer's protocol as <c>ncalayer-js-client</c> 1.5.6 expects:
/// the version greeting, the KAZTOKEN probe refused, <c>commonUtils.signXml</c> and <c>getKeyInfo</c> answered after a
/// person picks a demo person on the picker page, <c>getActiveTokens</c> answered at once, anything else refused with
/// code 500. Every message is sent from this one loop, so sends never overlap.
/// </summary>
public sealed class NcaLayerProtocol(WebSocket socket, PendingRequests pending, string keysFolder, ILogger logger)
{
    public const string Greeting = """{"result":{"version":"1.0.0"}}""";
    public const string CommonUtils = "kz.gov.pki.knca.commonUtils";
    public const string KazTokenModule = "kz.digiflow.mobile.extensions";
    public const string Canceled = "action.canceled";

    private const int MaxMessageBytes = 4 * 1024 * 1024;

    public async Task RunAsync(CancellationToken cancellation)
    {
        await SendAsync(Greeting, cancellation);
        var receive = ReceiveAsync(cancellation);
        while (await receive is { } message)
        {
            receive = ReceiveAsync(cancellation);
            var (answer, request) = Handle(message);
            if (request is not null)
            {
                (answer, receive) = await WaitAsync(request, receive, cancellation);
                if (answer is null)
                    break; // The portal closed the socket; its request went with it.
            }

            await SendAsync(answer!, cancellation);
        }

        if (socket.State == WebSocketState.CloseReceived)
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    /// <summary>The answer to a request that needs nobody, or the request that waits for the picker.</summary>
    private (string? Answer, PendingRequest? Request) Handle(string message)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(message) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        var module = json?["module"]?.GetValueKind() == JsonValueKind.String ? json["module"]!.GetValue<string>() : null;
        var method = json?["method"]?.GetValueKind() == JsonValueKind.String ? json["method"]!.GetValue<string>() : null;
        var args = json?["args"] as JsonArray;
        if (module is null || method is null)
            return (Error("Not an NCALayer request: a JSON object with \"module\" and \"method\" is expected."), null);
        if (module == KazTokenModule)
            return (Error("This is Kezek's NCALayer stand-in, not KAZTOKEN."), null);
        if (module != CommonUtils)
            return (Error($"The NCALayer stand-in has no module {module}."), null);

        switch (method)
        {
            case "getActiveTokens":
                return ("""{"code":"200","responseObject":[]}""", null);
            case "getKeyInfo":
                return (null, pending.Add(StandInRequestKind.GetKeyInfo, PendingRequest.Authentication, xml: null));
            case "signXml":
                var keyType = Argument(args, 1);
                var xml = Argument(args, 2);
                if (keyType is not (PendingRequest.Authentication or PendingRequest.Signature))
                    return (Error("signXml: the key type (the second argument) must be AUTHENTICATION or SIGNATURE."), null);
                if (!string.IsNullOrEmpty(Argument(args, 3)) || !string.IsNullOrEmpty(Argument(args, 4)))
                    return (Error("signXml: the stand-in signs the whole document; the XPath arguments must be empty."), null);
                if (string.IsNullOrWhiteSpace(xml) || !IsXml(xml))
                    return (Error("signXml: the third argument must be a well-formed XML document."), null);
                return (null, pending.Add(StandInRequestKind.SignXml, keyType, xml));
            default:
                return (Error($"The NCALayer stand-in does not implement {module}.{method}."), null);
        }
    }

    /// <summary>Waits for the picker's choice, the request's end, or the socket's close (null answer); a message that
    /// comes meanwhile is refused, since only one request waits per socket.</summary>
    private async Task<(string? Answer, Task<string?> Receive)> WaitAsync(PendingRequest request, Task<string?> receive, CancellationToken cancellation)
    {
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var expired = Task.Delay(request.ExpiresAt - pending.Clock.GetUtcNow(), pending.Clock, expiry.Token);
        try
        {
            while (true)
            {
                var done = await Task.WhenAny(request.Choice.Task, receive, expired);
                if (done == request.Choice.Task)
                    return (Answer(request, await request.Choice.Task), receive);
                if (done == expired)
                    return (Error("The request was not answered on the picker page in time."), receive);
                if (await receive is null)
                    return (null, receive);
                await SendAsync(Error("Another request of this connection is waiting for the picker page."), cancellation);
                receive = ReceiveAsync(cancellation);
            }
        }
        finally
        {
            pending.Remove(request);
            await expiry.CancelAsync();
        }
    }

    private string Answer(PendingRequest request, string? keyFile)
    {
        if (keyFile is null)
            return Error(Canceled);
        var suffix = request.KeyType == PendingRequest.Authentication ? "-auth.p12" : "-sign.p12";
        var path = Path.Combine(keysFolder, keyFile + suffix);
        if (!File.Exists(path))
            return Error($"The demo key {keyFile}{suffix} is missing from the data folder.");
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, DemoKeys.Password, X509KeyStorageFlags.EphemeralKeySet);
        logger.LogInformation("NCALayer stand-in: answered a {Kind} request with the demo key {Key}", request.Kind, keyFile + suffix);
        return request.Kind == StandInRequestKind.SignXml
            ? Success(JsonValue.Create(XmlSigner.Sign(request.Xml!, certificate)))
            : Success(KeyInfo(keyFile + suffix, certificate));
    }

    /// <summary>The fields NCALayer's <c>getKeyInfo</c> answers with.</summary>
    private static JsonObject KeyInfo(string alias, X509Certificate2 certificate) => new()
    {
        ["alias"] = alias,
        ["keyId"] = certificate.Thumbprint,
        ["algorithm"] = "RSA",
        ["subjectCn"] = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
        ["subjectDn"] = certificate.Subject,
        ["issuerCn"] = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: true),
        ["issuerDn"] = certificate.Issuer,
        ["serialNumber"] = certificate.SerialNumber,
        ["certNotBefore"] = new DateTimeOffset(certificate.NotBefore).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["certNotAfter"] = new DateTimeOffset(certificate.NotAfter).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["pem"] = certificate.ExportCertificatePem(),
    };

    private static string Success(JsonNode? responseObject) =>
        new JsonObject { ["code"] = "200", ["responseObject"] = responseObject }.ToJsonString();

    private static string Error(string message) => new JsonObject { ["code"] = "500", ["message"] = message }.ToJsonString();

    private static string? Argument(JsonArray? args, int index) =>
        args is not null && index < args.Count && args[index]?.GetValueKind() == JsonValueKind.String ? args[index]!.GetValue<string>() : null;

    private static bool IsXml(string xml)
    {
        try
        {
            new XmlDocument { XmlResolver = null }.LoadXml(xml);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private Task SendAsync(string message, CancellationToken cancellation) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellation);

    /// <summary>The next text message; null when the socket closes or fails.</summary>
    private async Task<string?> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellation);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", CancellationToken.None);
                    return null;
                }

                if (result.EndOfMessage)
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            return null;
        }
    }
}
