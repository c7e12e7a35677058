using System.Text.Json;
using Kezek.Core.Applications;
using Kezek.Core.Iins;
using Kezek.Core.Lifecycle;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Benefits;

/// <summary>
/// Benefits (льготы): claimed at registration with their document, confirmed or rejected by the region's operator with a
/// signed action, lapsing on their last day by their own timer; and the explained position (ahead by category, the
/// numbers of the past). Clock: Tuesday 2026-09-01 09:00 Almaty time (UTC+5).
/// </summary>
public abstract class BenefitTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string DocumentType = "Справка МСЭ об инвалидности";
    private const string DocumentNumber = "МСЭ-2026-000042";
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    private const string ApplicationSelection = """
        number status queueNumber benefitQueueNumber benefitCategory claimedBenefitCategory queuedAt
        benefitClaim { category documentType documentNumber }
        benefit { category evidence validUntil confirmedAt }
        queueAhead { outOfTurn priority general total }
        history { action actionName actorIin actorRole reason signedXml queueNumberBefore queueNumberAfter benefitCategory evidence }
        """;

    /// <summary>The mother's children (born 2024), an operator of Almaty and one of Astana.</summary>
    private sealed class Day(KezekFactory kezek)
    {
        public GraphQLClient Api { get; } = kezek.Api();
        public IReadOnlyList<string> Children { get; } = Queues.ChildIins(4, new DateOnly(2024, 1, 10));
        public string Mother { get; set; } = "";
        public string Operator { get; set; } = "";
        public string AstanaOperator { get; set; } = "";

        public async Task<Day> StartAsync()
        {
            await Api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
                Children.Select((iin, i) => $"{iin},{Queues.ChildName(i)},{Iin.Parse(iin).Value.BirthDate:yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER")));
            var admin = await Api.SignInAsync(kezek.People.Administrator);
            const string grant = "mutation($iin: String!, $region: String!) { grantRole(iin: $iin, role: OPERATOR, region: $region) { id } }";
            (await Api.PostAsync(grant, new { iin = TestPeople.OperatorIin, region = "almaty" }, admin)).Ok();
            (await Api.PostAsync(grant, new { iin = TestPeople.AstanaOperatorIin, region = "astana" }, admin)).Ok();
            await SignInAsync();
            return this;
        }

        public async Task SignInAsync()
        {
            Mother = await Api.SignInAsync(kezek.People.Mother);
            Operator = await Api.SignInAsync(kezek.People.Operator);
            AstanaOperator = await Api.SignInAsync(kezek.People.AstanaOperator);
        }

        public async Task<string> RegisterAsync(int child, string benefit = "NONE")
        {
            var input = GraphQLClient.RegistrationInput(Children[child], benefit: benefit);
            if (benefit != "NONE")
            {
                input["benefitDocumentType"] = DocumentType;
                input["benefitDocumentNumber"] = DocumentNumber;
            }

            var number = (await Api.RegisterAsync(kezek.People.Mother, Mother, input)).Ok().GetProperty("registerApplication").GetProperty("application")
                .GetProperty("number").GetString()!;
            kezek.Clock.Advance(TimeSpan.FromMinutes(1));
            return number;
        }

        /// <summary>An operator's signed action: signed by <paramref name="signer"/>, sent with <paramref name="token"/>.</summary>
        public async Task<GraphQLResponse> ActAsync(string mutation, string inputType, Dictionary<string, string> input, TestPerson? signer = null,
            string? token = null)
        {
            token ??= Operator;
            var signed = GraphQLClient.Sign(signer ?? kezek.People.Operator, mutation, await Api.NonceAsync(token), input);
            return await Api.PostAsync($"mutation($input: {inputType}!, $x: String!) {{ {mutation}(input: $input, signedXml: $x) {{ application {{ {ApplicationSelection} }} }} }}",
                new { input = input.ToDictionary(p => p.Key, p => (object)p.Value), x = signed }, token);
        }

        public static Dictionary<string, string> Confirmation(string number, string category = "PRIORITY", string? validUntil = null,
            string reason = "Документ проверен в МСЭ")
        {
            var input = new Dictionary<string, string>
            {
                ["applicationNumber"] = number,
                ["category"] = category,
                ["evidence"] = $"{DocumentType} № {DocumentNumber} от 01.08.2026",
                ["reason"] = reason,
            };
            if (validUntil is not null)
                input["validUntil"] = validUntil;
            return input;
        }

        public Task<GraphQLResponse> ConfirmAsync(Dictionary<string, string> input, TestPerson? signer = null, string? token = null) =>
            ActAsync("confirmBenefit", "ConfirmBenefitInput", input, signer, token);

        public Task<GraphQLResponse> RejectAsync(string number, string reason = "Документ не подтверждает льготу") =>
            ActAsync("rejectBenefit", "RejectBenefitInput", new Dictionary<string, string> { ["applicationNumber"] = number, ["reason"] = reason });

        public async Task<JsonElement> ApplicationAsync(string number, string? token = null) =>
            (await Api.PostAsync($"query($n: String!) {{ application(number: $n) {{ {ApplicationSelection} }} }}", new { n = number }, token ?? Operator))
            .Ok().GetProperty("application");

        public async Task<JsonElement> PositionAsync(int child) =>
            (await Api.PostAsync("""
                query($iin: String!) { queuePosition(region: "almaty", childIin: $iin) {
                  queueNumber benefitQueueNumber ahead { outOfTurn priority general total } pastQueueNumbers { daysAgo queueNumber } } }
                """, new { iin = Children[child] })).Ok().GetProperty("queuePosition")[0];

        public async Task<JsonElement> StatisticsAsync() =>
            (await Api.PostAsync("{ statistics(region: \"almaty\") { total outOfTurn priority general } }")).Ok().GetProperty("statistics");
    }

    private static int Number(JsonElement application) => application.GetProperty("queueNumber").GetInt32();

    private Task<List<WorkflowTimer>> BenefitTimersAsync() =>
        Kezek.WithDbAsync(db => db.WorkflowTimers.AsNoTracking().Where(t => t.Kind == TimerKind.BenefitLapse).ToListAsync());

    private Task<List<string>> BenefitNotificationsAsync() =>
        Kezek.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template.StartsWith("benefit-")).Select(n => n.Template + "/" + n.Language)
            .Distinct().ToListAsync());

    [Fact]
    public async Task An_operators_day_a_claimed_priority_benefit_confirmed_signed_moves_the_later_child_ahead_to_its_turn_and_enrolment()
    {
        var day = await new Day(Kezek).StartAsync();
        var first = await day.RegisterAsync(0);

        // A claimed benefit names its document, and a claim of none names none: nothing is written otherwise.
        var noDocument = await day.Api.RegisterAsync(People.Mother, day.Mother, GraphQLClient.RegistrationInput(day.Children[1], benefit: "PRIORITY"));
        Assert.Equal("BENEFIT_DOCUMENT_REQUIRED", noDocument.ErrorCode);
        var stray = GraphQLClient.RegistrationInput(day.Children[1]);
        stray["benefitDocumentNumber"] = DocumentNumber;
        Assert.Equal("INVALID_INPUT", (await day.Api.RegisterAsync(People.Mother, day.Mother, stray)).ErrorCode);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.Applications.CountAsync()));

        var later = await day.RegisterAsync(1, "PRIORITY");
        var claimed = await day.ApplicationAsync(later);
        Assert.Equal(2, Number(claimed));
        Assert.Equal("NONE", claimed.GetProperty("benefitCategory").GetString());
        Assert.Equal("PRIORITY", claimed.GetProperty("benefitClaim").GetProperty("category").GetString());
        Assert.Equal(DocumentType, claimed.GetProperty("benefitClaim").GetProperty("documentType").GetString());
        Assert.Equal(DocumentNumber, claimed.GetProperty("benefitClaim").GetProperty("documentNumber").GetString());
        Assert.Equal(JsonValueKind.Null, claimed.GetProperty("benefit").ValueKind);
        Assert.Equal(0, (await day.StatisticsAsync()).GetProperty("priority").GetInt32());

        // The family reads Kazakh.
        (await day.Api.PostAsync("mutation { updateContactPreferences(email: \"aigerim@mail.kz\", language: KK) { iin } }", token: day.Mother)).Ok();

        var confirmed = (await day.ConfirmAsync(Day.Confirmation(later))).Ok().GetProperty("confirmBenefit").GetProperty("application");
        Assert.Equal(1, Number(confirmed));
        Assert.Equal("PRIORITY", confirmed.GetProperty("benefitCategory").GetString());
        var benefit = confirmed.GetProperty("benefit");
        Assert.Equal("PRIORITY", benefit.GetProperty("category").GetString());
        Assert.Contains(DocumentNumber, benefit.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, benefit.GetProperty("validUntil").ValueKind);
        var entry = confirmed.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("BenefitConfirmed", entry.GetProperty("action").GetString());
        Assert.Equal("Льгота подтверждена оператором", (await day.Api.PostAsync($"{{ application(number: \"{later}\") {{ history {{ actionName }} }} }}",
            token: day.Operator, language: "ru")).Ok().GetProperty("application").GetProperty("history").EnumerateArray().Last().GetProperty("actionName").GetString());
        Assert.Equal("OPERATOR", entry.GetProperty("actorRole").GetString(), ignoreCase: true);
        Assert.Equal(TestPeople.OperatorIin, entry.GetProperty("actorIin").GetString());
        Assert.Equal(2, entry.GetProperty("queueNumberBefore").GetInt32());
        Assert.Equal(1, entry.GetProperty("queueNumberAfter").GetInt32());
        Assert.Equal("PRIORITY", entry.GetProperty("benefitCategory").GetString());
        Assert.Contains(DocumentNumber, entry.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("<name>confirmBenefit</name>", entry.GetProperty("signedXml").GetString(), StringComparison.Ordinal);
        Assert.Equal("Документ проверен в МСЭ", entry.GetProperty("reason").GetString());

        // The earlier child is now second; its family sees why, as counts only.
        Assert.Equal(2, Number(await day.ApplicationAsync(first)));
        var position = await day.PositionAsync(0);
        Assert.Equal(2, position.GetProperty("queueNumber").GetInt32());
        Assert.Equal(1, position.GetProperty("ahead").GetProperty("priority").GetInt32());
        Assert.Equal(0, position.GetProperty("ahead").GetProperty("general").GetInt32());
        Assert.Equal(0, (await day.PositionAsync(1)).GetProperty("ahead").GetProperty("total").GetInt32());

        var statistics = await day.StatisticsAsync();
        Assert.Equal((2, 0, 1, 1), (statistics.GetProperty("total").GetInt32(), statistics.GetProperty("outOfTurn").GetInt32(),
            statistics.GetProperty("priority").GetInt32(), statistics.GetProperty("general").GetInt32()));

        // Notified in Kazakh, in the same transaction; the staff action is audited.
        Assert.Contains("benefit-confirmed/kk", await BenefitNotificationsAsync());
        var cabinet = (await day.Api.PostAsync("{ notifications { subject } }", token: day.Mother)).Ok().GetProperty("notifications");
        Assert.Equal("Жеңілдік расталды", cabinet[0].GetProperty("subject").GetString());
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == HistoryActions.BenefitConfirmed)));
        Assert.Empty(await BenefitTimersAsync()); // no last day, no timer

        // The rest of the operator's day: a seat of 2024 is published to the queue; the turn comes to the child moved ahead,
        // the family chooses and signs, the kindergarten's intake list shows the child, and its staff enrol it.
        await Queues.AddKindergartensAsync(Kezek);
        (await day.Api.PostAsync("mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { notified } }",
            new { input = new { kindergartenId = Queues.KindergartenId, groupYear = 2024, language = "KK", count = 1, mode = "QUEUE" } }, day.Operator)).Ok();
        Assert.Equal("NOTIFIED", (await day.ApplicationAsync(later)).GetProperty("status").GetString());
        Assert.Equal("QUEUED", (await day.ApplicationAsync(first)).GetProperty("status").GetString());
        var place = (await day.Api.PostAsync("{ freePlaces(region: \"almaty\", groupYear: 2024) { placeId } }")).Ok().GetProperty("freePlaces")[0]
            .GetProperty("placeId").GetString()!;
        var choice = new Dictionary<string, string> { ["applicationNumber"] = later, ["placeId"] = place };
        var chosen = (await day.Api.PostAsync("mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id status } } }",
            new { input = choice.ToDictionary(p => p.Key, p => (object)p.Value), x = GraphQLClient.Sign(People.Mother, "chooseKindergarten",
                await day.Api.NonceAsync(day.Mother), choice) }, day.Mother)).Ok().GetProperty("chooseKindergarten").GetProperty("direction");
        var staff = await TestStaff.SignInAsync(Kezek, day.Api);
        var intake = (await day.Api.PostAsync("query($k: ID!) { kindergartenDirections(kindergartenId: $k, status: ISSUED) { id child { fullName } } }",
            new { k = Queues.KindergartenId }, staff)).Ok().GetProperty("kindergartenDirections");
        Assert.Equal(chosen.GetProperty("id").GetString(), intake.EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(Queues.ChildName(1), intake[0].GetProperty("child").GetProperty("fullName").GetString());
        Assert.Equal("ENROLLED", (await day.Api.PostAsync("mutation($d: ID!) { enrollChild(directionId: $d) { intake { status } } }",
            new { d = chosen.GetProperty("id").GetString() }, staff)).Ok().GetProperty("enrollChild").GetProperty("intake").GetProperty("status").GetString());
        Assert.Equal("ENROLLED", (await day.ApplicationAsync(later)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_benefit_lapses_at_the_end_of_its_last_day_once_and_the_child_returns_to_its_general_place()
    {
        var day = await new Day(Kezek).StartAsync();
        var first = await day.RegisterAsync(0);
        var later = await day.RegisterAsync(1, "PRIORITY");
        var queuedAt = (await day.ApplicationAsync(later)).GetProperty("queuedAt").GetString();
        var lastDay = new DateOnly(2026, 9, 11);
        var confirmed = (await day.ConfirmAsync(Day.Confirmation(later, validUntil: "2026-09-11"))).Ok().GetProperty("confirmBenefit").GetProperty("application");
        Assert.Equal("2026-09-11", confirmed.GetProperty("benefit").GetProperty("validUntil").GetString());
        Assert.Equal(1, Number(confirmed));
        var timer = Assert.Single(await BenefitTimersAsync());
        Assert.Equal(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), Almaty).UtcDateTime, timer.DueAt);

        // A lifecycle transition (the turn comes to her) cancels the state's timers, not the benefit's.
        var queue = new Queues(Kezek);
        await Kezek.WithDbAsync(db =>
        {
            db.Kindergartens.Add(new Core.Regions.Kindergarten(Queues.KindergartenId, "almaty", Queues.KindergartenBin, "Ясли-сад № 1 «Балапан»",
                "№ 1 «Балапан» бөбекжай-бақшасы", "Самал-2, 58", "kk,ru", Core.Regions.Ownership.State));
            return db.SaveChangesAsync();
        });
        (await day.Api.PostAsync("""
            mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { notified } }
            """, new { input = new { kindergartenId = Queues.KindergartenId, groupYear = 2024, language = "KK", count = 1, mode = "QUEUE" } }, day.Operator)).Ok();
        var notified = await day.ApplicationAsync(later);
        Assert.Equal("NOTIFIED", notified.GetProperty("status").GetString());
        Assert.Equal(TimerStatus.Pending, Assert.Single(await BenefitTimersAsync()).Status);

        // The last day still counts, to its very end (the missed choice sends her back to the queue meanwhile).
        Kezek.Clock.Set(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59)), Almaty));
        await queue.SweepAsync();
        var stillPriority = await day.ApplicationAsync(later, await day.Api.SignInAsync(People.Operator));
        Assert.Equal("PRIORITY", stillPriority.GetProperty("benefitCategory").GetString());
        Assert.Equal("QUEUED", stillPriority.GetProperty("status").GetString());
        Assert.Equal(1, Number(stillPriority));

        Kezek.Clock.Set(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(new TimeOnly(0, 0, 1)), Almaty));
        await queue.SweepAsync();
        await queue.SweepAsync(); // a second sweep (another instance) finds nothing left
        await day.SignInAsync();
        var lapsed = await day.ApplicationAsync(later);
        Assert.Equal("NONE", lapsed.GetProperty("benefitCategory").GetString());
        Assert.Equal(JsonValueKind.Null, lapsed.GetProperty("benefit").ValueKind);
        Assert.Equal(2, Number(lapsed));
        Assert.Equal(1, Number(await day.ApplicationAsync(first)));
        Assert.Equal(queuedAt, lapsed.GetProperty("queuedAt").GetString());
        var entry = lapsed.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("action").GetString() == "BenefitLapsed");
        Assert.Equal("SYSTEM", entry.GetProperty("actorRole").GetString(), ignoreCase: true);
        Assert.Equal(1, entry.GetProperty("queueNumberBefore").GetInt32());
        Assert.Equal(2, entry.GetProperty("queueNumberAfter").GetInt32());
        Assert.Equal(TimerStatus.Fired, Assert.Single(await BenefitTimersAsync()).Status);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.HistoryEntries.CountAsync(h => h.Action == HistoryActions.BenefitLapsed)));
        Assert.Contains("benefit-lapsed/ru", await BenefitNotificationsAsync());
        var cabinet = (await day.Api.PostAsync("{ notifications { subject } }", token: day.Mother)).Ok().GetProperty("notifications");
        Assert.Equal("Срок действия льготы истёк", cabinet[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task The_operator_rejects_a_claim_with_a_reason_and_the_family_is_told()
    {
        var day = await new Day(Kezek).StartAsync();
        var claimed = await day.RegisterAsync(1, "OUT_OF_TURN");
        var rejected = (await day.RejectAsync(claimed)).Ok().GetProperty("rejectBenefit").GetProperty("application");
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("benefitClaim").ValueKind);
        Assert.Equal("NONE", rejected.GetProperty("claimedBenefitCategory").GetString());
        var entry = rejected.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("BenefitRejected", entry.GetProperty("action").GetString());
        Assert.Equal("Документ не подтверждает льготу", entry.GetProperty("reason").GetString());
        Assert.Equal(1, entry.GetProperty("queueNumberBefore").GetInt32());
        Assert.Equal(1, entry.GetProperty("queueNumberAfter").GetInt32());
        Assert.Contains("benefit-rejected/ru", await BenefitNotificationsAsync());

        // Nothing is left to reject or confirm.
        Assert.Equal("BENEFIT_NOT_CLAIMED", (await day.RejectAsync(claimed)).ErrorCode);
        Assert.Equal("BENEFIT_NOT_CLAIMED", (await day.ConfirmAsync(Day.Confirmation(claimed))).ErrorCode);
    }

    [Fact]
    public async Task Refused_confirmations_answer_their_code_and_write_nothing()
    {
        var day = await new Day(Kezek).StartAsync();
        var claimed = await day.RegisterAsync(1, "PRIORITY");

        Assert.Equal("APPLICATION_NOT_FOUND", (await day.ConfirmAsync(Day.Confirmation(claimed), People.AstanaOperator, day.AstanaOperator)).ErrorCode);
        Assert.Equal("APPLICATION_NOT_FOUND", (await day.ConfirmAsync(Day.Confirmation("ALM.2026.009999.1"))).ErrorCode);
        Assert.Equal("FORBIDDEN", (await day.ConfirmAsync(Day.Confirmation(claimed), People.Mother, day.Mother)).ErrorCode);
        Assert.Equal("SIGNER_MISMATCH", (await day.ConfirmAsync(Day.Confirmation(claimed), People.AstanaOperator)).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await day.ConfirmAsync(Day.Confirmation(claimed, reason: " "))).ErrorCode);
        Assert.Equal("INVALID_INPUT", (await day.ConfirmAsync(Day.Confirmation(claimed, category: "NONE"))).ErrorCode);
        Assert.Equal("BENEFIT_VALID_UNTIL_PASSED", (await day.ConfirmAsync(Day.Confirmation(claimed, validUntil: "2026-08-31"))).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await day.ActAsync("rejectBenefit", "RejectBenefitInput",
            new Dictionary<string, string> { ["applicationNumber"] = claimed, ["reason"] = " " })).ErrorCode);
        Assert.Equal("APPLICATION_NOT_FOUND", (await day.ActAsync("rejectBenefit", "RejectBenefitInput",
            new Dictionary<string, string> { ["applicationNumber"] = claimed, ["reason"] = "Нет документа" }, People.AstanaOperator, day.AstanaOperator)).ErrorCode);
        // The signed fields must be the input's.
        var signed = GraphQLClient.Sign(People.Operator, "confirmBenefit", await day.Api.NonceAsync(day.Operator), Day.Confirmation(claimed, category: "OUT_OF_TURN"));
        Assert.Equal("ACTION_MISMATCH", (await day.Api.PostAsync("mutation($input: ConfirmBenefitInput!, $x: String!) { confirmBenefit(input: $input, signedXml: $x) { application { number } } }",
            new { input = Day.Confirmation(claimed).ToDictionary(p => p.Key, p => (object)p.Value), x = signed }, day.Operator)).ErrorCode);
        // The message is in the reader's language.
        var message = (await day.Api.PostAsync("mutation($input: ConfirmBenefitInput!, $x: String!) { confirmBenefit(input: $input, signedXml: $x) { application { number } } }",
            new { input = Day.Confirmation(claimed, validUntil: "2026-08-31").ToDictionary(p => p.Key, p => (object)p.Value),
                x = GraphQLClient.Sign(People.Operator, "confirmBenefit", await day.Api.NonceAsync(day.Operator), Day.Confirmation(claimed, validUntil: "2026-08-31")) },
            day.Operator, language: "kk")).ErrorMessage;
        Assert.Contains("Жеңілдіктің", message, StringComparison.Ordinal);

        var application = await day.ApplicationAsync(claimed);
        Assert.Equal("NONE", application.GetProperty("benefitCategory").GetString());
        Assert.Equal("PRIORITY", application.GetProperty("benefitClaim").GetProperty("category").GetString());
        Assert.Equal(["Registered"], application.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Empty(await BenefitTimersAsync());
        Assert.Empty(await BenefitNotificationsAsync());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action.StartsWith("Benefit"))));

        // The same operator, signing correctly, may then confirm it.
        (await day.ConfirmAsync(Day.Confirmation(claimed))).Ok();
    }

    [Fact]
    public async Task The_position_is_explained_by_category_and_by_the_numbers_of_the_past()
    {
        var day = await new Day(Kezek).StartAsync();
        var start = Kezek.Clock.GetUtcNow();
        var a = await day.RegisterAsync(0);
        var b = await day.RegisterAsync(1, "PRIORITY");
        var c = await day.RegisterAsync(2);
        Kezek.Clock.Set(start.AddDays(200));
        await day.SignInAsync();
        var d = await day.RegisterAsync(3, "OUT_OF_TURN");
        Kezek.Clock.Set(start.AddDays(300));
        await day.SignInAsync();
        (await day.ConfirmAsync(Day.Confirmation(b))).Ok();
        Kezek.Clock.Set(start.AddDays(335));
        await day.SignInAsync();
        var outOfTurn = (await day.ConfirmAsync(Day.Confirmation(d, "OUT_OF_TURN"))).Ok().GetProperty("confirmBenefit").GetProperty("application");
        Assert.Equal(1, Number(outOfTurn));
        var ofC = await day.ApplicationAsync(c);
        Assert.Equal(4, Number(ofC));
        var ahead = ofC.GetProperty("queueAhead");
        Assert.Equal((1, 1, 1, 3), (ahead.GetProperty("outOfTurn").GetInt32(), ahead.GetProperty("priority").GetInt32(), ahead.GetProperty("general").GetInt32(),
            ahead.GetProperty("total").GetInt32()));
        Assert.Equal(a, (await day.Api.PostAsync("query($n: String!) { application(number: $n) { number } }", new { n = a }, day.Operator)).Ok()
            .GetProperty("application").GetProperty("number").GetString());

        // A year and five days after the first registrations: 30 days ago both benefits counted, 90 days ago none did,
        // and 365 days ago the youngest was not yet in the queue.
        Kezek.Clock.Set(start.AddDays(370));
        static List<int?> Past(JsonElement position) =>
            [.. position.GetProperty("pastQueueNumbers").EnumerateArray().Select(p => p.GetProperty("queueNumber").ValueKind == JsonValueKind.Null
                ? (int?)null : p.GetProperty("queueNumber").GetInt32())];
        var days = (await day.PositionAsync(0)).GetProperty("pastQueueNumbers").EnumerateArray().Select(p => p.GetProperty("daysAgo").GetInt32());
        Assert.Equal([30, 90, 365], days);
        Assert.Equal([3, 1, 1], Past(await day.PositionAsync(0)));
        Assert.Equal([2, 2, 2], Past(await day.PositionAsync(1)));
        Assert.Equal([4, 3, 3], Past(await day.PositionAsync(2)));
        Assert.Equal([1, 4, null], Past(await day.PositionAsync(3)));
        var cNow = await day.PositionAsync(2);
        Assert.Equal(4, cNow.GetProperty("queueNumber").GetInt32());
        Assert.Equal(1, cNow.GetProperty("ahead").GetProperty("outOfTurn").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BenefitsOnSqlite(SqliteKezek kezek) : BenefitTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class BenefitsOnPostgres(PostgresKezek kezek) : BenefitTests(kezek);
