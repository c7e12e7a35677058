using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Applications;

/// <summary>
/// What a signed registration costs the database, counted in SQL statements (issue 16's registration target): the nonce
/// (issued in its own request), then the session, the nonce's check and spending, the region, the civil registry, the
/// duplicate check, the number, the application, its history, its documents' facts, the contact preferences and the outbox.
/// The request answers as the portal and the rush bench ask it (the number alone), so the count is the mutation's own.
/// Before issue 16's registration work: 24 statements on SQLite, 18 on PostgreSQL (the checks ran twice, once before the
/// nonce was spent and again in the handler; the civil registry was read twice, the number read back after its update, the
/// contact preferences twice). Now 17 on SQLite and 11 on PostgreSQL (which batches the documents' and outbox's inserts).
/// </summary>
public abstract class RegistrationCostTests(KezekFactory kezek) : KezekTest(kezek)
{
    public const int NonceBound = 2;

    /// <summary>The session, the nonce's look, the region, the civil registry, the duplicate check, the nonce's spending, the number, the writes.</summary>
    protected abstract int RegistrationBound { get; }

    private const string Mutation = "mutation($input: RegisterApplicationInput!, $x: String!) { registerApplication(input: $input, signedXml: $x) { application { number } } }";

    [Fact]
    public async Task A_signed_registration_and_its_nonce_cost_a_few_statements()
    {
        var iins = Queues.ChildIins(3, new DateOnly(2022, 1, 1));
        var api = Kezek.Api();
        await api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
            iins.Select((iin, i) => $"{iin},{Queues.ChildName(i)},{Iin.Parse(iin).Value.BirthDate:yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER")));
        var mother = await api.SignInAsync(Kezek.People.Mother);
        // The first registration of a fresh server warms its caches (rule sets, workflows, words): count the later ones.
        (await api.RegisterAsync(Kezek.People.Mother, mother, GraphQLClient.RegistrationInput(iins[0]))).Ok();

        for (var i = 1; i < iins.Count; i++)
        {
            var input = GraphQLClient.RegistrationInput(iins[i]);
            var nonceStatements = Kezek.Sql.Record();
            var nonce = await api.NonceAsync(mother);
            nonceStatements.Dispose();
            var signed = GraphQLClient.Sign(Kezek.People.Mother, "registerApplication", nonce, input);
            var statements = Kezek.Sql.Record();
            var answer = await api.PostAsync(Mutation, new { input, x = signed }, mother);
            statements.Dispose();

            answer.Ok();
            Assert.True(nonceStatements.Count <= NonceBound && statements.Count <= RegistrationBound,
                $"nonce: {nonceStatements.Count} statements\n{nonceStatements}\n\nregistration: {statements.Count} statements\n{statements}");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegistrationCostOnSqlite(SqliteKezek kezek) : RegistrationCostTests(kezek)
{
    protected override int RegistrationBound => 17;
}

[Collection(PostgresCollection.Name)]
public sealed class RegistrationCostOnPostgres(PostgresKezek kezek) : RegistrationCostTests(kezek)
{
    protected override int RegistrationBound => 11;
}
