using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Fuzzing;

/// <summary>What the fuzzing found (docs/resilience.md, "Fuzzing"), each kept as a plain test.</summary>
public abstract class FuzzFindingsTests(KezekFactory kezek) : KezekTest(kezek)
{
    [Theory]
    [InlineData("mutation { revokeRole(grantId: \"not-a-guid\") { id } }", "grantId")]
    [InlineData("mutation { revokeRole(grantId: 42) { id } }", "grantId")]
    public async Task An_id_that_is_not_one_of_ours_is_bad_input_naming_the_argument_not_an_internal_error(string mutation, string field)
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);

        var answer = await api.PostAsync(mutation, token: admin, language: "en");

        Assert.Equal("INVALID_INPUT", answer.ErrorCode);
        Assert.Contains(field, answer.ErrorMessage, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FuzzFindingsOnSqlite(SqliteKezek kezek) : FuzzFindingsTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class FuzzFindingsOnPostgres(PostgresKezek kezek) : FuzzFindingsTests(kezek);
