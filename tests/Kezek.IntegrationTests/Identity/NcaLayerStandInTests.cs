using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.IntegrationTests.Hosting;
using Kezek.Identity.Signatures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;

namespace Kezek.IntegrationTests.Identity;

/// <summary>
/// The Development NCALayer stand-in, spoken to as <c>ncalayer-js-client</c> speaks to NCALayer, over a real WebSocket:
/// a request waits until a demo person is picked on the picker page, and what it answers signs in and signs actions.
/// </summary>
public sealed class NcaLayerStandInTests(DevelopmentKezek kezek) : IClassFixture<DevelopmentKezek>
{
    private const string MotherIin = "900514410214";
    private const string DaughterIin = "220315670018";

    [Fact]
    public async Task The_stand_in_greets_refuses_the_KAZTOKEN_probe_and_signs_in_and_signs_an_action_as_the_person_picked()
    {
        using var http = kezek.Http();
        using var socket = await ConnectAsync();

        Assert.Equal("""{"result":{"version":"1.0.0"}}""", await ReceiveAsync(socket));
        var probe = await AskAsync(socket, new { module = "kz.digiflow.mobile.extensions", method = "getVersion" });
        Assert.Equal("500", (string?)probe["code"]);
        var tokens = await AskAsync(socket, new { module = "kz.gov.pki.knca.commonUtils", method = "getActiveTokens" });
        Assert.Equal("""{"code":"200","responseObject":[]}""", tokens.ToJsonString());
        var unknown = await AskAsync(socket, new { module = "kz.gov.pki.knca.commonUtils", method = "signCms", args = Array.Empty<string>() });
        Assert.Equal("500", (string?)unknown["code"]);
        Assert.Contains("signCms", (string?)unknown["message"], StringComparison.Ordinal);

        // Sign-in: the login document with a fresh nonce, the AUTH key; it waits until the mother is picked.
        var login = ActionDocument.Login(await NonceAsync(http));
        await SendAsync(socket, SignXml("AUTHENTICATION", login));
        var waiting = await PendingAsync(http);
        Assert.Equal("signXml", (string?)waiting["kind"]);
        Assert.Equal("AUTHENTICATION", (string?)waiting["keyType"]);
        Assert.Equal("login", (string?)waiting["document"]);
        var picker = await http.GetStringAsync("/dev/ncalayer/picker?lang=kk");
        Assert.Contains("<html lang=\"kk\">", picker, StringComparison.Ordinal);
        Assert.Contains("Жүйеге кіру", picker, StringComparison.Ordinal);
        Assert.Contains("АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ", picker, StringComparison.Ordinal);
        Assert.Contains("Бас тарту", picker, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", picker, StringComparison.Ordinal);

        var done = await PickAsync(http, (string)waiting["id"]!, "mother");
        Assert.Contains("window.close()", done, StringComparison.Ordinal);
        var signedLogin = await ReceiveJsonAsync(socket);
        Assert.Equal("200", (string?)signedLogin["code"]);
        var signIn = await GraphQLAsync(http, "mutation($x: String!) { signIn(signedXml: $x) { token viewer { iin } } }",
            new { x = (string)signedLogin["responseObject"]! });
        Assert.Equal(MotherIin, signIn.GetProperty("signIn").GetProperty("viewer").GetProperty("iin").GetString());
        var token = signIn.GetProperty("signIn").GetProperty("token").GetString()!;

        // A signed action: the daughter's registration, with the SIGN key of the person picked.
        var input = new Dictionary<string, string>
        {
            ["region"] = "almaty", ["childIin"] = DaughterIin, ["benefitCategory"] = "NONE", ["email"] = "aigerim@example.kz", ["phone"] = "+77011234567",
        };
        var action = ActionDocument.Action("registerApplication", await NonceAsync(http, token), input.Select(f => new ActionField(f.Key, f.Value)));
        await SendAsync(socket, SignXml("SIGNATURE", action));
        waiting = await PendingAsync(http);
        Assert.Equal("SIGNATURE", (string?)waiting["keyType"]);
        Assert.Equal("registerApplication", (string?)waiting["action"]);
        picker = await http.GetStringAsync("/dev/ncalayer/picker?lang=ru");
        Assert.Contains("registerApplication", picker, StringComparison.Ordinal);
        Assert.Contains("SIGN — для подписи действий", picker, StringComparison.Ordinal);
        await PickAsync(http, (string)waiting["id"]!, "mother");
        var signedAction = await ReceiveJsonAsync(socket);
        Assert.Equal("200", (string?)signedAction["code"]);
        var registered = await GraphQLAsync(http,
            "mutation($input: RegisterApplicationInput!, $x: String!) { registerApplication(input: $input, signedXml: $x) { application { status child { iin } } } }",
            new { input, x = (string)signedAction["responseObject"]! }, token);
        var application = registered.GetProperty("registerApplication").GetProperty("application");
        Assert.Equal("QUEUED", application.GetProperty("status").GetString());
        Assert.Equal(DaughterIin, application.GetProperty("child").GetProperty("iin").GetString());

        // Cancel answers as NCALayer's closed dialog does.
        await SendAsync(socket, SignXml("SIGNATURE", action));
        waiting = await PendingAsync(http);
        await PickAsync(http, (string)waiting["id"]!, "cancel");
        Assert.Equal("""{"code":"500","message":"action.canceled"}""", (await ReceiveJsonAsync(socket)).ToJsonString());
        Assert.Empty((await http.GetFromJsonAsync<JsonObject>("/dev/ncalayer/pending"))!["requests"]!.AsArray());

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Kestrel_sends_no_server_banner_and_the_picker_has_a_policy_of_its_own()
    {
        using var http = kezek.Http();
        using var health = await http.GetAsync("/health");
        using var picker = await http.GetAsync("/dev/ncalayer/picker");

        Assert.False(health.Headers.Contains("Server"));
        Assert.Contains("script-src 'self';", health.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Kezek.Server.Hosting.SecurityHeaders.DevelopmentToolPolicy, picker.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", picker.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_closed_socket_drops_its_request_and_a_socket_has_one_request_at_a_time()
    {
        using var http = kezek.Http();
        var socket = await ConnectAsync();
        await ReceiveAsync(socket);
        await SendAsync(socket, SignXml("AUTHENTICATION", ActionDocument.Login("n-1")));
        var waiting = await PendingAsync(http);
        var second = await AskAsync(socket, JsonNode.Parse(SignXml("AUTHENTICATION", ActionDocument.Login("n-2")))!);
        Assert.Equal("500", (string?)second["code"]);
        Assert.Single((await http.GetFromJsonAsync<JsonObject>("/dev/ncalayer/pending"))!["requests"]!.AsArray());
        var badKey = JsonNode.Parse(SignXml("BOTH", ActionDocument.Login("n-3")))!;

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        socket.Dispose();
        for (var i = 0; i < 50 && (await http.GetFromJsonAsync<JsonObject>("/dev/ncalayer/pending"))!["requests"]!.AsArray().Count > 0; i++)
            await Task.Delay(100);
        Assert.Empty((await http.GetFromJsonAsync<JsonObject>("/dev/ncalayer/pending"))!["requests"]!.AsArray());
        Assert.Contains("<html", await PickAsync(http, (string)waiting["id"]!, "mother"), StringComparison.Ordinal);

        // A key type NCALayer does not have is refused at once.
        using var another = await ConnectAsync();
        await ReceiveAsync(another);
        Assert.Equal("500", (string?)(await AskAsync(another, badKey))["code"]);
    }

    [Fact]
    public async Task A_server_asked_for_the_stand_in_outside_Development_refuses_to_start()
    {
        await using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kezek:Portal:NcaLayerStandIn"] = "true",
                ["Kezek:DataPath"] = Path.Combine(Path.GetTempPath(), "kezek-never-started"),
            }));
        });
        var refused = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("Kezek:Portal:NcaLayerStandIn is for the Development environment only", Flatten(refused), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{kezek.Address.Authority}/dev/ncalayer"), Timeout());
        return socket;
    }

