using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.Core.Allocation;
using Kezek.Core.Lifecycle;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Windows;
using Kezek.Rules.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// Release windows (issue 18 item 2) and auditable runs (item 5): a region switched to <c>window</c> by activateRuleSet
/// holds published queue seats in a window; families rank concurrently; the sweep closes the window once (two sweepers at
/// once), and the run is serial dictatorship in queue order; outcomes, reasons, notifications in Kazakh, the operators'
/// view, and a public extract that recomputes to the same placements.
/// </summary>
public abstract class ReleaseWindowTests(KezekFactory kezek) : KezekTest(kezek)
{
    /// <summary>How many families rank at once (300 on PostgreSQL; fewer on SQLite, whose writers queue one by one).</summary>
    protected abstract int Families { get; }

    private const int SeatsA = 10;
    private const int SeatsB = 5;

    private static string WithValues(string json, params (string Name, string Expression)[] values)
    {
        var rules = JsonNode.Parse(json)!;
        var parameters = rules["GlobalParams"]!.AsArray();
        foreach (var (name, expression) in values)
        {
            if (parameters.SingleOrDefault(p => p!["Name"]!.GetValue<string>() == name) is { } existing)
                existing["Expression"] = expression;
            else
                parameters.Add(new JsonObject { ["Name"] = name, ["Expression"] = expression });
        }

        return rules.ToJsonString();
    }

    private static string Shipped(string region) => File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", region + ".json"));

    private const string Activate = "mutation($r: String!, $j: String!) { activateRuleSet(region: $r, json: $j, reason: \"Окно распределения\") { version } }";

    /// <summary>Family i ranks: A then B, B then A, or A alone; every tenth family does not rank.</summary>
    private static Guid[] RankingOf(int i) => (i % 10) switch
    {
        9 => [],
        _ => (i % 3) switch
        {
            0 => [Queues.KindergartenId, Queues.OtherKindergartenId],
            1 => [Queues.OtherKindergartenId, Queues.KindergartenId],
            _ => [Queues.KindergartenId],
        },
    };

    private async Task<GraphQLResponse> RankAsync(Queues queue, string number, IReadOnlyList<Guid> ids)
    {
        var fields = ids.Select(id => new ActionField("kindergartenIds", id.ToString())).Prepend(new ActionField("applicationNumber", number));
        var signed = XmlSigner.Sign(ActionDocument.Action("rankKindergartens", await queue.Api.NonceAsync(queue.Mother), fields), People.Mother.Sign);
        return await queue.Api.PostAsync("mutation($input: RankKindergartensInput!, $x: String!) { rankKindergartens(input: $input, signedXml: $x) { application { number } } }",
            new { input = new { applicationNumber = number, kindergartenIds = ids.Select(id => id.ToString()) }, x = signed }, queue.Mother);
    }

    [Fact]
    public async Task A_window_region_holds_the_seats_runs_serial_dictatorship_once_at_the_close_and_explains_every_outcome()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(Families, oneMinuteApart: false);
        var admin = await queue.Api.SignInAsync(People.Administrator);

        // A voucher region may not run windows; then Almaty switches to a 30-minute window.
        var voucher = await queue.Api.PostAsync(Activate, new { r = "almaty", j = WithValues(Shipped("almaty"), ("lifecycle", "\"voucher\""), ("allocation", "\"window\"")) }, admin);
        Assert.Equal("RULE_SET_INVALID", voucher.ErrorCode);
        Assert.Equal("RULE_SET_INVALID", (await queue.Api.PostAsync(Activate, new { r = "almaty", j = WithValues(Shipped("almaty"), ("windowMinutes", "2")) }, admin)).ErrorCode);
        (await queue.Api.PostAsync(Activate, new { r = "almaty", j = WithValues(Shipped("almaty"), ("allocation", "\"window\""), ("windowMinutes", "30")) }, admin)).Ok();
        Assert.Equal(AllocationModes.FirstCome, Kezek.Services.GetRequiredService<RuleSetCatalog>().For("astana").RuleSet.Policy.Allocation);
        (await queue.Api.PostAsync("mutation { updateContactPreferences(email: \"aigerim@mail.kz\", language: KK) { iin } }", token: queue.Mother)).Ok();

