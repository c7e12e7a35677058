using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.Core.Allocation;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// What the faces of allocation read (issue 18 item 7): the rule values a parent is told (regionPolicy), the open window
/// on the application card (its close in the region's time, the kindergartens with seats), the outcome's kindergartens by
/// name, and a region's run history for its operators and administrators only, paged.
/// </summary>
public abstract class AllocationFacesTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Activate = "mutation($r: String!, $j: String!) { activateRuleSet(region: $r, json: $j, reason: \"Окно распределения\") { version } }";

    private const string Card = """
        query($n: String!) { application(number: $n) { status releaseWindow { groupYear opensAt closesAt kindergartens { kindergarten { id name } seats } }
          allocationOutcomes { runId kindergarten { name } missedChoices { seats kindergarten { name } } } } }
        """;

    private const string Runs = """
        query($r: String!, $y: Int, $f: Int, $a: String) { allocationRuns(region: $r, groupYear: $y, first: $f, after: $a) {
          nodes { id region groupYear mode ruleSet ruleSetVersion startedAt finishedAt families seats placed notPlaced } hasNextPage endCursor } }
        """;

    private static string WindowRules()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        var parameters = rules["GlobalParams"]!.AsArray();
        foreach (var (name, expression) in new[] { ("allocation", "\"window\""), ("windowMinutes", "45"), ("maxRankedKindergartens", "2") })
        {
            if (parameters.SingleOrDefault(p => p!["Name"]!.GetValue<string>() == name) is { } existing)
                existing["Expression"] = expression;
            else
                parameters.Add(new JsonObject { ["Name"] = name, ["Expression"] = expression });
        }

        return rules.ToJsonString();
    }

    private async Task RankAsync(Queues queue, string number, params Guid[] ids)
    {
        var fields = ids.Select(id => new ActionField("kindergartenIds", id.ToString())).Prepend(new ActionField("applicationNumber", number));
        var signed = XmlSigner.Sign(ActionDocument.Action("rankKindergartens", await queue.Api.NonceAsync(queue.Mother), fields), People.Mother.Sign);
        (await queue.Api.PostAsync("mutation($input: RankKindergartensInput!, $x: String!) { rankKindergartens(input: $input, signedXml: $x) { application { number } } }",
            new { input = new { applicationNumber = number, kindergartenIds = ids.Select(id => id.ToString()) }, x = signed }, queue.Mother)).Ok();
    }

    private static async Task<JsonElement> CardAsync(Queues queue, string number) =>
        (await queue.Api.PostAsync(Card, new { n = number }, queue.Mother, "ru")).Ok().GetProperty("application");

    [Fact]
    public async Task The_card_shows_the_open_window_and_named_outcomes_and_operators_page_through_their_regions_runs()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(4);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        (await queue.Api.PostAsync(Activate, new { r = "almaty", j = WindowRules() }, admin)).Ok();
        var policy = (await queue.Api.PostAsync("{ regionPolicy(region: \"almaty\") { allocation windowMinutes maxRankedKindergartens } }")).Ok().GetProperty("regionPolicy");
        Assert.Equal(("window", 45, 2), (policy.GetProperty("allocation").GetString(), policy.GetProperty("windowMinutes").GetInt32(),
            policy.GetProperty("maxRankedKindergartens").GetInt32()));
        Assert.Equal("first-come", (await queue.Api.PostAsync("{ regionPolicy(region: \"astana\") { allocation } }")).Ok()
            .GetProperty("regionPolicy").GetProperty("allocation").GetString());

        // No window yet; then seats at two kindergartens open one, and every queued card of that group year shows it.
        Assert.Equal(JsonValueKind.Null, (await CardAsync(queue, queue.Numbers[0])).GetProperty("releaseWindow").ValueKind);
        var opened = Kezek.Clock.GetUtcNow();
        await queue.PublishAsync(2);
        await queue.PublishAsync(1, kindergarten: Queues.OtherKindergartenId);
        var cards = await Task.WhenAll(queue.Numbers.Select(n => CardAsync(queue, n)));
        var window = cards[0].GetProperty("releaseWindow");
        Assert.All(cards, c => Assert.Equal(window.GetRawText(), c.GetProperty("releaseWindow").GetRawText()));
        var closesAt = window.GetProperty("closesAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(5), closesAt.Offset);
        Assert.Equal(opened.AddMinutes(45).UtcDateTime, closesAt.UtcDateTime, TimeSpan.FromSeconds(1));
        var seats = window.GetProperty("kindergartens").EnumerateArray()
            .Select(k => (k.GetProperty("kindergarten").GetProperty("id").GetString(), k.GetProperty("kindergarten").GetProperty("name").GetString(), k.GetProperty("seats").GetInt32()))
            .ToList();
        Assert.Equal([(Queues.KindergartenId.ToString(), "Ясли-сад № 1 «Балапан»", 2), (Queues.OtherKindergartenId.ToString(), "Детский сад № 27", 1)], seats);

        // Three families rank «Балапан» first, the fourth only «Балапан»: the fourth is not placed and reads which kindergarten missed it.
        for (var i = 0; i < 3; i++)
            await RankAsync(queue, queue.Numbers[i], Queues.KindergartenId, Queues.OtherKindergartenId);
        await RankAsync(queue, queue.Numbers[3], Queues.KindergartenId);
        await queue.MoveClockAsync(opened.AddMinutes(46));
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var placed = await CardAsync(queue, queue.Numbers[2]);
        Assert.Equal("Детский сад № 27", placed.GetProperty("allocationOutcomes")[0].GetProperty("kindergarten").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, placed.GetProperty("releaseWindow").ValueKind);
        var unplaced = (await CardAsync(queue, queue.Numbers[3])).GetProperty("allocationOutcomes")[0];
        Assert.Equal(JsonValueKind.Null, unplaced.GetProperty("kindergarten").ValueKind);
        Assert.Equal((2, "Ясли-сад № 1 «Балапан»"), (unplaced.GetProperty("missedChoices")[0].GetProperty("seats").GetInt32(),
            unplaced.GetProperty("missedChoices")[0].GetProperty("kindergarten").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, (await CardAsync(queue, queue.Numbers[3])).GetProperty("releaseWindow").ValueKind);

        // A second window and its run: the history pages newest first.
        await queue.PublishAsync(1);
        await queue.AdvanceClockAsync(TimeSpan.FromMinutes(46));
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var runIds = await Kezek.WithDbAsync(db => db.AllocationRuns.OrderByDescending(r => r.FinishedAt).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, runIds.Count);
        var first = (await queue.Api.PostAsync(Runs, new { r = "almaty", f = 1 }, queue.Operator)).Ok().GetProperty("allocationRuns");
        Assert.True(first.GetProperty("hasNextPage").GetBoolean());
        var newest = first.GetProperty("nodes")[0];
        Assert.Equal((runIds[0].ToString(), 2022, "window", 2, 1, 1, 0), (newest.GetProperty("id").GetString(), newest.GetProperty("groupYear").GetInt32(),
            newest.GetProperty("mode").GetString(), newest.GetProperty("ruleSetVersion").GetInt32(), newest.GetProperty("families").GetInt32(),
            newest.GetProperty("placed").GetInt32(), newest.GetProperty("notPlaced").GetInt32()));
        Assert.Equal(TimeSpan.FromHours(5), newest.GetProperty("finishedAt").GetDateTimeOffset().Offset);
        var second = (await queue.Api.PostAsync(Runs, new { r = "almaty", f = 1, a = first.GetProperty("endCursor").GetString() }, queue.Operator))
            .Ok().GetProperty("allocationRuns");
        var older = second.GetProperty("nodes")[0];
        Assert.Equal((runIds[1].ToString(), 4, 3, 3, 1), (older.GetProperty("id").GetString(), older.GetProperty("families").GetInt32(),
            older.GetProperty("seats").GetInt32(), older.GetProperty("placed").GetInt32(), older.GetProperty("notPlaced").GetInt32()));
        Assert.False(second.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("endCursor").ValueKind);
        Assert.Equal(2, (await queue.Api.PostAsync(Runs, new { r = "almaty", y = 2022 }, admin)).Ok().GetProperty("allocationRuns").GetProperty("nodes").GetArrayLength());
        Assert.Equal(0, (await queue.Api.PostAsync(Runs, new { r = "almaty", y = 2021 }, queue.Operator)).Ok().GetProperty("allocationRuns").GetProperty("nodes").GetArrayLength());
        Assert.Equal("INVALID_INPUT", (await queue.Api.PostAsync(Runs, new { r = "almaty", a = "x" }, queue.Operator)).ErrorCode);

        // Scope: another region's operator and a policy officer of the region are refused; a family is refused; anonymous must sign in.
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();
        var astanaOperator = await queue.Api.SignInAsync(People.AstanaOperator);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Runs, new { r = "almaty" }, astanaOperator)).ErrorCode);
        Assert.Equal(0, (await queue.Api.PostAsync(Runs, new { r = "astana" }, astanaOperator)).Ok().GetProperty("allocationRuns").GetProperty("nodes").GetArrayLength());
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"920909353074\", role: POLICY_OFFICER, region: \"almaty\") { id } }", token: admin)).Ok();
        var officer = await queue.Api.SignInAsync(People.Stranger);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Runs, new { r = "almaty" }, officer)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Runs, new { r = "almaty" }, queue.Mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(Runs, new { r = "almaty" })).ErrorCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AllocationFacesOnSqlite(SqliteKezek kezek) : AllocationFacesTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class AllocationFacesOnPostgres(PostgresKezek kezek) : AllocationFacesTests(kezek);
