using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Kezek.Identity.Signatures;

namespace Kezek.Benchmarks.Load;

/// <summary>Kezek's GraphQL over HTTP as a client does it: posts, sign-in with a signed nonce, signed actions.</summary>
public static class KezekApi
{
    public static async Task<string> SignInAsync(HttpClient http, X509Certificate2 auth)
    {
        var signed = XmlSigner.Sign(ActionDocument.Login(await NonceAsync(http, null)), auth);
        return (await PostAsync(http, "mutation($x: String!) { signIn(signedXml: $x) { token } }", new { x = signed }, null))
            .GetProperty("signIn").GetProperty("token").GetString()!;
    }

    public static async Task<string> NonceAsync(HttpClient http, string? token) =>
        (await PostAsync(http, "mutation { requestNonce { value } }", null, token)).GetProperty("requestNonce").GetProperty("value").GetString()!;

    public static async Task<JsonElement> SignedAsync(HttpClient http, string token, X509Certificate2 key,
        string mutation, string inputType, Dictionary<string, string> input, string selection)
    {
        var signed = XmlSigner.Sign(ActionDocument.Action(mutation, await NonceAsync(http, token), input.Select(f => new ActionField(f.Key, f.Value))), key);
        return await PostAsync(http, $"mutation($input: {inputType}!, $x: String!) {{ {mutation}(input: $input, signedXml: $x) {{ {selection} }} }}",
            new { input, x = signed }, token);
    }

    public static async Task<JsonElement> PostAsync(HttpClient http, string query, object? variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (json.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException($"{query[..Math.Min(60, query.Length)]}…: {errors}");
        return json.GetProperty("data");
    }

}
