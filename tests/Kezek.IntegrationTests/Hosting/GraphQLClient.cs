using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kezek.Identity.Signatures;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>A GraphQL response: the HTTP status, the JSON, and helpers to read data and error codes.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonElement Json, string Text, string? Allow = null)
{
    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0;

    public string? ErrorCode => HasErrors ? Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    public string? ErrorMessage => HasErrors ? Json.GetProperty("errors")[0].GetProperty("message").GetString() : null;

    /// <summary>The data, after asserting that there was no error.</summary>
    public JsonElement Ok()
    {
        Assert.False(HasErrors, Text);
        return Data;
    }
}

/// <summary>Talks to Kezek as a city portal would: GraphQL over HTTP with bearer tokens and signed XML.</summary>
public sealed class GraphQLClient(HttpClient http, KezekFactory kezek)
{
    public HttpClient Http => http;

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone(), text,
            string.Join(',', response.Content.Headers.Allow));
    }

    public async Task<string> NonceAsync(string? token = null) =>
        (await PostAsync("mutation { requestNonce { value expiresAt } }", token: token)).Ok()
        .GetProperty("requestNonce").GetProperty("value").GetString()!;

    public async Task<GraphQLResponse> SignInAsync(string signedXml) =>
        await PostAsync("mutation($x: String!) { signIn(signedXml: $x) { token viewer { iin fullName bin roles { role region bin } } } }", new { x = signedXml });

    /// <summary>Signs in with the person's AUTH key and returns the bearer token.</summary>
    public async Task<string> SignInAsync(TestPerson person)
    {
        var signed = XmlSigner.Sign(ActionDocument.Login(await NonceAsync()), person.Auth);
        return (await SignInAsync(signed)).Ok().GetProperty("signIn").GetProperty("token").GetString()!;
    }

    public static Dictionary<string, string> RegistrationInput(string childIin, string region = "almaty", string benefit = "NONE",
        string email = "aigerim@example.kz", string phone = "+77011234567") => new()
    {
        ["region"] = region,
        ["childIin"] = childIin,
        ["benefitCategory"] = benefit,
        ["email"] = email,
        ["phone"] = phone,
    };

    public static string Sign(TestPerson person, string action, string nonce, IReadOnlyDictionary<string, string> fields) =>
        XmlSigner.Sign(ActionDocument.Action(action, nonce, fields.Select(f => new ActionField(f.Key, f.Value))), person.Sign);

    public const string RegisterMutation = """
        mutation($input: RegisterApplicationInput!, $x: String!) {
          registerApplication(input: $input, signedXml: $x) {
            application { number status groupYear queueNumber benefitQueueNumber benefitCategory claimedBenefitCategory
                          createdAt queuedAt region { code } child { iin fullName birthDate } applicant { iin fullName phone email }
                          history { action actorIin actorRole fromStatus toStatus signedXml } }
          }
        }
        """;

    public async Task<GraphQLResponse> RegisterAsync(string token, IReadOnlyDictionary<string, string> input, string signedXml) =>
        await PostAsync(RegisterMutation, new { input = ToVariables(input), x = signedXml }, token);

    /// <summary>Registers with a fresh nonce and the person's SIGN key, as the portal does.</summary>
    public async Task<GraphQLResponse> RegisterAsync(TestPerson person, string token, IReadOnlyDictionary<string, string> input) =>
        await RegisterAsync(token, input, Sign(person, "registerApplication", await NonceAsync(token), input));

    public async Task ImportCivilRegistryAsync(string csv)
    {
        var token = await SignInAsync(kezek.People.Administrator);
        (await PostAsync("mutation($csv: String!) { importCivilRegistry(csv: $csv) { added updated } }", new { csv }, token)).Ok();
    }

    private static Dictionary<string, object> ToVariables(IReadOnlyDictionary<string, string> input) =>
        input.ToDictionary(p => p.Key, p => (object)p.Value);
}