        // Publishing opens the window and tells the first seats×2 families; more seats join it and tell the next ones.
        var opened = Kezek.Clock.GetUtcNow();
        Assert.Equal(SeatsA * 2, (await queue.PublishAsync(SeatsA)).GetProperty("notified").GetInt32());
        Assert.Equal(SeatsB * 2, (await queue.PublishAsync(SeatsB, kindergarten: Queues.OtherKindergartenId)).GetProperty("notified").GetInt32());
        Assert.Equal("INVALID_INPUT", (await queue.Api.PostAsync("mutation($input: PublishPlacesInput!) { publishPlaces(input: $input) { published } }",
            new { input = new { kindergartenId = Queues.KindergartenId, groupYear = 2022, language = "KK", count = 1, mode = "WINDOW" } }, queue.Operator)).ErrorCode);
        var window = await Kezek.WithDbAsync(db => db.ReleaseWindows.SingleAsync());
        Assert.Equal((ReleaseWindowStatus.Open, 30.0), (window.Status, (window.ClosesAt - window.OpensAt).TotalMinutes));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.WorkflowTimers.CountAsync(t => t.Kind == TimerKind.WindowClose && t.Status == TimerStatus.Pending)));
        var opening = await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Template == ReleaseWindows.OpenedTemplate).ToListAsync());
        Assert.Equal((SeatsA + SeatsB) * 2, opening.Select(n => n.ApplicationId).Distinct().Count());
        Assert.All(opening, n => Assert.Equal(Language.Kk, n.Language));
        Assert.Contains("\"windowClosesAt\":\"" + window.ClosesAt.AddHours(5).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), opening[0].Data, StringComparison.Ordinal);

        // The families rank at once; nothing is taken, and the sweep before the close does nothing.
        var ranked = await Task.WhenAll(queue.Numbers.Select((number, i) => (number, i)).Where(x => RankingOf(x.i).Length > 0)
            .Select(x => RankAsync(queue, x.number, RankingOf(x.i))));
        Assert.All(ranked, r => r.Ok());
        Assert.Equal(0, (await queue.SweepAsync()).Fired);
        Assert.Equal(SeatsA + SeatsB, await Kezek.WithDbAsync(db => db.Places.CountAsync(p => p.Mode == PlaceMode.Window && p.TakenByApplicationId == null)));

        // Past the close, two sweepers at once: the close runs once.
        await queue.MoveClockAsync(opened.AddMinutes(31));
        var sweeps = await Task.WhenAll(queue.SweepAsync(), queue.SweepAsync());
        Assert.Equal(1, sweeps.Sum(s => s.Fired));
        var run = await Kezek.WithDbAsync(db => db.AllocationRuns.SingleAsync());
        Assert.Equal(ReleaseWindowStatus.Allocated, (await Kezek.WithDbAsync(db => db.ReleaseWindows.SingleAsync())).Status);

        // The serial-dictatorship property, recomputed from the queue: each family in queue order got its best kindergarten with a seat left.
        var inOrder = await Kezek.WithDbAsync(db => db.Applications.OrderBy(a => a.QueueRank).ThenBy(a => a.QueuedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Number, a.Status }).ToListAsync());
        var left = new Dictionary<Guid, int> { [Queues.KindergartenId] = SeatsA, [Queues.OtherKindergartenId] = SeatsB };
        var directions = await Kezek.WithDbAsync(db => db.Directions.ToDictionaryAsync(d => d.ApplicationId, d => d.KindergartenId));
        var expectedPlaced = 0;
        foreach (var application in inOrder)
        {
            var ranking = RankingOf(queue.Numbers.IndexOf(application.Number));
            var best = ranking.Cast<Guid?>().FirstOrDefault(k => left[k!.Value] > 0);
            if (best is { } kindergarten)
            {
                left[kindergarten]--;
                expectedPlaced++;
                Assert.Equal(kindergarten, directions[application.Id]);
                Assert.Equal("DirectionIssued", application.Status.ToString());
            }
            else
            {
                Assert.False(directions.ContainsKey(application.Id));
                Assert.Equal("Queued", application.Status.ToString());
            }
        }

        Assert.Equal(expectedPlaced, run.Placed);
        // No seat given twice; what nobody got is free choice now.
        var places = await Kezek.WithDbAsync(db => db.Places.AsNoTracking().ToListAsync());
        var taken = places.Where(p => p.TakenByApplicationId is not null).ToList();
        Assert.Equal(taken.Count, taken.Select(p => p.TakenByApplicationId).Distinct().Count());
        Assert.Equal(run.Placed, taken.Count);
        Assert.DoesNotContain(places, p => p.Mode == PlaceMode.Window);
        Assert.Equal(SeatsA + SeatsB - run.Placed, places.Count(p => p.Mode == PlaceMode.FreeChoice && p.TakenByApplicationId is null));

        // Every ranking family is told in Kazakh: the placed by the direction, the others why.
        var told = await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Template == "direction-issued" || n.Template == ReleaseWindows.UnplacedTemplate)
            .ToListAsync());
        Assert.Equal(run.Families, told.Select(n => n.ApplicationId).Distinct().Count());
        Assert.All(told, n => Assert.Equal(Language.Kk, n.Language));
        Assert.Contains("кезекте сізден бұрын", told.First(n => n.Template == ReleaseWindows.UnplacedTemplate).Data, StringComparison.Ordinal);

        // The operators' whole run; nobody else sees it.
        const string RunQuery = """
            query($id: ID!) { allocationRun(id: $id) { id region groupYear mode ruleSet ruleSetVersion seed inputsHash families seats placed
              outcomes { applicationNumber position kindergartenId choice explanation missedChoices { choice kindergartenId seats takenGeneral takenOutOfTurn } } } }
            """;
        var whole = (await queue.Api.PostAsync(RunQuery, new { id = run.Id }, queue.Operator)).Ok().GetProperty("allocationRun");
        Assert.Equal(("almaty", "window", 2, run.Families), (whole.GetProperty("region").GetString(), whole.GetProperty("mode").GetString(),
            whole.GetProperty("ruleSetVersion").GetInt32(), whole.GetProperty("families").GetInt32()));
        var outcomes = whole.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(run.Families, outcomes.Count);
        (await queue.Api.PostAsync(RunQuery, new { id = run.Id }, admin)).Ok();
        var astanaOperator = await queue.Api.SignInAsync(People.AstanaOperator);
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"870404460016\", role: OPERATOR, region: \"astana\") { id } }", token: admin)).Ok();
        astanaOperator = await queue.Api.SignInAsync(People.AstanaOperator);
        Assert.Equal("ALLOCATION_RUN_NOT_FOUND", (await queue.Api.PostAsync(RunQuery, new { id = run.Id }, astanaOperator)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(RunQuery, new { id = run.Id }, queue.Mother)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await queue.Api.PostAsync(RunQuery, new { id = run.Id })).ErrorCode);
        Assert.Equal("ALLOCATION_RUN_NOT_FOUND", (await queue.Api.PostAsync(RunQuery, new { id = Guid.NewGuid() }, queue.Operator)).ErrorCode);

        // Reasons for a sample: the first family not placed that ranked A first missed A's 10 seats, all to earlier general families.
        var unplaced = outcomes.First(o => o.GetProperty("kindergartenId").ValueKind == JsonValueKind.Null
                                           && RankingOf(queue.Numbers.IndexOf(o.GetProperty("applicationNumber").GetString()!))[0] == Queues.KindergartenId);
        var missed = unplaced.GetProperty("missedChoices")[0];
        Assert.Equal((0, SeatsA, SeatsA, 0), (missed.GetProperty("choice").GetInt32(), missed.GetProperty("seats").GetInt32(),
            missed.GetProperty("takenGeneral").GetInt32(), missed.GetProperty("takenOutOfTurn").GetInt32()));
        var card = (await queue.Api.PostAsync("query($n: String!) { application(number: $n) { allocationOutcomes { mode kindergartenId explanation applicationNumber } } }",
            new { n = unplaced.GetProperty("applicationNumber").GetString() }, queue.Mother, "ru")).Ok().GetProperty("application").GetProperty("allocationOutcomes")[0];
        Assert.Contains($"мест: {SeatsA}; {SeatsA} — раньше в очереди", card.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, card.GetProperty("applicationNumber").ValueKind);
        Assert.Equal("window", card.GetProperty("mode").GetString());

        // The public extract: anonymous, anonymised, hashed, and it recomputes to the same placements.
        var extract = (await queue.Api.PostAsync("query($id: ID!) { allocationRunExtract(id: $id) { runId inputsHash json } }", new { id = run.Id }))
            .Ok().GetProperty("allocationRunExtract");
        var json = extract.GetProperty("json").GetString()!;
        Assert.Equal(extract.GetProperty("inputsHash").GetString(), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant());
        Assert.DoesNotContain(queue.Numbers[0], json, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPeople.MotherIin, json, StringComparison.Ordinal);
        Assert.DoesNotContain("ҚОҢЫРБАЕВА", json, StringComparison.Ordinal);
        var recomputed = AllocationExtract.FromJson(json)!;
        var market = recomputed.Market();
        var placement = SerialDictatorship.Allocate(market);
        foreach (var outcome in outcomes)
        {
            var position = outcome.GetProperty("position").GetInt32();
            var given = placement.Kindergarten[position];
            Assert.Equal(given == Placement.Unplaced ? null : recomputed.Kindergartens[given].Id.ToString(),
                outcome.GetProperty("kindergartenId").ValueKind == JsonValueKind.Null ? null : outcome.GetProperty("kindergartenId").GetString());
        }

        Assert.Equal("ALLOCATION_RUN_NOT_FOUND", (await queue.Api.PostAsync("query($id: ID!) { allocationRunExtract(id: $id) { runId } }",
            new { id = Guid.NewGuid() })).ErrorCode);
    }

    [Fact]
    public async Task A_first_come_region_is_unaffected_its_queue_seats_give_turns_at_once()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        Assert.Equal(1, (await queue.PublishAsync(1)).GetProperty("notified").GetInt32());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.ReleaseWindows.CountAsync()));
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.Places.CountAsync(p => p.Mode == PlaceMode.Queue)));
        Assert.Equal("NOTIFIED", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("status").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReleaseWindowOnSqlite(SqliteKezek kezek) : ReleaseWindowTests(kezek)
{
    protected override int Families => 60;
}

[Collection(PostgresCollection.Name)]
public sealed class ReleaseWindowOnPostgres(PostgresKezek kezek) : ReleaseWindowTests(kezek)
{
    protected override int Families => 300;
}
