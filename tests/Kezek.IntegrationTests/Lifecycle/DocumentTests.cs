using System.Net;
using System.Net.Http.Headers;
using Kezek.Core.Documents;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task A_headless_browser_makes_each_document_a_PDF_once_with_the_Kazakh_letters_intact()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        var id = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { documents { id kind } } }", new { n = queue.Numbers[0] }, queue.Mother))
            .Ok().GetProperty("application").GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "DIRECTION")
            .GetProperty("id").GetString()!;
        using (var before = await DownloadAsync(id, queue.Mother))
            Assert.Equal("text/html", before.Content.Headers.ContentType?.MediaType); // served as HTML until the PDF is made

        using (var scope = Kezek.Services.CreateScope())
        {
            var pdfs = scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Documents.DocumentPdfs>();
            Assert.Equal(5, await pdfs.MakePendingAsync(CancellationToken.None));
            Assert.Equal(0, await pdfs.MakePendingAsync(CancellationToken.None));
        }

        using var kazakh = await DownloadAsync(id, queue.Mother, "kk");
        Assert.Equal("application/pdf", kazakh.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Directory.CreateTempSubdirectory("kezek-pdf-").FullName, "direction.pdf");
        await File.WriteAllBytesAsync(file, await kazakh.Content.ReadAsByteArrayAsync());
        var text = await PdfTextAsync(file);
        Assert.Contains("Мектепке дейінгі ұйымға жолдама", text, StringComparison.Ordinal); // ә ғ қ ң ө ұ ү һ і come through
        Assert.Contains("Балапан", text, StringComparison.Ordinal);
        // The child's name, Kazakh letters and all (the table cell may wrap it, so each part is looked for).
        Assert.All(Queues.ChildName(0).Split(' ', '-'), part => Assert.Contains(part, text, StringComparison.Ordinal));
        var code = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { documents { kind verificationCode } } }", new { n = queue.Numbers[0] },
            queue.Mother)).Ok().GetProperty("application").GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "DIRECTION")
            .GetProperty("verificationCode").GetString();
        var verified = (await queue.Api.PostAsync("query($c: String!) { verifyDocument(code: $c) { pdfSha256Kk } }", new { c = code })).Ok();
        Assert.Equal(IssuedDocument.Hash(await File.ReadAllBytesAsync(file)), verified.GetProperty("verifyDocument").GetProperty("pdfSha256Kk").GetString());
        using var html = await DownloadAsync(id, queue.Mother, "kk&format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType); // the rendering the PDF was made from
    }

    private static async Task<string> PdfTextAsync(string file)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    private async Task<int> RenderPendingAsync(int batchSize = 100)
    {
        using var scope = Kezek.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentRendering>().RenderPendingAsync(CancellationToken.None, batchSize);
    }

    private Task<IssuedDocument> StoredAsync(Guid id) => Kezek.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id));

    private async Task<string> VerifiedHashAsync(string code, string language = "Ru") =>
        (await Kezek.Api().PostAsync($"query($c: String!) {{ verifyDocument(code: $c) {{ sha256{language} }} }}", new { c = code })).Ok()
        .GetProperty("verifyDocument").GetProperty($"sha256{language}").GetString()!;

    [Fact]
    public async Task A_choice_stores_the_facts_and_their_hash_and_the_document_reads_the_same_rendered_on_demand_or_by_the_worker()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        await queue.PublishAsync(1);
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        var documents = await Kezek.WithDbAsync(db => db.Documents.AsNoTracking().OrderBy(d => d.IssuedAt).ToListAsync());
        Assert.Equal(9, documents.Count); // four at each registration, the direction
        // The requests rendered nothing: each document holds its facts, frozen with their hash.
        Assert.All(documents, d =>
        {
            Assert.Null(d.RenderedAt);
            Assert.Null(d.ContentRu);
            Assert.Null(d.Sha256Ru);
            Assert.Equal(IssuedDocument.Hash(d.Facts), d.FactsSha256);
        });
        var direction = documents.Single(d => d.Kind == DocumentKind.Direction);

        // Before the worker: the family's download renders it, and the public check answers the hash of what was served.
        using var before = await DownloadAsync(direction.Id.ToString(), queue.Mother);
        var html = await before.Content.ReadAsStringAsync();
        Assert.Contains(Queues.ChildName(0), html, StringComparison.Ordinal);
        Assert.Equal(IssuedDocument.Hash(html), before.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Equal(IssuedDocument.Hash(html), await VerifiedHashAsync(direction.VerificationCode));
        Assert.NotNull((await StoredAsync(direction.Id)).RenderedAt);
        // A check before the worker renders too (a registration document nobody downloaded).
        var receipt = documents.First(d => d.Kind == DocumentKind.DocumentsReceipt);
        var checkedFirst = await VerifiedHashAsync(receipt.VerificationCode, "Kk");
        Assert.Equal((await StoredAsync(receipt.Id)).Sha256Kk, checkedFirst);

        // The worker renders the rest, once; what it writes is what a download would have written.
        Assert.Equal(7, await RenderPendingAsync());
        Assert.Equal(0, await RenderPendingAsync());
        await Kezek.WithDbAsync(db => db.Documents.Where(d => d.Id == direction.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ContentRu, (string?)null)
            .SetProperty(d => d.ContentKk, (string?)null).SetProperty(d => d.Sha256Ru, (string?)null).SetProperty(d => d.Sha256Kk, (string?)null)
            .SetProperty(d => d.RenderedAt, (DateTime?)null)));
        Assert.Equal(1, await RenderPendingAsync());
        var rendered = await StoredAsync(direction.Id);
        Assert.Equal(html, rendered.ContentRu);
        Assert.Equal(IssuedDocument.Hash(html), await VerifiedHashAsync(direction.VerificationCode));
        using var after = await DownloadAsync(direction.Id.ToString(), queue.Mother);
        Assert.Equal(html, await after.Content.ReadAsStringAsync());
        foreach (var document in documents)
        {
            var stored = await StoredAsync(document.Id);
            Assert.Equal(IssuedDocument.Hash(stored.ContentRu!), stored.Sha256Ru);
            Assert.Equal(IssuedDocument.Hash(stored.ContentKk!), await VerifiedHashAsync(document.VerificationCode, "Kk"));
        }
    }

    [Fact]
    public async Task Workers_side_by_side_render_every_document_exactly_once()
    {
        await new Queues(Kezek).WithChildrenAsync(6);
        var issued = await Kezek.WithDbAsync(db => db.Documents.CountAsync());
        Assert.Equal(24, issued);

        var rendered = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = 0;
            for (var round = 0; round < 20; round++)
                mine += await RenderPendingAsync(batchSize: 5);
            return mine;
        })));

        // Each render follows its own claim: a document rendered twice would count twice.
        Assert.Equal(issued, rendered.Sum());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Documents.CountAsync(d => d.RenderedAt == null || d.ContentKk == null)));
    }

    [Fact]
    public async Task A_worker_that_dies_between_its_claim_and_the_rendering_is_taken_over_once_its_claim_passes()
    {
        await new Queues(Kezek).WithChildrenAsync(1);
        var documents = await Kezek.WithDbAsync(db => db.Documents.AsNoTracking().Select(d => d.Id).ToListAsync());
        // Claimed, then nothing: the instance died.
        var lost = documents[0];
        var until = Kezek.Clock.GetUtcNow().UtcDateTime + DocumentRendering.Lease;
        await Kezek.WithDbAsync(db => db.Documents.Where(d => d.Id == lost).ExecuteUpdateAsync(s => s.SetProperty(d => d.RenderClaimedUntil, until)));

        Assert.Equal(3, await RenderPendingAsync());
        Assert.Null((await StoredAsync(lost)).RenderedAt);
        Kezek.Clock.Advance(DocumentRendering.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RenderPendingAsync());
        var taken = await StoredAsync(lost);
        Assert.NotNull(taken.RenderedAt);
        Assert.Null(taken.RenderClaimedUntil);
        Assert.Equal(IssuedDocument.Hash(taken.ContentRu!), taken.Sha256Ru);
        Assert.Equal(0, await RenderPendingAsync());
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
        Assert.Contains(Queues.ChildName(0), html, StringComparison.Ordinal);
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

    [Fact]
    public async Task A_document_prints_its_verification_address_with_a_QR_code_and_words_not_codes_in_each_language()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        var documents = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { documents { id kind verificationCode } } }",
            new { n = queue.Numbers[0] }, queue.Mother)).Ok().GetProperty("application").GetProperty("documents").EnumerateArray().ToList();
        foreach (var document in documents)
        {
            var code = document.GetProperty("verificationCode").GetString()!;
            var address = "https://kezek.example.kz/verify/" + code;
            var qr = global::Kezek.Workflows.Documents.DocumentWriter.QrDataUri(address);
            foreach (var language in new[] { "ru", "kk" })
            {
                using var response = await DownloadAsync(document.GetProperty("id").GetString()!, queue.Mother, language);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains($"<img src=\"{qr}\"", html, StringComparison.Ordinal);
                Assert.Contains(address, html, StringComparison.Ordinal);
                Assert.DoesNotContain(">None<", html, StringComparison.Ordinal);
                Assert.Contains(language == "kk" ? ">Жалпы<" : ">Общая<", html, StringComparison.Ordinal);
            }
        }

        var direction = documents.Single(d => d.GetProperty("kind").GetString() == "DIRECTION").GetProperty("id").GetString()!;
        using (var kazakh = await DownloadAsync(direction, queue.Mother, "kk"))
        {
            var kk = await kazakh.Content.ReadAsStringAsync();
            Assert.Contains(">қазақ тілі<", kk, StringComparison.Ordinal);
            Assert.Contains(">№ 1 «Балапан» бөбекжай-бақшасы<", kk, StringComparison.Ordinal);
            Assert.Contains(">Алматы қ., Самал-2 ш.а., 58<", kk, StringComparison.Ordinal);
            foreach (var code in new[] { "None", ">kk<", ">ru<", "мкр. Самал", "Ясли-сад" })
                Assert.DoesNotContain(code, kk, StringComparison.Ordinal);
        }

        using var russian = await DownloadAsync(direction, queue.Mother, "ru");
        var ru = await russian.Content.ReadAsStringAsync();
        Assert.Contains(">казахский<", ru, StringComparison.Ordinal);
        Assert.Contains(">г. Алматы, мкр. Самал-2, 58<", ru, StringComparison.Ordinal);
        foreach (var code in new[] { "None", ">kk<", ">ru<", "ш.а.", "бөбекжай" })
            Assert.DoesNotContain(code, ru, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DocumentsOnSqlite(SqliteKezek kezek) : DocumentTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class DocumentsOnPostgres(PostgresKezek kezek) : DocumentTests(kezek);
