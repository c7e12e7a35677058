using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Api;

/// <summary>GraphQL over HTTP as the portals use it: media types, status codes, GET, limits and languages.</summary>
[Collection(SqliteCollection.Name)]
public sealed class GraphQLHttpTests(SqliteKezek kezek) : KezekTest(kezek)
{
    private static HttpRequestMessage Post(string body, string contentType = "application/json", string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Fact]
    public async Task Answers_use_the_GraphQL_response_media_type_and_keep_Kazakh_letters_readable()
    {
        var response = await Kezek.Api().PostAsync("{ regions { code name } }", language: "kk");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Contains("Ақтөбе қ.", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_accepts_only_JSON_gets_JSON()
    {
        var response = await Kezek.Api().SendAsync(Post("{\"query\":\"{ regions { code } }\"}", accept: "application/json"));

        Assert.Equal("application/json", response.MediaType);
        Assert.False(response.HasErrors);
    }

    [Fact]
    public async Task Queries_work_over_GET_and_mutations_do_not()
    {
        var api = Kezek.Api();
        var query = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ regions { code } }")));
        var mutation = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { requestNonce { value } }")));

        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal(3, query.Ok().GetProperty("regions").GetArrayLength());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.Status);
        Assert.Equal("MUTATION_OVER_GET", mutation.ErrorCode);
        Assert.Equal("POST", mutation.Allow);
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("{\"variables\":{}}", "application/json")]
    [InlineData("query=%7Bregions%7Bcode%7D%7D", "application/x-www-form-urlencoded")]
    [InlineData("{\"query\":\"query($a: Int) { regions { code } }\",\"variables\":{\"a\":1,\"a\":2}}", "application/json")]
    [InlineData("{\"query\":\"{ regions { code } }\",\"extensions\":{\"e\":1,\"e\":{}}}", "application/json")]
    [InlineData("{\"query\":\"{ regions { code } }\",\"variables\":[1,2]}", "application/json")]
    [InlineData("{\"query\":123}", "application/json")]
    public async Task A_malformed_request_is_a_400_with_a_code(string body, string contentType)
    {
        var response = await Kezek.Api().SendAsync(Post(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.ErrorCode);
    }

    [Fact]
    public async Task An_invalid_document_is_a_400_and_is_not_executed()
    {
        var response = await Kezek.Api().PostAsync("{ regions { nope } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.HasErrors);
    }

    [Fact]
    public async Task Documents_that_are_too_large_too_deep_or_too_complex_are_refused()
    {
        var api = Kezek.Api();
        var large = await api.PostAsync("{ regions { code " + new string(' ', 20_000) + " } }");
        var deep = await api.PostAsync("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } }");
        var aliases = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"a{i}: regions {{ code name timeZone }}"));
        var complex = await api.PostAsync("{ " + aliases + " }");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", large.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Equal(HttpStatusCode.BadRequest, complex.Status);
        Assert.True(deep.HasErrors && complex.HasErrors);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_unread_except_for_those_who_import_files()
    {
        var api = Kezek.Api();
        var body = "{\"query\":\"{ regions { code } }\",\"variables\":{\"x\":\"" + new string('a', 70_000) + "\"}}";
        var anonymous = await api.SendAsync(Post(body));
        var mother = await api.SignInAsync(People.Mother);
        var family = Post(body);
        family.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mother);
        var administrator = Post(body);
        administrator.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await api.SignInAsync(People.Administrator));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, anonymous.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", anonymous.ErrorCode);
        Assert.Equal("DOCUMENT_TOO_LARGE", (await api.SendAsync(family)).ErrorCode);
        Assert.Equal(3, (await api.SendAsync(administrator)).Ok().GetProperty("regions").GetArrayLength());
    }

    [Fact]
    public async Task A_document_may_ask_for_a_handful_of_root_fields_and_aliases_only()
    {
        var api = Kezek.Api();
        var roots = await api.PostAsync("{ " + string.Join(' ', Enumerable.Range(0, 13).Select(i => $"w{i}: workflow(region: \"almaty\") {{ name }}")) + " }");
        var aliases = await api.PostAsync("{ regions { " + string.Join(' ', Enumerable.Range(0, 31).Select(i => $"c{i}: code")) + " } }", language: "kk");
        var page = await api.PostAsync("{ a: regions { code } b: regionPolicy(region: \"almaty\") { daysToChoose } c: workflow(region: \"almaty\") { name } }");

        Assert.Equal(HttpStatusCode.BadRequest, roots.Status);
        Assert.Equal("TOO_MANY_FIELDS", roots.ErrorCode);
        Assert.Equal("TOO_MANY_FIELDS", aliases.ErrorCode);
        Assert.Contains("30", aliases.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, page.Ok().GetProperty("a").GetArrayLength());
    }

    [Theory]
    [InlineData("ru", "Регион «taraz» не найден.")]
    [InlineData("kk-KZ", "«taraz» өңірі табылмады.")]
    [InlineData("en-US,en;q=0.9", "Region \"taraz\" was not found.")]
    [InlineData("de", "Регион «taraz» не найден.")]
    [InlineData(null, "Регион «taraz» не найден.")]
    public async Task Error_messages_speak_the_language_the_reader_asks_for(string? language, string message)
    {
        var response = await Kezek.Api().PostAsync("{ statistics(region: \"taraz\") { total } }", language: language);

        Assert.Equal("UNKNOWN_REGION", response.ErrorCode);
        Assert.Equal(message, response.ErrorMessage);
    }

    [Theory]
    [InlineData("ru", "Неверное значение в запросе")]
    [InlineData("kk", "Сұраныстағы мән қате")]
    public async Task A_value_of_the_wrong_shape_is_explained_in_the_readers_language(string language, string message)
    {
        var response = await Kezek.Api().PostAsync(
            "query($d: Date) { queuePosition(region: \"almaty\", childFullName: \"X\", childBirthDate: $d) { queueNumber } }",
            new { d = "2022-13-45" }, language: language);

        Assert.Equal("INVALID_VALUE", response.ErrorCode);
        Assert.StartsWith(message, response.ErrorMessage, StringComparison.Ordinal);
        Assert.True(response.Json.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task A_syntax_error_is_explained_in_the_readers_language()
    {
        var response = await Kezek.Api().PostAsync("{ regions { code ", language: "kk");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("GraphQL сұранысы қате.", response.ErrorMessage);
    }

    [Fact]
    public async Task The_public_search_cannot_be_multiplied_with_aliases()
    {
        var response = await Kezek.Api().PostAsync(
            "{ a: queuePosition(region: \"almaty\", childIin: \"220315670018\") { queueNumber } b: queuePosition(region: \"almaty\", childIin: \"230701571020\") { queueNumber } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ONCE_PER_REQUEST", response.ErrorCode);
    }

    [Fact]
    public async Task Access_is_enforced_over_GET_as_over_POST()
    {
        var response = await Kezek.Api().SendAsync(new HttpRequestMessage(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("{ applications { totalCount } }")));

        Assert.Equal("UNAUTHENTICATED", response.ErrorCode);
    }

    [Fact]
    public async Task Introspection_is_available_to_portals()
    {
        var response = await Kezek.Api().PostAsync("{ __type(name: \"Application\") { fields { name } } }");

        var fields = response.Ok().GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("queueNumber", fields);
        Assert.Contains("history", fields);
    }

    [Fact]
    public async Task The_server_answers_its_health_check()
    {
        var response = await Kezek.Api().Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
