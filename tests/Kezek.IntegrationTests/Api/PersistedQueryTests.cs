using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kezek.GraphQL.Http;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Api;

/// <summary>
/// Persisted queries in the Apollo convention (<c>extensions.persistedQuery</c>): a hash the server does not know is
/// answered PERSISTED_QUERY_NOT_FOUND, the document sent once with its (checked) hash makes the hash enough, and a
/// remembered document still passes the caller's checks on every request.
/// </summary>
public abstract class PersistedQueryTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static object Extensions(string hash, object? version = null) =>
        new { persistedQuery = new { version = version ?? 1, sha256Hash = hash } };

    private static async Task<GraphQLResponse> PostAsync(GraphQLClient api, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.SendAsync(request);
    }

    private static Task<GraphQLResponse> GetAsync(GraphQLClient api, string hash, string? query = null) =>
        api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + Uri.EscapeDataString(
            System.Text.Json.JsonSerializer.Serialize(Extensions(hash))) + (query is null ? "" : "&query=" + Uri.EscapeDataString(query))));

    /// <summary>A document of its own per test (a comment makes the text unique), so that no other test has made it known.</summary>
    private static string Unique(string document) => document + " # " + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_hash_alone_is_not_found_until_the_document_is_sent_with_it_once()
    {
        var api = Kezek.Api();
        var query = Unique("query Regions($code: String!) { regionPolicy(region: $code) { daysToChoose } regions { code } }");
        var hash = PersistedDocuments.HashOf(query);

        var unknown = await PostAsync(api, new { extensions = Extensions(hash), variables = new { code = "almaty" } });
        var registered = await PostAsync(api, new { query, extensions = Extensions(hash), variables = new { code = "almaty" } });
        var known = await PostAsync(api, new { extensions = Extensions(hash.ToUpperInvariant()), variables = new { code = "astana" } });

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.ErrorCode);
        Assert.False(unknown.Json.TryGetProperty("data", out _));
        Assert.Equal(3, registered.Ok().GetProperty("regions").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(3, known.Ok().GetProperty("regions").GetArrayLength());
        Assert.True(known.Data.GetProperty("regionPolicy").GetProperty("daysToChoose").GetInt32() > 0);
    }

    [Fact]
    public async Task A_document_that_does_not_match_its_hash_is_refused_and_not_remembered()
    {
        var api = Kezek.Api();
        var query = Unique("{ regions { code } }");
        var other = PersistedDocuments.HashOf(Unique("{ regions { name } }"));

        var mismatch = await PostAsync(api, new { query, extensions = Extensions(other) });
        var after = await PostAsync(api, new { extensions = Extensions(other) });

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_MISMATCH", mismatch.ErrorCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", after.ErrorCode);
    }

    [Theory]
    [InlineData(2, "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(1, "abc")]
    [InlineData(1, "zz00000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_persisted_query_of_another_version_or_hash_is_not_supported(int version, string hash)
    {
        var response = await PostAsync(Kezek.Api(), new { query = "{ regions { code } }", extensions = Extensions(hash, version) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", response.ErrorCode);
    }

    [Fact]
    public async Task Neither_a_hash_nor_a_document_is_a_bad_request()
    {
        var response = await PostAsync(Kezek.Api(), new { extensions = new { persistedQuery = (object?)null }, variables = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.ErrorCode);
    }

    [Fact]
    public async Task An_invalid_document_is_never_remembered()
    {
        var api = Kezek.Api();
        var query = Unique("{ regions { nope } }");
        var hash = PersistedDocuments.HashOf(query);

        var invalid = await PostAsync(api, new { query, extensions = Extensions(hash) });
        var again = await PostAsync(api, new { extensions = Extensions(hash) });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", again.ErrorCode);
    }

    [Fact]
    public async Task A_persisted_query_works_over_GET_and_a_persisted_mutation_still_does_not()
    {
        var api = Kezek.Api();
        var query = Unique("{ regions { code } }");
        var mutation = Unique("mutation { requestNonce { value } }");
        var registered = await GetAsync(api, PersistedDocuments.HashOf(query), query);
        await PostAsync(api, new { query = mutation, extensions = Extensions(PersistedDocuments.HashOf(mutation)) });

        var known = await GetAsync(api, PersistedDocuments.HashOf(query));
        var mutationOverGet = await GetAsync(api, PersistedDocuments.HashOf(mutation));
        var mutationAgain = await PostAsync(api, new { extensions = Extensions(PersistedDocuments.HashOf(mutation)) });

        Assert.Equal(3, registered.Ok().GetProperty("regions").GetArrayLength());
        Assert.Equal(3, known.Ok().GetProperty("regions").GetArrayLength());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutationOverGet.Status);
        Assert.Equal("MUTATION_OVER_GET", mutationOverGet.ErrorCode);
        Assert.False(string.IsNullOrEmpty(mutationAgain.Ok().GetProperty("requestNonce").GetProperty("value").GetString()));
    }

    [Fact]
    public async Task A_remembered_document_is_checked_for_every_caller_and_its_variables()
    {
        var api = Kezek.Api();
        var query = Unique("query Grants($role: Role) { roleGrants(role: $role) { role } }");
        var hash = PersistedDocuments.HashOf(query);
        var administrator = await api.SignInAsync(People.Administrator);
        var operatorToken = await api.SignInAsync(People.Operator);
        var mother = await api.SignInAsync(People.Mother);
        var registered = await PostAsync(api, new { query, extensions = Extensions(hash), variables = new { role = "OPERATOR" } }, administrator);

        var anonymous = await PostAsync(api, new { extensions = Extensions(hash) });
        var parent = await PostAsync(api, new { extensions = Extensions(hash) }, mother);
        var staff = await PostAsync(api, new { extensions = Extensions(hash) }, operatorToken);
        var wrongValue = await PostAsync(api, new { extensions = Extensions(hash), variables = new { role = "KING" } }, administrator);
        var again = await PostAsync(api, new { extensions = Extensions(hash), variables = new { role = "OPERATOR" } }, administrator);

        Assert.Equal(JsonValueKind.Array, registered.Ok().GetProperty("roleGrants").ValueKind);
        Assert.Equal("UNAUTHENTICATED", anonymous.ErrorCode);
        Assert.Equal("FORBIDDEN", parent.ErrorCode);
        Assert.Equal("FORBIDDEN", staff.ErrorCode);
        Assert.True(wrongValue.HasErrors);
        Assert.False(wrongValue.Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
        Assert.Equal(registered.Data.GetRawText(), again.Ok().GetRawText());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PersistedQueriesOnSqlite(SqliteKezek kezek) : PersistedQueryTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class PersistedQueriesOnPostgres(PostgresKezek kezek) : PersistedQueryTests(kezek);
