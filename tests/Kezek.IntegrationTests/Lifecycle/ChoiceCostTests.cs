using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// What a signed choice costs the database, counted in SQL statements (the rush's bound, issue 16): the session, the nonce,
/// the application, the seats, and for an acceptance the seat, the direction, history, timer and outbox rows. A refusal
/// because every seat is taken reads and answers in one transaction, never a second one that reads the application again
/// (5 statements before issue 16, 4 now; an acceptance 21 on SQLite).
/// </summary>
public abstract class ChoiceCostTests(KezekFactory kezek) : KezekTest(kezek)
{
    public const int AcceptedBound = 21;
    public const int RefusedBound = 4;

    private async Task<(GraphQLResponse Answer, SqlCommands.Recording Statements)> ChooseCountedAsync(Queues queue, string number, string placeId)
    {
        var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = placeId };
        var signed = GraphQLClient.Sign(Kezek.People.Mother, "chooseKindergarten", await queue.Api.NonceAsync(queue.Mother), input);
        var recording = Kezek.Sql.Record();
        var answer = await queue.Api.PostAsync("mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }",
            new { input, x = signed }, queue.Mother);
        recording.Dispose();
        return (answer, recording);
    }

    [Fact]
    public async Task A_signed_choice_costs_a_few_statements_and_a_refusal_once_the_seats_are_gone_fewer()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        await queue.PublishAsync(2, mode: "FREE_CHOICE");
        var place = await queue.FreePlaceIdAsync(mode: "FREE_CHOICE");
        // The first choice of a fresh server warms its caches (rule sets, workflows): count the second and the third.
        (await queue.ChooseAsync(queue.Numbers[0], place)).Ok();

        var (accepted, acceptedStatements) = await ChooseCountedAsync(queue, queue.Numbers[1], place);
        var (refused, refusedStatements) = await ChooseCountedAsync(queue, queue.Numbers[2], place);

        accepted.Ok();
        Assert.Equal("NO_FREE_PLACE", refused.ErrorCode);
        Assert.True(acceptedStatements.Count <= AcceptedBound && refusedStatements.Count <= RefusedBound,
            $"accepted: {acceptedStatements.Count} statements\n{acceptedStatements}\n\nrefused: {refusedStatements.Count} statements\n{refusedStatements}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChoiceCostOnSqlite(SqliteKezek kezek) : ChoiceCostTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class ChoiceCostOnPostgres(PostgresKezek kezek) : ChoiceCostTests(kezek);
