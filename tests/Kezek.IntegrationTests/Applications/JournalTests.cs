using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task Operators_search_by_part_of_the_number_iin_or_name_and_filter_by_benefit_and_kindergarten()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(4);
        var iins = Queues.ChildIins(4, new DateOnly(2022, 1, 1));
        async Task<List<string>> Numbers(object filter) =>
            (await queue.Api.PostAsync("query($f: ApplicationFilter) { applications(filter: $f, first: 100) { totalCount nodes { number } } }",
                new { f = filter }, queue.Operator)).Ok().GetProperty("applications").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("number").GetString()!).ToList();

        Assert.Equal([queue.Numbers[2]], await Numbers(new { number = "000003" }));
        Assert.Equal([queue.Numbers[2]], await Numbers(new { search = "000003" }));
        Assert.Equal(4, (await Numbers(new { number = "alm.2026" })).Count);
        Assert.Equal([queue.Numbers[1]], await Numbers(new { childIin = iins[1] }));
        Assert.Equal(4, (await Numbers(new { childIin = "2201" })).Count);
        Assert.Equal([queue.Numbers[3]], await Numbers(new { search = iins[3][..11] }));
        Assert.Equal(4, (await Numbers(new { applicantIin = TestPeople.MotherIin[..6] })).Count);
        Assert.Equal(4, (await Numbers(new { search = TestPeople.MotherIin })).Count);
        Assert.Empty(await Numbers(new { applicantIin = TestPeople.StrangerIin }));
        Assert.Equal([queue.Numbers[2]], await Numbers(new { search = "шаһарғалиқызы 2" }));
        Assert.Equal(4, (await Numbers(new { search = "айгерім" })).Count);
        Assert.Equal(4, (await Numbers(new { claimedBenefitCategory = "NONE" })).Count);
        Assert.Empty(await Numbers(new { claimedBenefitCategory = "PRIORITY" }));
        Assert.Empty(await Numbers(new { benefitCategory = "OUT_OF_TURN" }));
        Assert.Equal(4, (await Numbers(new { createdTo = "9999-12-31" })).Count);
        Assert.Equal(4, (await Numbers(new { createdFrom = "0001-01-01", createdTo = "9999-12-31" })).Count);
        Assert.Empty(await Numbers(new { createdFrom = "9999-12-31" }));

        // The kindergarten of the current direction.
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[1], await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        Assert.Equal([queue.Numbers[1]], await Numbers(new { kindergartenId = Queues.KindergartenId }));
        Assert.Empty(await Numbers(new { kindergartenId = Queues.OtherKindergartenId }));
        Assert.Equal([queue.Numbers[1]], await Numbers(new { status = "DIRECTION_ISSUED" }));
    }

    public static TheoryData<string, string> Orders() => new()
    {
        { "NUMBER", "ASC" }, { "NUMBER", "DESC" }, { "CREATED_AT", "ASC" }, { "CREATED_AT", "DESC" }, { "QUEUED_AT", "ASC" },
        { "QUEUED_AT", "DESC" }, { "CHILD_NAME", "ASC" }, { "CHILD_NAME", "DESC" }, { "STATUS", "ASC" }, { "STATUS", "DESC" },
        { "GROUP_YEAR", "ASC" }, { "GROUP_YEAR", "DESC" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Every_column_sorts_and_pages_by_keyset_without_repeats_or_gaps(string field, string direction)
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(5, oneMinuteApart: false);
        // Two children in 2023 and a direction issued: group years and statuses tie, so the id decides within a tie.
        await Kezek.WithDbAsync(async db =>
        {
            var later = await db.Applications.OrderBy(a => a.Id).Skip(3).ToListAsync();
            foreach (var application in later)
                db.Entry(application).Property(a => a.GroupYear).CurrentValue = 2023;
            return await db.SaveChangesAsync();
        });
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        const string Page = """
            query($o: ApplicationOrder, $after: String) { applications(orderBy: $o, first: 2, after: $after) {
              totalCount nodes { number status groupYear createdAt queuedAt child { fullName } } pageInfo { hasNextPage endCursor } } }
            """;
        var order = new { field, direction };
        var seen = new List<System.Text.Json.JsonElement>();
        string? after = null;
        do
        {
            var page = (await queue.Api.PostAsync(Page, new { o = order, after }, queue.Operator)).Ok().GetProperty("applications");
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.Clone()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(queue.Numbers.Order(StringComparer.Ordinal), seen.Select(n => n.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
        var all = (await queue.Api.PostAsync(Page.Replace("first: 2", "first: 100", StringComparison.Ordinal), new { o = order, after = (string?)null }, queue.Operator))
            .Ok().GetProperty("applications").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("number").GetString()!).ToList();
        Assert.Equal(all, seen.Select(n => n.GetProperty("number").GetString()!));
        string Key(System.Text.Json.JsonElement n) => field switch
        {
            "NUMBER" => n.GetProperty("number").GetString()!,
            "CHILD_NAME" => n.GetProperty("child").GetProperty("fullName").GetString()!,
            "GROUP_YEAR" => n.GetProperty("groupYear").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "CREATED_AT" => n.GetProperty("createdAt").GetString()!,
            "QUEUED_AT" => n.GetProperty("queuedAt").GetString()!,
            _ => "",
        };
        if (field != "STATUS")
        {
            var keys = seen.Select(Key).ToList();
            var sorted = direction == "ASC" ? keys.Order(StringComparer.Ordinal).ToList() : keys.OrderDescending(StringComparer.Ordinal).ToList();
            Assert.Equal(sorted, keys);
        }

        // A cursor of another order is refused.
        var first = (await queue.Api.PostAsync(Page, new { o = order, after = (string?)null }, queue.Operator)).Ok()
            .GetProperty("applications").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var other = new { field = field == "NUMBER" ? "GROUP_YEAR" : "NUMBER", direction };
        Assert.Equal("INVALID_CURSOR", (await queue.Api.PostAsync(Page, new { o = other, after = first }, queue.Operator)).ErrorCode);
    }

    [Fact]
    public async Task Operators_export_the_filtered_journal_as_csv_for_excel_and_a_parent_cannot()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3);
        // An applicant's name that a spreadsheet would take for a formula.
        await Kezek.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Applications\" SET \"ApplicantFullName\" = '=HYPERLINK(\"http://x\")' WHERE \"Number\" = {0}", queue.Numbers[2]));
        const string Export = "query($f: ApplicationFilter, $o: ApplicationOrder) { applicationsCsv(filter: $f, orderBy: $o) }";

        var csv = (await queue.Api.PostAsync(Export, new { f = new { groupYear = 2022 }, o = new { field = "NUMBER", direction = "ASC" } }, queue.Operator, "kk"))
            .Ok().GetProperty("applicationsCsv").GetString()!;
        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"ИИН ребёнка / Баланың ЖСН\";", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"\"{queue.Numbers[0]}\";\"Кезекте\";", lines[1], StringComparison.Ordinal);
        Assert.Contains(Queues.ChildName(0), lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'+77", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("\";\"=", csv, StringComparison.Ordinal);
        Assert.Equal("rows=3 filters=GroupYear order=Number:Asc", await Kezek.WithDbAsync(db =>
            db.StaffActions.Where(a => a.Action == "ExportJournal").Select(a => a.Details).SingleAsync()));

        var filtered = (await queue.Api.PostAsync(Export, new { f = new { number = "000002" } }, queue.Operator)).Ok().GetProperty("applicationsCsv").GetString()!;
        Assert.Equal(2, filtered.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Export, token: queue.Mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(Export)).ErrorCode);
        Assert.Equal("INVALID_IIN", (await queue.Api.PostAsync(Export, new { f = new { childIin = "x" } }, queue.Operator)).ErrorCode);
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.StaffActions.CountAsync(a => a.Action == "ExportJournal")));
    }

    [Theory]
    [InlineData("{\"f\":{\"queueNumber\":1}}", "SEARCH_CRITERIA_REQUIRED")]
    [InlineData("{\"f\":{\"childIin\":\"12a\"}}", "INVALID_IIN")]
    [InlineData("{\"f\":{\"childIin\":\"123456789012\"}}", "INVALID_IIN")]
    [InlineData("{\"f\":{\"applicantIin\":\"90-05\"}}", "INVALID_IIN")]
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
