using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Applications;

/// <summary>The journal: the seeds' columns as filters, and cursor paging.</summary>
public abstract class JournalTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Journal = """
        query($f: ApplicationFilter, $first: Int, $after: String) {
          applications(filter: $f, first: $first, after: $after) {
            totalCount nodes { number queueNumber child { fullName } } pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private async Task<(GraphQLClient Api, string Token, List<string> Children)> FiveApplicationsAsync()
    {
        var api = Kezek.Api();
        var children = Enumerable.Range(0, 5).Select(i => Iin.Create(new DateOnly(2022, 5, 1).AddDays(i), Sex.Male, 500 + i).Value).ToList();
        await api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
            children.Select((c, i) => $"{c},ҚАСЫМОВ ӘЛИХАН {i},{new DateOnly(2022, 5, 1).AddDays(i):yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ,MOTHER")));
        foreach (var child in children)
        {
            // Ten hours apart, longer than a session: sign in each time as the parent would.
            (await api.RegisterAsync(People.Mother, await api.SignInAsync(People.Mother), GraphQLClient.RegistrationInput(child))).Ok();
            Kezek.Clock.Advance(TimeSpan.FromHours(10));
        }

        return (api, await api.SignInAsync(People.Mother), children);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_without_gaps_or_repeats()
    {
        var (api, token, _) = await FiveApplicationsAsync();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await api.PostAsync(Journal, new { first = 2, after }, token)).Ok().GetProperty("applications");
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"ALM.2026.{i:D6}.1"), seen);
    }

    [Fact]
    public async Task Each_column_of_the_journal_filters()
    {
        var (api, token, children) = await FiveApplicationsAsync();

        async Task<int> Count(object filter) =>
            (await api.PostAsync(Journal, new { f = filter }, token)).Ok().GetProperty("applications").GetProperty("totalCount").GetInt32();

        Assert.Equal(1, await Count(new { number = "ALM.2026.000003.1" }));
        Assert.Equal(1, await Count(new { childIin = children[4] }));
        Assert.Equal(1, await Count(new { childName = "әлихан 2" }));
        Assert.Equal(5, await Count(new { applicantName = "ахметова" }));
        Assert.Equal(5, await Count(new { status = "QUEUED" }));
        Assert.Equal(0, await Count(new { status = "ENROLLED" }));
        Assert.Equal(5, await Count(new { benefitCategory = "NONE" }));
        Assert.Equal(1, await Count(new { childBirthDate = "2022-05-03" }));
        // Registered 09:00, 19:00, 05:00 next day… Kazakhstan time: two on 1 September, three on 2–3 September.
        Assert.Equal(2, await Count(new { createdFrom = "2026-09-01", createdTo = "2026-09-01" }));
        Assert.Equal(3, await Count(new { createdFrom = "2026-09-02" }));
        Assert.Equal(5, await Count(new { region = "almaty", groupYear = 2022 }));

        var third = (await api.PostAsync(Journal, new { f = new { region = "almaty", groupYear = 2022, queueNumber = 3 } }, token)).Ok()
            .GetProperty("applications").GetProperty("nodes");
        Assert.Equal("ALM.2026.000003.1", third[0].GetProperty("number").GetString());
        Assert.Equal(3, third[0].GetProperty("queueNumber").GetInt32());
    }

    [Theory]
    [InlineData("{\"f\":{\"queueNumber\":1}}", "SEARCH_CRITERIA_REQUIRED")]
    [InlineData("{\"f\":{\"childIin\":\"123\"}}", "INVALID_IIN")]
    [InlineData("{\"first\":500}", "INVALID_INPUT")]
    [InlineData("{\"after\":\"not-a-cursor\"}", "INVALID_CURSOR")]
    public async Task Bad_filters_and_pages_are_explained(string variables, string code)
    {
        var api = Kezek.Api();
        var token = await api.SignInAsync(People.Mother);

        var response = await api.PostAsync(Journal, System.Text.Json.JsonDocument.Parse(variables).RootElement, token);

        Assert.Equal(code, response.ErrorCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class JournalOnSqlite(SqliteKezek kezek) : JournalTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class JournalOnPostgres(PostgresKezek kezek) : JournalTests(kezek);