    private static string SignXml(string keyType, string xml) =>
        JsonSerializer.Serialize(new { module = "kz.gov.pki.knca.commonUtils", method = "signXml", args = new[] { "PKCS12", keyType, xml, "", "" } });

    private static async Task<JsonObject> AskAsync(ClientWebSocket socket, object request)
    {
        await SendAsync(socket, request is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(request));
        return await ReceiveJsonAsync(socket);
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, Timeout());

    private static async Task<JsonObject> ReceiveJsonAsync(ClientWebSocket socket) => JsonNode.Parse(await ReceiveAsync(socket))!.AsObject();

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Timeout());
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    /// <summary>The picker's view of the one waiting request, once it is there.</summary>
    private static async Task<JsonObject> PendingAsync(HttpClient http)
    {
        for (var i = 0; i < 100; i++)
        {
            var requests = (await http.GetFromJsonAsync<JsonObject>("/dev/ncalayer/pending"))!["requests"]!.AsArray();
            if (requests.Count > 0)
                return Assert.Single(requests)!.AsObject();
            await Task.Delay(50);
        }

        throw new TimeoutException("No request waits for the picker.");
    }

    private static async Task<string> PickAsync(HttpClient http, string id, string person)
    {
        using var response = await http.PostAsync($"/dev/ncalayer/picker/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = person }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> NonceAsync(HttpClient http, string? token = null) =>
        (await GraphQLAsync(http, "mutation { requestNonce { value } }", null, token)).GetProperty("requestNonce").GetProperty("value").GetString()!;

    private static async Task<JsonElement> GraphQLAsync(HttpClient http, string query, object? variables, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out _), json.ToString());
        return json.GetProperty("data");
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}

/// <summary>Outside Development the stand-in is not there at all.</summary>
[Collection(SqliteCollection.Name)]
public sealed class NcaLayerStandInAbsenceTests(SqliteKezek kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task Outside_Development_there_is_no_stand_in()
    {
        using var http = Kezek.CreateClient();
        foreach (var path in new[] { "/dev/ncalayer", "/dev/ncalayer/picker", "/dev/ncalayer/pending" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
        var socket = Kezek.Server.CreateWebSocketClient();
        await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(new Uri(Kezek.Server.BaseAddress, "dev/ncalayer"), CancellationToken.None));
    }
}
