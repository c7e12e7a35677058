using System.Globalization;
using System.Text.Json;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// Kindergarten intake: staff list the children directed to them, enrol or refuse with a reason, and see only what
/// intake needs (never the application, its history, signed XML or documents). Clock: 2026-09-01 09:00 Almaty time.
/// </summary>
public abstract class IntakeTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static readonly string StaffIin = TestStaff.Iin;

    private const string IntakeSelection = """
        id status statusName issuedAt expiresAt lastDayToEnrol endedAt language
        child { fullName birthDate groupYear } applicant { fullName phone email }
        """;

    private Task<string> StaffAsync(Queues queue, string bin = Queues.KindergartenBin) => TestStaff.SignInAsync(Kezek, queue.Api, bin);

    private static Task<GraphQLResponse> ListAsync(Queues queue, string? token, Guid kindergarten, string? status = null) =>
        queue.Api.PostAsync($"query($k: ID!, $s: DirectionStatus) {{ kindergartenDirections(kindergartenId: $k, status: $s) {{ {IntakeSelection} }} }}",
            new { k = kindergarten, s = status }, token);

    private static Task<GraphQLResponse> RefuseAsync(Queues queue, string token, string direction, string reason, string selection = "direction { status } application { number } intake { id status }") =>
        queue.Api.PostAsync($"mutation($d: ID!, $r: String!) {{ refuseEnrollment(directionId: $d, reason: $r) {{ {selection} }} }}",
            new { d = direction, r = reason }, token);

    [Fact]
    public async Task Staff_list_their_intake_enrol_from_it_and_refuse_with_a_reason_seeing_only_what_intake_needs()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        await queue.PublishAsync(3, mode: "FREE_CHOICE");
        var directions = new List<string>();
        foreach (var number in queue.Numbers.Take(2))
            directions.Add(Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE"))));
        var staff = await StaffAsync(queue);

        // The list: both children, the last day to enrol (the 5th working day), the family's contact; nothing else.
        var list = (await ListAsync(queue, staff, Queues.KindergartenId, "ISSUED")).Ok().GetProperty("kindergartenDirections");
        Assert.Equal(2, list.GetArrayLength());
        var first = list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == directions[0]);
        Assert.Equal(Queues.ChildName(0), first.GetProperty("child").GetProperty("fullName").GetString());
        Assert.Equal(2022, first.GetProperty("child").GetProperty("groupYear").GetInt32());
        Assert.Equal("2022-01-01", first.GetProperty("child").GetProperty("birthDate").GetString());
        Assert.Equal("2026-09-08", first.GetProperty("lastDayToEnrol").GetString());
        Assert.Equal("2026-09-09T00:00:00+05:00", first.GetProperty("expiresAt").GetString());
        Assert.Equal("KK", first.GetProperty("language").GetString());
        Assert.Equal("АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ", first.GetProperty("applicant").GetProperty("fullName").GetString());
        Assert.StartsWith("+77", first.GetProperty("applicant").GetProperty("phone").GetString(), StringComparison.Ordinal);
        Assert.Empty((await ListAsync(queue, staff, Queues.KindergartenId, "ENROLLED")).Ok().GetProperty("kindergartenDirections").EnumerateArray());

        // Another kindergarten's list is refused; a parent and an anonymous caller are stopped at the gate; an unknown one is named.
        Assert.Equal("FORBIDDEN", (await ListAsync(queue, staff, Queues.OtherKindergartenId)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await ListAsync(queue, queue.Mother, Queues.KindergartenId)).ErrorCode);
        Assert.NotNull((await ListAsync(queue, null, Queues.KindergartenId)).ErrorCode);
        Assert.Equal("UNKNOWN_KINDERGARTEN", (await ListAsync(queue, staff, Guid.NewGuid())).ErrorCode);
        Assert.Equal("INVALID_INPUT", (await queue.Api.PostAsync("{ kindergartenDirections(kindergartenId: \"x\") { id } }", token: staff)).ErrorCode);

        // The region's operator sees the same list; another region's operator does not.
        Assert.Equal(2, (await ListAsync(queue, queue.Operator, Queues.KindergartenId)).Ok().GetProperty("kindergartenDirections").GetArrayLength());
        (await queue.Api.PostAsync("mutation($iin: String!) { grantRole(iin: $iin, role: OPERATOR, region: \"astana\") { id } }",
            new { iin = TestPeople.AstanaOperatorIin }, await queue.Api.SignInAsync(People.Administrator))).Ok();
        var astana = await queue.Api.SignInAsync(People.AstanaOperator);
        Assert.Equal("FORBIDDEN", (await ListAsync(queue, astana, Queues.KindergartenId)).ErrorCode);

        // Staff enrol from the list: the payload gives them the intake view, never the application.
        var enrolled = (await queue.Api.PostAsync($"mutation($d: ID!) {{ enrollChild(directionId: $d) {{ direction {{ status }} application {{ number history {{ signedXml }} }} intake {{ {IntakeSelection} }} }} }}",
            new { d = directions[0] }, staff)).Ok().GetProperty("enrollChild");
        Assert.Equal(JsonValueKind.Null, enrolled.GetProperty("application").ValueKind);
        Assert.Equal("ENROLLED", enrolled.GetProperty("intake").GetProperty("status").GetString());
        Assert.Equal("ENROLLED", enrolled.GetProperty("direction").GetProperty("status").GetString());

        // Refusing needs a reason; nothing changes without one.
        Assert.Equal("REASON_REQUIRED", (await RefuseAsync(queue, staff, directions[1], "  ")).ErrorCode);
        Assert.Equal("INVALID_INPUT", (await RefuseAsync(queue, staff, directions[1], new string('я', 2001))).ErrorCode);
        Assert.Equal("DIRECTION_NOT_FOUND", (await RefuseAsync(queue, astana, directions[1], "Не явился")).ErrorCode);
        Assert.Equal("DIRECTION_NOT_FOUND", (await RefuseAsync(queue, staff, Guid.NewGuid().ToString(), "Не явился")).ErrorCode);
        Assert.Equal("ISSUED", (await queue.ApplicationAsync(queue.Numbers[1])).GetProperty("directions")[0].GetProperty("status").GetString());

        var refused = (await RefuseAsync(queue, staff, directions[1], "Не явился, документы не принесены")).Ok().GetProperty("refuseEnrollment");
        Assert.Equal("REFUSED", refused.GetProperty("direction").GetProperty("status").GetString());
        Assert.Equal("REFUSED", refused.GetProperty("intake").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("application").ValueKind);
        Assert.Equal("ACTION_NOT_AVAILABLE", (await RefuseAsync(queue, staff, directions[1], "Ещё раз")).ErrorCode);
        Assert.Equal("ACTION_NOT_AVAILABLE", (await queue.Api.PostAsync("mutation($d: ID!) { enrollChild(directionId: $d) { direction { status } } }",
            new { d = directions[1] }, staff)).ErrorCode);

        // The family sees the refusal like an expiry: the stop-list, the reason in the history, a message in its language.
        var second = await queue.ApplicationAsync(queue.Numbers[1]);
        Assert.Equal("StopListed", second.GetProperty("state").GetString());
        Assert.Equal(1, second.GetProperty("expirations").GetInt32());
        var last = second.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("RefuseEnrollment", last.GetProperty("action").GetString());
        Assert.Equal("KindergartenStaff", last.GetProperty("actorRole").GetString());
        Assert.Equal("Не явился, документы не принесены", last.GetProperty("reason").GetString());
        var words = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { directions { statusName } history { actionName } } }",
            new { n = queue.Numbers[1] }, queue.Mother, "kk")).Ok().GetProperty("application");
        Assert.Equal("Қабылдаудан бас тартылды", words.GetProperty("directions")[0].GetProperty("statusName").GetString());
        Assert.Equal("Балабақшаға қабылдаудан бас тарту", words.GetProperty("history").EnumerateArray().Last().GetProperty("actionName").GetString());
        var notes = await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Template == "enrollment-refused").ToListAsync());
        Assert.Equal(3, notes.Count);
        Assert.All(notes, n => Assert.Contains("Не явился, документы не принесены", n.Data, StringComparison.Ordinal));
        Assert.Equal(["Enroll", "RefuseEnrollment"], await Kezek.WithDbAsync(db => db.StaffActions
            .Where(a => a.Action == "Enroll" || a.Action == "RefuseEnrollment").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));

        // Staff read no application through any query: not by number, not in the journal.
        Assert.Equal(JsonValueKind.Null, (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { number } }",
            new { n = queue.Numbers[0] }, staff)).Ok().GetProperty("application").ValueKind);
        Assert.Equal(0, (await queue.Api.PostAsync("{ applications { totalCount } }", token: staff)).Ok().GetProperty("applications").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_intake_types_carry_no_history_signed_xml_documents_iins_or_queue()
    {
        var api = Kezek.Api();
        var forbidden = new[] { "history", "signedXml", "documents", "iin", "queueNumber", "application", "parents", "number" };
        foreach (var type in new[] { "IntakeDirection", "IntakeChild", "IntakeContact" })
        {
            var fields = (await api.PostAsync("query($t: String!) { __type(name: $t) { fields { name } } }", new { t = type })).Ok()
                .GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
            Assert.NotEmpty(fields);
            Assert.Empty(fields.Intersect(forbidden));
        }
    }

    [Fact]
    public async Task The_operator_enrolling_keeps_the_application_and_a_second_refusal_removes_it()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(2, mode: "FREE_CHOICE");
        var number = queue.Numbers[0];
        var first = Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        var refused = (await RefuseAsync(queue, queue.Operator, first, "Не явился", "application { number status } intake { status }")).Ok().GetProperty("refuseEnrollment");
        Assert.Equal(number, refused.GetProperty("application").GetProperty("number").GetString());

        // After the stop-list the next direction is refused too: the second unused direction removes the application.
        await queue.MoveClockAsync(new DateTimeOffset(2026, 9, 16, 0, 1, 0, TimeSpan.FromHours(5)));
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var second = Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        var removed = (await RefuseAsync(queue, queue.Operator, second, "Документы не принесены", "application { status } intake { status }")).Ok().GetProperty("refuseEnrollment");
        Assert.Equal("REMOVED", removed.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.Notifications.CountAsync(n => n.Template == "enrollment-refused-removed" && n.Channel == Core.Notifications.Channel.Email)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntakeOnSqlite(SqliteKezek kezek) : IntakeTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class IntakeOnPostgres(PostgresKezek kezek) : IntakeTests(kezek);
