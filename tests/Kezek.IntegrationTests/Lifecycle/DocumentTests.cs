using System.Net;
using System.Net.Http.Headers;
using Kezek.Core.Documents;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>The documents of the seeds' table: rendered once at issue in both languages, downloadable by those who may read them, verifiable by anyone.</summary>
public abstract class DocumentTests(KezekFactory kezek) : KezekTest(kezek)
{
    private async Task<HttpResponseMessage> DownloadAsync(string id, string? token, string? lang = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}{(lang is null ? "" : "?lang=" + lang)}");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Kezek.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_family_downloads_its_documents_in_both_languages_others_cannot_and_anyone_verifies_them()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        var documents = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { documents { id kind verificationCode } } }",
            new { n = queue.Numbers[0] }, queue.Mother)).Ok().GetProperty("application").GetProperty("documents").EnumerateArray().ToList();
        var direction = documents.Single(d => d.GetProperty("kind").GetString() == "DIRECTION");
        var id = direction.GetProperty("id").GetString()!;

        using var russian = await DownloadAsync(id, queue.Mother);
        Assert.Equal(HttpStatusCode.OK, russian.StatusCode);
        Assert.Equal("text/html", russian.Content.Headers.ContentType?.MediaType);
        var html = await russian.Content.ReadAsStringAsync();
        Assert.Contains("Направление в дошкольную организацию", html, StringComparison.Ordinal);
        Assert.Contains("БАЛА 0", html, StringComparison.Ordinal);
        Assert.Contains("Ясли-сад № 1 «Балапан»", html, StringComparison.Ordinal);
        Assert.Contains("08.09.2026", html, StringComparison.Ordinal); // the last day to attend
        Assert.Contains(direction.GetProperty("verificationCode").GetString()!, html, StringComparison.Ordinal);
        Assert.Equal(IssuedDocument.Hash(html), russian.Headers.GetValues("X-Content-SHA256").Single());

        using var kazakh = await DownloadAsync(id, queue.Mother, "kk");
        var kk = await kazakh.Content.ReadAsStringAsync();
        Assert.Contains("Мектепке дейінгі ұйымға жолдама", kk, StringComparison.Ordinal);
        Assert.Contains("№ 1 «Балапан» бөбекжай-бақшасы", kk, StringComparison.Ordinal);

        // The operator of the region may; an operator of another region, a stranger and the anonymous may not (and learn nothing).
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(id, queue.Operator)).StatusCode);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(id, await queue.Api.SignInAsync(People.AstanaOperator))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(id, await queue.Api.SignInAsync(People.Stranger))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(Guid.NewGuid().ToString(), queue.Mother)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DownloadAsync(id, null)).StatusCode);

        // Anyone checks a code: kind, date and hashes, nothing personal.
        var verified = await queue.Api.PostAsync("query($c: String!) { verifyDocument(code: $c) { kind title issuedAt sha256Ru } }",
            new { c = direction.GetProperty("verificationCode").GetString()!.ToLowerInvariant() });
        var answer = verified.Ok().GetProperty("verifyDocument");
        Assert.Equal("DIRECTION", answer.GetProperty("kind").GetString());
        Assert.Equal(IssuedDocument.Hash(html), answer.GetProperty("sha256Ru").GetString());
        Assert.DoesNotContain("БАЛА", verified.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPeople.MotherIin, verified.Text, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await queue.Api.PostAsync("{ verifyDocument(code: \"AAAAAAAAAAAA\") { kind } }")).Ok().GetProperty("verifyDocument").ValueKind);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DocumentsOnSqlite(SqliteKezek kezek) : DocumentTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class DocumentsOnPostgres(PostgresKezek kezek) : DocumentTests(kezek);
