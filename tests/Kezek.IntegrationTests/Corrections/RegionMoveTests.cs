using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Corrections;

/// <summary>
/// Перевод в другой регион: the family consents, signed; the operator of the application's region moves it, signed and
/// reasoned. Almaty's rules keep an incoming application's queued-at time, Astana's do not.
/// </summary>
public abstract class RegionMoveTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Selection =
        "application { number region { code } status state queueNumber queuedAt history { action actorRole reason signedXml otherRegion otherApplicationNumber } documents { kind } }";

    private static Dictionary<string, object> Variables(Dictionary<string, string> input) => input.ToDictionary(p => p.Key, p => (object)p.Value);

    private async Task<GraphQLResponse> ConsentAsync(Queues queue, string number, string region, TestPerson? signer = null, string? token = null)
    {
        token ??= queue.Mother;
        var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["targetRegion"] = region };
        var signed = GraphQLClient.Sign(signer ?? People.Mother, "consentToRegionMove", await queue.Api.NonceAsync(token), input);
        return await queue.Api.PostAsync(
            $"mutation($input: ConsentToRegionMoveInput!, $x: String!) {{ consentToRegionMove(input: $input, signedXml: $x) {{ {Selection} }} }}",
            new { input = Variables(input), x = signed }, token);
    }

    private async Task<GraphQLResponse> MoveAsync(Queues queue, string number, string region, string? token = null, TestPerson? signer = null,
        string reason = "Семья переехала, справка с места жительства")
    {
        token ??= queue.Operator;
        var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["targetRegion"] = region, ["reason"] = reason };
        var signed = GraphQLClient.Sign(signer ?? People.Operator, "moveToRegion", await queue.Api.NonceAsync(token), input);
        return await queue.Api.PostAsync(
            $"mutation($input: MoveToRegionInput!, $x: String!) {{ moveToRegion(input: $input, signedXml: $x) {{ {Selection} }} }}",
            new { input = Variables(input), x = signed }, token);
    }

    private Task<(int Applications, int History, int Staff, int Notifications, int Documents)> WrittenAsync() =>
        Kezek.WithDbAsync(async db => (await db.Applications.CountAsync(), await db.HistoryEntries.CountAsync(), await db.StaffActions.CountAsync(),
            await db.Notifications.CountAsync(), await db.Documents.CountAsync()));

    [Fact]
    public async Task A_consented_move_creates_the_application_there_keeping_queued_at_only_where_that_region_allows_and_refusals_write_nothing()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        (await queue.Api.PostAsync("mutation($iin: String!, $region: String!) { grantRole(iin: $iin, role: OPERATOR, region: $region) { id } }",
            new { iin = TestPeople.AstanaOperatorIin, region = "astana" }, admin)).Ok();
        var astana = await queue.Api.SignInAsync(People.AstanaOperator);
        var children = Queues.ChildIins(3, new DateOnly(2022, 1, 1));
        // The first child also queues in Astana (one live application per child per region): Astana's queue has one.
        var astanaFirst = (await queue.Api.RegisterAsync(People.Mother, queue.Mother, GraphQLClient.RegistrationInput(children[0], "astana"))).Ok()
            .GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!;
        var moving = queue.Numbers[1];
        var before = await queue.ApplicationAsync(moving);

        // Refusals, each writing nothing.
        var written = await WrittenAsync();
        Assert.Equal("MOVE_CONSENT_MISSING", (await MoveAsync(queue, moving, "astana")).ErrorCode);
        Assert.Equal("MOVE_TO_SAME_REGION", (await ConsentAsync(queue, moving, "almaty")).ErrorCode);
        Assert.Equal("UNKNOWN_REGION", (await ConsentAsync(queue, moving, "atlantis")).ErrorCode);
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.Equal("APPLICATION_NOT_FOUND", (await ConsentAsync(queue, moving, "astana", People.Stranger, stranger)).ErrorCode);
        Assert.Equal(written, await WrittenAsync());

        var consented = (await ConsentAsync(queue, moving, "astana")).Ok().GetProperty("consentToRegionMove").GetProperty("application");
        var consent = consented.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("RegionMoveConsented", consent.GetProperty("action").GetString());
        Assert.Equal("astana", consent.GetProperty("otherRegion").GetString());
        Assert.Contains("<name>consentToRegionMove</name>", consent.GetProperty("signedXml").GetString(), StringComparison.Ordinal);
        Assert.Equal("QUEUED", consented.GetProperty("status").GetString());

        written = await WrittenAsync();
        Assert.Equal("APPLICATION_NOT_FOUND", (await MoveAsync(queue, moving, "astana", astana, People.AstanaOperator)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await MoveAsync(queue, moving, "astana", queue.Mother, People.Mother)).ErrorCode);
        Assert.Equal("REASON_REQUIRED", (await MoveAsync(queue, moving, "astana", reason: " ")).ErrorCode);
        Assert.Equal("UNKNOWN_REGION", (await MoveAsync(queue, moving, "default")).ErrorCode);
        // The first child's consent to Almaty is for a region where it already has a live application.
        (await ConsentAsync(queue, astanaFirst, "almaty")).Ok();
        Assert.Equal("DUPLICATE_APPLICATION", (await MoveAsync(queue, astanaFirst, "almaty", astana, People.AstanaOperator)).ErrorCode);
        written = (written.Applications, written.History + 1, written.Staff, written.Notifications, written.Documents);
        Assert.Equal(written, await WrittenAsync());

        // Astana does not keep the queued-at time: the child queues there from the move, behind Astana's first child.
        Kezek.Clock.Advance(TimeSpan.FromHours(1));
        var moved = (await MoveAsync(queue, moving, "astana")).Ok().GetProperty("moveToRegion").GetProperty("application");
        var newNumber = moved.GetProperty("number").GetString()!;
        Assert.StartsWith("AST.", newNumber, StringComparison.Ordinal);
        Assert.Equal("astana", moved.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("QUEUED", moved.GetProperty("status").GetString());
        Assert.Equal(2, moved.GetProperty("queueNumber").GetInt32());
        Assert.NotEqual(before.GetProperty("queuedAt").GetString(), moved.GetProperty("queuedAt").GetString());
        var movedIn = Assert.Single(moved.GetProperty("history").EnumerateArray());
        Assert.Equal("MovedFromRegion", movedIn.GetProperty("action").GetString());
        Assert.Equal("Operator", movedIn.GetProperty("actorRole").GetString());
        Assert.Equal("almaty", movedIn.GetProperty("otherRegion").GetString());
        Assert.Equal(moving, movedIn.GetProperty("otherApplicationNumber").GetString());
        Assert.Contains("<name>moveToRegion</name>", movedIn.GetProperty("signedXml").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, moved.GetProperty("documents").GetArrayLength());

        var left = await queue.ApplicationAsync(moving);
        Assert.Equal("WITHDRAWN", left.GetProperty("status").GetString());
        Assert.Equal("Moved", left.GetProperty("state").GetString());
        var movedOut = left.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("MoveToRegion", movedOut.GetProperty("action").GetString());
        Assert.Equal("Семья переехала, справка с места жительства", movedOut.GetProperty("reason").GetString());
        Assert.Equal(2, (await queue.ApplicationAsync(queue.Numbers[2])).GetProperty("queueNumber").GetInt32());
        Assert.Equal(newNumber, await Kezek.WithDbAsync(db => db.HistoryEntries.Where(h => h.Action == "MoveToRegion")
            .Select(h => h.OtherApplicationNumber).SingleAsync()));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == "MoveToRegion" && a.Details == moving)));
        Assert.NotEqual(0, await Kezek.WithDbAsync(db => db.Notifications.CountAsync(n => n.Template == "moved-to-region")));
        // The old application has ended: it moves no more.
        Assert.Equal("ACTION_NOT_AVAILABLE", (await MoveAsync(queue, moving, "astana")).ErrorCode);
        Assert.Equal("ACTION_NOT_AVAILABLE", (await ConsentAsync(queue, moving, "astana")).ErrorCode);

        // Almaty keeps the queued-at time: moved back, the child keeps the time it queued in Astana.
        (await ConsentAsync(queue, newNumber, "almaty")).Ok();
        Kezek.Clock.Advance(TimeSpan.FromDays(31));
        astana = await queue.Api.SignInAsync(People.AstanaOperator);
        queue = await RefreshAsync(queue);
        Assert.Equal("MOVE_CONSENT_MISSING", (await MoveAsync(queue, newNumber, "almaty", astana, People.AstanaOperator)).ErrorCode);
        (await ConsentAsync(queue, newNumber, "almaty")).Ok();
        var back = (await MoveAsync(queue, newNumber, "almaty", astana, People.AstanaOperator)).Ok().GetProperty("moveToRegion").GetProperty("application");
        Assert.StartsWith("ALM.", back.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(moved.GetProperty("queuedAt").GetString(), back.GetProperty("queuedAt").GetString());
    }

    private async Task<Queues> RefreshAsync(Queues queue)
    {
        await queue.MoveClockAsync(Kezek.Clock.GetUtcNow());
        return queue;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegionMovesOnSqlite(SqliteKezek kezek) : RegionMoveTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class RegionMovesOnPostgres(PostgresKezek kezek) : RegionMoveTests(kezek);
