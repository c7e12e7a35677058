using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.Core.Applications;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Forecast;
using Kezek.Workflows.Statistics;
using Kezek.Workflows.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// Transfers (issue 18 item 4): enrolled children's families ask, signed, for other kindergartens; a run by the region's
/// operator finds a 3-cycle of swaps and gives a free seat in queue order; nobody moves anywhere they did not ask for, no seat
/// is given twice, two runs at once move each child once, the extract recomputes the outcome, and every refusal writes nothing.
/// </summary>
public abstract class TransferTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static readonly Guid A = Queues.KindergartenId;
    private static readonly Guid B = Queues.OtherKindergartenId;
    private static readonly Guid C = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-0000000000c3");
    private static readonly Guid D = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-0000000000d4");
    private static readonly Guid OnlyOlder = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-0000000000e5");

    private const string Run = """
        mutation($input: RunTransfersInput!) { runTransfers(input: $input) { run { id mode families seats placed seed inputsHash
          outcomes { applicationNumber position kindergartenId choice explanation missedChoices { choice kindergartenId seats takenGeneral } } } } }
        """;

    private async Task<GraphQLResponse> RequestAsync(Queues queue, string number, IReadOnlyList<Guid> ids, IReadOnlyList<Guid>? signedIds = null,
        TestPerson? signer = null, string? token = null)
    {
        token ??= queue.Mother;
        var fields = (signedIds ?? ids).Select(id => new ActionField("kindergartenIds", id.ToString())).Prepend(new ActionField("applicationNumber", number));
        var signed = XmlSigner.Sign(ActionDocument.Action("requestTransfer", await queue.Api.NonceAsync(token), fields), (signer ?? People.Mother).Sign);
        return await queue.Api.PostAsync(
            "mutation($input: RequestTransferInput!, $x: String!) { requestTransfer(input: $input, signedXml: $x) { application { number transferRequest { kindergartens { id } requestedAt } } } }",
            new { input = new { applicationNumber = number, kindergartenIds = ids.Select(id => id.ToString()) }, x = signed }, token);
    }

    private static IEnumerable<string> Requested(GraphQLResponse response) =>
        response.Ok().GetProperty("requestTransfer").GetProperty("application").GetProperty("transferRequest") is { ValueKind: JsonValueKind.Object } request
            ? request.GetProperty("kindergartens").EnumerateArray().Select(k => k.GetProperty("id").GetString()!)
            : [];

    private Task<(int Choices, int History)> WrittenAsync() =>
        Kezek.WithDbAsync(async db => (await db.TransferChoices.CountAsync(), await db.HistoryEntries.CountAsync()));

    /// <summary>The child chooses a free-choice seat of the kindergarten and is enrolled there.</summary>
    private static async Task EnrolAsync(Queues queue, string number, Guid kindergarten)
    {
        var direction = Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE", kindergarten: kindergarten)));
        (await queue.EnrollAsync(direction)).Ok();
    }

    [Fact]
    public async Task Enrolled_children_swap_in_a_cycle_take_free_seats_in_queue_order_and_the_run_is_audited_and_recomputable()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(6);
        var n = queue.Numbers;
        var astana = Guid.NewGuid();
        await Kezek.WithDbAsync(async db =>
        {
            db.Kindergartens.Add(new Kindergarten(C, "almaty", "160140034567", "Детский сад № 3", "№ 3 балабақша", "Алматы", "kk", Ownership.State));
            db.Kindergartens.Add(new Kindergarten(D, "almaty", "160140045678", "Детский сад № 4", "№ 4 балабақша", "Алматы", "kk", Ownership.State));
            db.Kindergartens.Add(new Kindergarten(OnlyOlder, "almaty", "160140056789", "Детский сад № 5", "№ 5 балабақша", "Алматы", "kk", Ownership.State));
            db.KindergartenGroups.Add(new KindergartenGroup(OnlyOlder, 2021, "kk", 20));
            db.Kindergartens.Add(new Kindergarten(astana, "astana", "160140099999", "Детский сад № 5", "№ 5 балабақша", "Астана", "ru", Ownership.State));
            return await db.SaveChangesAsync();
        });

        // Five children enrolled: 0 and 3 at A, 1 and 4 at B, 2 at C; the sixth stays in the queue. D has one free seat.
        await queue.PublishAsync(2, mode: "FREE_CHOICE", kindergarten: A);
        await queue.PublishAsync(2, mode: "FREE_CHOICE", kindergarten: B);
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: C);
        Guid[] enrolledAt = [A, B, C, A, B];
        for (var i = 0; i < enrolledAt.Length; i++)
            await EnrolAsync(queue, n[i], enrolledAt[i]);
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: D);

        // Refusals, each writing nothing.
        var written = await WrittenAsync();
        Assert.Equal("TRANSFER_NOT_AVAILABLE", (await RequestAsync(queue, n[5], [A])).ErrorCode);
        Assert.Equal("TRANSFER_TO_OWN_KINDERGARTEN", (await RequestAsync(queue, n[0], [B, A])).ErrorCode);
        var tooMany = await RequestAsync(queue, n[0], [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())]);
        Assert.Equal("TOO_MANY_RANKED_KINDERGARTENS", tooMany.ErrorCode);
        Assert.Contains("5", tooMany.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("INVALID_INPUT", (await RequestAsync(queue, n[0], [B, B])).ErrorCode);
        Assert.Equal("KINDERGARTEN_NOT_IN_REGION", (await RequestAsync(queue, n[0], [B, astana])).ErrorCode);
        Assert.Equal("KINDERGARTEN_NOT_IN_REGION", (await RequestAsync(queue, n[0], [Guid.NewGuid()])).ErrorCode);
        var noGroup = await RequestAsync(queue, n[0], [B, OnlyOlder]);
        Assert.Equal("TRANSFER_GROUP_NOT_OFFERED", noGroup.ErrorCode);
        Assert.Contains("2022", noGroup.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("ACTION_MISMATCH", (await RequestAsync(queue, n[0], [B, C], signedIds: [C, B])).ErrorCode);
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.Equal("APPLICATION_NOT_FOUND", (await RequestAsync(queue, n[0], [B], signer: People.Stranger, token: stranger)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(
            "mutation($input: RequestTransferInput!) { requestTransfer(input: $input, signedXml: \"<x/>\") { application { number } } }",
            new { input = new { applicationNumber = n[0], kindergartenIds = new[] { B.ToString() } } })).ErrorCode);
        Assert.Equal(written, await WrittenAsync());

        // The requests: a 3-cycle (0: A→B, 1: B→C, 2: C→A) and two asking for D's one seat (3 before 4 in the queue).
        // A request is replaced by the next, and an empty one withdraws it.
        Assert.Equal([C.ToString()], Requested(await RequestAsync(queue, n[4], [C])));
        Assert.Empty(Requested(await RequestAsync(queue, n[4], [])));
        Assert.Equal([D.ToString()], Requested(await RequestAsync(queue, n[4], [D])));
        Assert.Equal([B.ToString(), D.ToString()], Requested(await RequestAsync(queue, n[0], [B, D])));
        Requested(await RequestAsync(queue, n[1], [C]));
        Requested(await RequestAsync(queue, n[2], [A]));
        Requested(await RequestAsync(queue, n[3], [D]));
        var history = (await queue.ApplicationAsync(n[0])).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("TransferRequested", history.GetProperty("action").GetString());
        Assert.Contains($"<kindergartenIds>{B}</kindergartenIds><kindergartenIds>{D}</kindergartenIds>", history.GetProperty("signedXml").GetString(), StringComparison.Ordinal);

        // Who may run: the region's operators and administrators only.
        var input = new { input = new { region = "almaty", groupYear = 2022 } };
        var admin = await queue.Api.SignInAsync(People.Administrator);
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();
        var astanaOperator = await queue.Api.SignInAsync(People.AstanaOperator);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Run, input, astanaOperator)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Run, input, queue.Mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(Run, input)).ErrorCode);
        Assert.Equal("INVALID_GROUP_YEAR", (await queue.Api.PostAsync(Run, new { input = new { region = "almaty", groupYear = 2031 } }, queue.Operator)).ErrorCode);
        Assert.Equal("UNKNOWN_REGION", (await queue.Api.PostAsync(Run, new { input = new { region = "atlantis", groupYear = 2022 } }, admin)).ErrorCode);
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.AllocationRuns.CountAsync()));

        // Two runs at once: one moves the children, the other waits and then finds nothing more to do.
        var runs = await Task.WhenAll(queue.Api.PostAsync(Run, input, queue.Operator), queue.Api.PostAsync(Run, input, admin));
        var both = runs.Select(r => r.Ok().GetProperty("runTransfers").GetProperty("run")).ToList();
        Assert.Equal([(1, 0), (5, 4)], both.Select(r => (r.GetProperty("families").GetInt32(), r.GetProperty("placed").GetInt32())).Order());
        var run = both.Single(r => r.GetProperty("placed").GetInt32() == 4);
        Assert.Equal(("transfer", 1), (run.GetProperty("mode").GetString(), run.GetProperty("seats").GetInt32()));

        // Where everyone is now: the cycle swapped, 3 took D's free seat, 4 stayed; each moved child holds one seat by an enrolled direction.
        var directions = await Kezek.WithDbAsync(db => db.Directions.AsNoTracking().Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => new { a.Number, d })
            .ToListAsync());
        Guid At(int i) => directions.Single(x => x.Number == n[i] && x.d.Status == DirectionStatus.Enrolled).d.KindergartenId;
        Assert.Equal([B, C, A, D, B], Enumerable.Range(0, 5).Select(At));
        Assert.Equal(4, directions.Count(x => x.d.Status == DirectionStatus.Transferred));
        Assert.Equal(9, directions.Count);
        var places = await Kezek.WithDbAsync(db => db.Places.AsNoTracking().ToListAsync());
        var taken = places.Where(p => p.TakenByApplicationId is not null).ToList();
        Assert.Equal(5, taken.Count);
        Assert.Equal(5, taken.Select(p => p.TakenByApplicationId).Distinct().Count());
        foreach (var enrolled in directions.Where(x => x.d.Status == DirectionStatus.Enrolled))
            Assert.Equal(enrolled.d.KindergartenId, taken.Single(p => p.Id == enrolled.d.PlaceId && p.TakenByApplicationId == enrolled.d.ApplicationId).KindergartenId);
        // 3's old seat at A is free again, to free choice; every kindergarten holds no more children than it has seats.
        Assert.Equal([A], places.Where(p => p.TakenByApplicationId is null).Select(p => p.KindergartenId));
        Assert.All(places.Where(p => p.TakenByApplicationId is null), p => Assert.Equal(PlaceMode.FreeChoice, p.Mode));

        // The families of moved children are told, get a document, and their request is met (0 asked B first: nothing left).
        Assert.Equal(4, await Kezek.WithDbAsync(db => db.Notifications.Where(m => m.Template == "transferred").Select(m => m.ApplicationId).Distinct().CountAsync()));
        var first = await queue.ApplicationAsync(n[0]);
        Assert.Equal(["TransferRequested", "Transfer"], first.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).TakeLast(2));
        Assert.Equal("ENROLLED", first.GetProperty("status").GetString());
        Assert.Equal(["ENROLLED", "TRANSFERRED"], first.GetProperty("directions").EnumerateArray().Select(d => d.GetProperty("status").GetString()!).Order());
        Assert.Equal(2, first.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "DIRECTION"));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.TransferChoices.CountAsync()));

        // The family that stayed sees why, in its language: D's one free seat went to a child earlier in the queue; its request stays.
        var card = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { transferRequest { kindergartens { id } } allocationOutcomes { mode kindergartenId choice explanation } } }",
            new { n = n[4] }, queue.Mother, "ru")).Ok().GetProperty("application");
        Assert.Equal(D.ToString(), card.GetProperty("transferRequest").GetProperty("kindergartens")[0].GetProperty("id").GetString());
        var stayed = card.GetProperty("allocationOutcomes").EnumerateArray().First(o => o.GetProperty("explanation").GetString()!.Contains("свободных мест: 1", StringComparison.Ordinal));
        Assert.Equal(B.ToString(), stayed.GetProperty("kindergartenId").GetString());
        Assert.Equal("transfer", stayed.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, stayed.GetProperty("choice").ValueKind);
        Assert.Contains("перевода нет", stayed.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Contains("переведено детей: 1", stayed.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        // The operators' audit: a StaffAction per run, the whole run by id.
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == RunTransfersHandler.StaffActionName)));
        var whole = (await queue.Api.PostAsync("query($id: ID!) { allocationRun(id: $id) { mode placed outcomes { applicationNumber } } }",
            new { id = run.GetProperty("id").GetString() }, queue.Operator)).Ok().GetProperty("allocationRun");
        Assert.Equal(5, whole.GetProperty("outcomes").GetArrayLength());

        // The public extract: anonymised, hashed, and it recomputes to the same outcome; nobody ended anywhere it did not ask for.
        var extract = (await queue.Api.PostAsync("query($id: ID!) { allocationRunExtract(id: $id) { inputsHash json } }", new { id = run.GetProperty("id").GetString() }))
            .Ok().GetProperty("allocationRunExtract");
        var json = extract.GetProperty("json").GetString()!;
        Assert.Equal(extract.GetProperty("inputsHash").GetString(), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant());
        Assert.DoesNotContain(n[0], json, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPeople.MotherIin, json, StringComparison.Ordinal);
        var recomputed = TransferExtract.FromJson(json)!;
        var final = recomputed.Exchange();
        foreach (var outcome in run.GetProperty("outcomes").EnumerateArray())
        {
            var position = outcome.GetProperty("position").GetInt32();
            var family = recomputed.Families[position];
            var ended = recomputed.Kindergartens[final[position]].Id;
            Assert.Equal(ended.ToString(), outcome.GetProperty("kindergartenId").GetString());
            Assert.True(ended == family.Current || family.Ranking.Contains(ended));
            Assert.Equal(At(n.IndexOf(outcome.GetProperty("applicationNumber").GetString()!)), ended);
        }
    }

    private const string Activate = "mutation($n: String!, $j: String!, $r: String!) { activateWorkflow(name: $n, json: $j, reason: $r) { version } }";

    private static string ShippedDirection => File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "workflows", "direction.json"));

    private static JsonElement? TransferAction(JsonElement application) =>
        application.GetProperty("availableActions").EnumerateArray().Where(a => a.GetProperty("action").GetString() == "requestTransfer")
            .Select(a => (JsonElement?)a).SingleOrDefault();

    private static async Task<JsonElement> CardAsync(Queues queue, string number, string token, string language) =>
        (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { availableActions { action allowed code message } } }",
            new { n = number }, token, language)).Ok().GetProperty("application");

    [Fact]
    public async Task A_region_whose_lifecycle_predates_transfers_says_so_on_the_card_and_refuses_the_request_and_the_run_up_front()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        var n = queue.Numbers;
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: A);
        await EnrolAsync(queue, n[0], A);
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: B);
        var admin = await queue.Api.SignInAsync(People.Administrator);

        // With the built-in lifecycle: the enrolled child's family may ask; the operator reading the card may not; a queued child has no such action.
        Assert.True(TransferAction(await CardAsync(queue, n[0], queue.Mother, "ru"))!.Value.GetProperty("allowed").GetBoolean());
        Assert.Equal("FORBIDDEN", TransferAction(await CardAsync(queue, n[0], queue.Operator, "ru"))!.Value.GetProperty("code").GetString());
        Assert.Null(TransferAction(await queue.ApplicationAsync(n[1])));
        Assert.Equal([B.ToString()], Requested(await RequestAsync(queue, n[0], [B])));

        // An older version of the lifecycle, without the Transfer transition (as a deployment seeded before transfers has).
        var older = JsonNode.Parse(ShippedDirection)!;
        var transitions = older["transitions"]!.AsArray();
        transitions.Remove(transitions.Single(t => t!["trigger"]!.GetValue<string>() == "Transfer"));
        Assert.Equal(2, (await queue.Api.PostAsync(Activate, new { n = "direction", j = older.ToJsonString(), r = "Редакция до переводов" }, admin)).Ok()
            .GetProperty("activateWorkflow").GetProperty("version").GetInt32());

        // The card says why, in the reader's language, before anything is signed.
        foreach (var (language, words) in new[] { ("ru", "Kezek Studio"), ("kk", "Kezek Studio"), ("en", "newer version of the lifecycle") })
        {
            var refused = TransferAction(await CardAsync(queue, n[0], queue.Mother, language))!.Value;
            Assert.False(refused.GetProperty("allowed").GetBoolean());
            Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", refused.GetProperty("code").GetString());
            Assert.Contains(words, refused.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("direction", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The request and the run are refused up front, naming the lifecycle and its version; nothing is written.
        var written = await WrittenAsync();
        var request = await RequestAsync(queue, n[0], [B]);
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", request.ErrorCode);
        Assert.Contains("2", request.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", (await RequestAsync(queue, n[1], [B])).ErrorCode);
        var input = new { input = new { region = "almaty", groupYear = 2022 } };
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", (await queue.Api.PostAsync(Run, input, queue.Operator)).ErrorCode);
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", (await queue.Api.PostAsync(Run, input, admin)).ErrorCode);
        // Who may run is decided first: another region's operator, a parent and anonymous learn nothing of the lifecycle.
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Run, input, await queue.Api.SignInAsync(People.AstanaOperator))).ErrorCode);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Run, input, queue.Mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(Run, input)).ErrorCode);
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.Equal("APPLICATION_NOT_FOUND", (await RequestAsync(queue, n[0], [B], signer: People.Stranger, token: stranger)).ErrorCode);
        Assert.Equal(written, await WrittenAsync());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.AllocationRuns.CountAsync()));
        // The request signed while the region transferred may still be withdrawn: nothing the family signed is stuck.
        Assert.Empty(Requested(await RequestAsync(queue, n[0], [])));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.TransferChoices.CountAsync()));

        // The policy office activates the newer version (the shipped file): the family may ask again, and the run moves the child.
        (await queue.Api.PostAsync(Activate, new { n = "direction", j = ShippedDirection, r = "Переводы" }, admin)).Ok();
        Assert.True(TransferAction(await CardAsync(queue, n[0], queue.Mother, "ru"))!.Value.GetProperty("allowed").GetBoolean());
        Requested(await RequestAsync(queue, n[0], [B]));
        var run = (await queue.Api.PostAsync(Run, input, queue.Operator)).Ok().GetProperty("runTransfers").GetProperty("run");
        Assert.Equal(1, run.GetProperty("placed").GetInt32());
        var outcome = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { allocationOutcomes { mode } } }", new { n = n[0] }, queue.Mother))
            .Ok().GetProperty("application").GetProperty("allocationOutcomes")[0];
        Assert.Equal("transfer", outcome.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task A_voucher_region_has_no_transfers_and_says_so()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1, region: "astana");
        var number = queue.Numbers[0];
        await queue.PublishAsync(1);
        (await queue.ActAsync("confirmVoucher", "ConfirmVoucherInput", new Dictionary<string, string> { ["applicationNumber"] = number }, "application { number }")).Ok();
        (await queue.EnrollAsync(Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync("astana"))))).Ok();

        var action = TransferAction(await CardAsync(queue, number, queue.Mother, "en"))!.Value;
        Assert.False(action.GetProperty("allowed").GetBoolean());
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", action.GetProperty("code").GetString());
        Assert.Contains("\"voucher\"", action.GetProperty("message").GetString(), StringComparison.Ordinal);
        var written = await WrittenAsync();
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", (await RequestAsync(queue, number, [Guid.NewGuid()])).ErrorCode);
        Assert.Equal("TRANSFER_NOT_IN_LIFECYCLE", (await queue.Api.PostAsync(Run, new { input = new { region = "astana", groupYear = 2022 } }, queue.Operator)).ErrorCode);
        Assert.Equal(written, await WrittenAsync());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.AllocationRuns.CountAsync()));
    }

    [Fact]
    public async Task A_transfer_is_no_turn_of_the_queue_and_its_direction_document_reads_as_an_enrolment_by_transfer()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var number = queue.Numbers[0];
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: A);
        await EnrolAsync(queue, number, A);
        await queue.PublishAsync(1, mode: "FREE_CHOICE", kindergarten: B);
        Requested(await RequestAsync(queue, number, [B]));
        var run = (await queue.Api.PostAsync(Run, new { input = new { region = "almaty", groupYear = 2022 } }, queue.Operator)).Ok()
            .GetProperty("runTransfers").GetProperty("run");
        Assert.Equal(1, run.GetProperty("placed").GetInt32());
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.Directions.CountAsync()));

        // One turn: the child's own direction; the transfer's is not counted by the public activity nor the forecast's history.
        using (var scope = Kezek.Services.CreateScope())
        {
            var activity = await scope.ServiceProvider.GetRequiredService<ReadQueueActivityHandler>()
                .HandleAsync(new ReadQueueActivity("almaty", 2022, null, null), CancellationToken.None);
            Assert.Equal(1, activity.DirectionsIssued);
            var whole = new TurnsOf("almaty", 2022);
            var atB = new TurnsOf("almaty", 2022, B);
            var turns = await scope.ServiceProvider.GetRequiredService<QueueTurns>()
                .BeforeAsync([whole, atB], Kezek.Clock.GetUtcNow().UtcDateTime.AddMonths(1), CancellationToken.None);
            Assert.Equal(1, turns[whole].Sum(m => m.Turns));
            Assert.Empty(turns[atB]);
        }

        // The new direction's document: transferred and enrolled on the day of the move, no date to come by.
        var id = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { documents { id kind issuedAt } } }", new { n = number }, queue.Mother))
            .Ok().GetProperty("application").GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "DIRECTION")
            .OrderBy(d => d.GetProperty("issuedAt").GetDateTimeOffset()).Last().GetProperty("id").GetString()!;
        foreach (var (lang, transferred, comeBy) in new[] { ("ru", "Зачислен переводом", "Явиться для зачисления до"), ("kk", "Ауыстыру арқылы қабылданды", "Қабылдауға келу мерзімі") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}?lang={lang}&format=html");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", queue.Mother);
            using var response = await Kezek.CreateClient().SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, html);
            Assert.Contains(transferred, html, StringComparison.Ordinal);
            Assert.DoesNotContain(comeBy, html, StringComparison.Ordinal);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TransferOnSqlite(SqliteKezek kezek) : TransferTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class TransferOnPostgres(PostgresKezek kezek) : TransferTests(kezek);
