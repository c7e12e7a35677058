using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.Core.Allocation;
using Kezek.Core.Applications;
using Kezek.Core.Words;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// The annual intake (issue 18 item 3): a region switched to <c>deferred-acceptance</c> by activateRuleSet gathers published
/// queue seats in a window; families rank concurrently; at the close deferred acceptance places them, kindergartens ranking
/// families by the region's <c>intakePriority</c> (benefit, a sibling there, queued-at). The test recomputes the priorities
/// from the data and finds no blocking pair; a sibling beats earlier queued-at, a benefit beats both; siblings of one
/// applicant apply jointly; families are told in their language, with reasons by criterion; the extract recomputes.
/// </summary>
public abstract class IntakeTests(KezekFactory kezek) : KezekTest(kezek)
{
    /// <summary>How many families rank (the queue has two more: the older siblings directed before the intake).</summary>
    protected abstract int Families { get; }

    private const int SeatsA = 6;
    private const int SeatsB = 4;
    private static readonly Guid A = Queues.KindergartenId;
    private static readonly Guid B = Queues.OtherKindergartenId;

    private const string Activate = "mutation($r: String!, $j: String!) { activateRuleSet(region: $r, json: $j, reason: \"Комплектование\") { version } }";
    private const string Validate = "mutation($r: String!, $j: String!) { validateRuleSet(region: $r, json: $j) { valid problems { code where message } } }";

    private static string Shipped(string region) => File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", region + ".json"));

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

    // The families of the run by their index j (0 first queued): the last has a sibling at A, the one before it a benefit out of
    // turn, the two before it are twins of the mother (a sibling of theirs is at A), one has a priority benefit.
    private int Last => Families - 1;
    private int OutOfTurn => Families - 2;
    private int Twin1 => Families - 4;
    private int Twin2 => Families - 3;
    private int PriorityBenefit => Families - 5;

    private Guid[] RankingOf(int j)
    {
        if (j == Last || j == OutOfTurn)
            return [A];
        if (j == Twin1 || j == Twin2)
            return [B, A];
        if (j == PriorityBenefit)
            return [A, B];
        return (j % 10) == 9 ? [] : (j % 3) switch
        {
            0 => [A, B],
            1 => [B, A],
            _ => [A],
        };
    }

    private static async Task<GraphQLResponse> RankAsync(Queues queue, KezekFactory kezek, string number, IReadOnlyList<Guid> ids)
    {
        var fields = ids.Select(id => new ActionField("kindergartenIds", id.ToString())).Prepend(new ActionField("applicationNumber", number));
        var signed = XmlSigner.Sign(ActionDocument.Action("rankKindergartens", await queue.Api.NonceAsync(queue.Mother), fields), kezek.People.Mother.Sign);
        return await queue.Api.PostAsync("mutation($input: RankKindergartensInput!, $x: String!) { rankKindergartens(input: $input, signedXml: $x) { application { number } } }",
            new { input = new { applicationNumber = number, kindergartenIds = ids.Select(id => id.ToString()) }, x = signed }, queue.Mother);
    }

    [Fact]
    public async Task An_intake_region_runs_deferred_acceptance_by_its_priority_with_no_blocking_pair_and_explains_every_outcome()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(Families + 2);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var olderSiblings = queue.Numbers.Take(2).ToList();
        var numbers = queue.Numbers.Skip(2).ToList();

        // Under first-come, the first two children are directed to A: they are the older siblings of the intake.
        await queue.PublishAsync(2);
        foreach (var number in olderSiblings)
            (await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "QUEUE", kindergarten: A))).Ok();

        // Bad intake priorities are refused with a clear reason; a voucher region may not run the intake.
        foreach (var (bad, says) in new[]
                 {
                     ("\"benefit, distance\"", "distance"), ("\"benefit, benefit\"", "twice"), ("\"benefit, height\"", "\"height\" is not a criterion"),
                     ("\" , \"", "comma-separated"), ("3", "a string"),
                 })
        {
            var validation = (await queue.Api.PostAsync(Validate, new { r = "almaty", j = WithValues(Shipped("almaty"), ("allocation", "\"deferred-acceptance\""),
                ("intakePriority", bad)) }, admin)).Ok().GetProperty("validateRuleSet");
            Assert.False(validation.GetProperty("valid").GetBoolean());
            var problem = Assert.Single(validation.GetProperty("problems").EnumerateArray());
            Assert.Equal("GlobalParams.intakePriority", problem.GetProperty("where").GetString());
            Assert.Contains(says, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("RULE_SET_INVALID", (await queue.Api.PostAsync(Activate, new { r = "almaty", j = WithValues(Shipped("almaty"),
            ("allocation", "\"deferred-acceptance\""), ("intakePriority", "\"sibling, distance\"")) }, admin)).ErrorCode);
        Assert.Equal("RULE_SET_INVALID", (await queue.Api.PostAsync(Activate, new { r = "almaty", j = WithValues(Shipped("almaty"),
            ("allocation", "\"deferred-acceptance\""), ("lifecycle", "\"voucher\"")) }, admin)).ErrorCode);
        Assert.Equal(1, Kezek.Services.GetRequiredService<RuleSetCatalog>().For("almaty").Version);
        // A rule set without intakePriority reads the default: benefit, then a sibling there, then queued-at.
        (await queue.Api.PostAsync(Activate, new { r = "almaty", j = WithValues(Shipped("almaty"), ("allocation", "\"deferred-acceptance\"")) }, admin)).Ok();
        Assert.Equal(["benefit", "sibling", "queuedAt"], Kezek.Services.GetRequiredService<RuleSetCatalog>().For("almaty").RuleSet.Policy.IntakePriority.Words);
        (await queue.Api.PostAsync("mutation { updateContactPreferences(email: \"aigerim@mail.kz\", language: KK) { iin } }", token: queue.Mother)).Ok();

        // Publishing opens the window and tells the first seats×2 queued families that the intake is on.
        var opened = Kezek.Clock.GetUtcNow();
        Assert.Equal(SeatsA * 2, (await queue.PublishAsync(SeatsA)).GetProperty("notified").GetInt32());
        Assert.Equal(SeatsB * 2, (await queue.PublishAsync(SeatsB, kindergarten: B)).GetProperty("notified").GetInt32());
        var opening = await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Template == ReleaseWindows.IntakeOpenedTemplate).ToListAsync());
        Assert.Equal((SeatsA + SeatsB) * 2, opening.Select(n => n.ApplicationId).Distinct().Count());
        Assert.All(opening, n => Assert.Equal(Language.Kk, n.Language));
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Notifications.CountAsync(n => n.Template == ReleaseWindows.OpenedTemplate)));

        // The families rank at once.
        var ranked = await Task.WhenAll(numbers.Select((number, j) => (number, j)).Where(x => RankingOf(x.j).Length > 0)
            .Select(x => RankAsync(queue, Kezek, x.number, RankingOf(x.j))));
        Assert.All(ranked, r => r.Ok());

        // The fixture's families are one mother's; make them families of their own (the twins and one older sibling stay the
        // mother's; the last family shares a parent with the other older sibling), and give two of them benefits.
        await Kezek.WithDbAsync(async db =>
        {
            var ids = await db.Applications.ToDictionaryAsync(a => a.Number, a => a.Id);
            async Task Parent(string number, string iin) =>
                await db.Applications.Where(a => a.Id == ids[number]).ExecuteUpdateAsync(s => s.SetProperty(a => a.Applicant.Iin, iin));
            await Parent(olderSiblings[0], "770000000001");
            for (var j = 0; j < numbers.Count; j++)
            {
                if (j != Twin1 && j != Twin2)
                    await Parent(numbers[j], j == Last ? "770000000001" : "780000" + j.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
            }

            await db.Applications.Where(a => a.Id == ids[numbers[OutOfTurn]])
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Benefit, BenefitCategory.OutOfTurn).SetProperty(a => a.QueueRank, 0));
            await db.Applications.Where(a => a.Id == ids[numbers[PriorityBenefit]])
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Benefit, BenefitCategory.Priority).SetProperty(a => a.QueueRank, 1));
            return 0;
        });

        // The priorities as data, read before the close: category, a sibling directed to the kindergarten, queued-at (siblings
        // in the run apply jointly: the earliest of theirs).
        var before = await Kezek.WithDbAsync(async db => await db.Applications.AsNoTracking()
            .Select(a => new { a.Id, a.Number, a.QueueRank, a.QueuedAt, Parent = a.Applicant.Iin }).ToListAsync());
        var siblingAt = await Kezek.WithDbAsync(async db => await db.Directions.AsNoTracking()
            .Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => new { Parent = a.Applicant.Iin, d.KindergartenId }).ToListAsync());
        var byNumber = before.ToDictionary(a => a.Number);

        // Past the close, two sweepers at once: the run is once, and it is deferred acceptance.
        await queue.MoveClockAsync(opened.AddMinutes(31));
        var sweeps = await Task.WhenAll(queue.SweepAsync(), queue.SweepAsync());
        Assert.Equal(1, sweeps.Sum(s => s.Fired));
        var run = await Kezek.WithDbAsync(db => db.AllocationRuns.SingleAsync());
        Assert.Equal(AllocationModes.DeferredAcceptance, run.Mode);

        const string RunQuery = """
            query($id: ID!) { allocationRun(id: $id) { mode families seats placed
              outcomes { applicationNumber position kindergartenId choice explanation missedChoices { choice kindergartenId seats takenOutOfTurn decidedBy { criterion count } } } } }
            """;
        var whole = (await queue.Api.PostAsync(RunQuery, new { id = run.Id }, queue.Operator, "ru")).Ok().GetProperty("allocationRun");
        Assert.Equal("deferred-acceptance", whole.GetProperty("mode").GetString());
        var outcomes = whole.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("applicationNumber").GetString()!);
        Assert.Equal(numbers.Where((_, j) => RankingOf(j).Length > 0).Order(), outcomes.Keys.Order());

        var extractJson = (await queue.Api.PostAsync("query($id: ID!) { allocationRunExtract(id: $id) { inputsHash json } }", new { id = run.Id }))
            .Ok().GetProperty("allocationRunExtract");
        var json = extractJson.GetProperty("json").GetString()!;
        Assert.Equal(extractJson.GetProperty("inputsHash").GetString(), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant());
        Assert.DoesNotContain(numbers[0], json, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPeople.MotherIin, json, StringComparison.Ordinal);
        Assert.DoesNotContain("770000000001", json, StringComparison.Ordinal);
        var extract = AllocationExtract.FromJson(json)!;
        Assert.Equal(["benefit", "sibling", "queuedAt"], extract.Priority);
        var lottery = extract.Families.ToDictionary(f => f.Position, f => f.Lottery);

        Guid? Given(string number) => outcomes[number].GetProperty("kindergartenId").GetString() is { } id ? Guid.Parse(id) : null;
        var inRun = outcomes.Keys.ToList();
        long EffectiveQueuedAt(string number) =>
            inRun.Where(n => byNumber[n].Parent == byNumber[number].Parent).Min(n => byNumber[n].QueuedAt.Ticks);
        bool HasSibling(string number, Guid kindergarten) => siblingAt.Any(s => s.Parent == byNumber[number].Parent && s.KindergartenId == kindergarten);
        (int Benefit, int Sibling, long QueuedAt) Standing(string number, Guid kindergarten) =>
            (byNumber[number].QueueRank, HasSibling(number, kindergarten) ? 0 : 1, EffectiveQueuedAt(number));
        int Position(string number) => outcomes[number].GetProperty("position").GetInt32();
        (int, int, long, long, int) Key(string number, Guid kindergarten)
        {
            var (benefit, sibling, queuedAt) = Standing(number, kindergarten);
            return (benefit, sibling, queuedAt, lottery[Position(number)], Position(number));
        }

        // No seat given twice or beyond a kindergarten's seats; no blocking pair: every kindergarten a family ranked above its
        // outcome is full, with families all before it in that kindergarten's order.
        var seats = new Dictionary<Guid, int> { [A] = SeatsA, [B] = SeatsB };
        var holders = seats.Keys.ToDictionary(k => k, k => inRun.Where(n => Given(n) == k).ToList());
        Assert.All(seats, s => Assert.True(holders[s.Key].Count <= s.Value));
        foreach (var number in inRun)
        {
            var ranking = RankingOf(numbers.IndexOf(number));
            var outcome = Given(number);
            Assert.True(outcome is null || ranking.Contains(outcome.Value));
            foreach (var better in ranking.TakeWhile(k => k != outcome))
            {
                Assert.Equal(seats[better], holders[better].Count);
                Assert.All(holders[better], holder => Assert.True(Key(holder, better).CompareTo(Key(number, better)) < 0, $"{number} blocks with {holder}"));
            }
        }

        Assert.Equal(run.Placed, holders.Values.Sum(h => h.Count));
        Assert.Equal(holders.Values.Sum(h => h.Count) + olderSiblings.Count, await Kezek.WithDbAsync(db => db.Directions.CountAsync()));

        // A benefit beats everyone; a sibling there beats every earlier general family. The one queued last is placed at A.
        Assert.Equal(A, Given(numbers[OutOfTurn]));
        Assert.Equal(A, Given(numbers[Last]));
        var refused = inRun.Where(n => RankingOf(numbers.IndexOf(n))[0] == A && Given(n) != A && byNumber[n].QueueRank == 2 && !HasSibling(n, A))
            .OrderBy(n => byNumber[n].QueuedAt).First();
        Assert.True(byNumber[refused].QueuedAt < byNumber[numbers[Last]].QueuedAt);

        // Its reason counts A's holders by the criterion that put each before it, as the test counts them from the data.
        var missed = outcomes[refused].GetProperty("missedChoices").EnumerateArray().Single(m => m.GetProperty("kindergartenId").GetString() == A.ToString());
        var decided = missed.GetProperty("decidedBy").EnumerateArray().ToDictionary(d => d.GetProperty("criterion").GetString()!, d => d.GetProperty("count").GetInt32());
        var expected = holders[A].Select(h =>
        {
            var (hb, hs, hq) = Standing(h, A);
            var (fb, fs, fq) = Standing(refused, A);
            return hb != fb ? "benefit" : hs != fs ? "sibling" : hq != fq ? "queuedAt" : "lottery";
        }).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), decided.OrderBy(e => e.Key));
        Assert.True(decided["benefit"] >= 1 && decided["sibling"] >= 1);
        Assert.Equal(SeatsA, missed.GetProperty("seats").GetInt32());
        var explanation = outcomes[refused].GetProperty("explanation").GetString()!;
        Assert.Contains($"{decided["benefit"]} — льгота выше вашей", explanation, StringComparison.Ordinal);
        Assert.Contains($"{decided["sibling"]} — брат или сестра уже в этом саду", explanation, StringComparison.Ordinal);

        // Siblings of one applicant in the run apply jointly: the same lottery number and queued-at rank in the extract.
        var twins = new[] { Position(numbers[Twin1]), Position(numbers[Twin2]) }.Select(p => extract.Families.Single(f => f.Position == p)).ToList();
        Assert.Equal(twins[0].Lottery, twins[1].Lottery);
        Assert.Equal(twins[0].QueuedAt, twins[1].QueuedAt);
        Assert.Equal([A], twins[0].Siblings!);
        Assert.Equal([A], extract.Families.Single(f => f.Position == Position(numbers[Last])).Siblings!);

        // The extract recomputes, with the Core algorithm, to the same placements.
        var placement = DeferredAcceptance.Allocate(extract.Market());
        foreach (var number in inRun)
        {
            var given = placement.Kindergarten[Position(number)];
            Assert.Equal(given == Placement.Unplaced ? null : extract.Kindergartens[given].Id, Given(number));
        }

        // Every family of the run is told, in its language: the mother's twins in Kazakh, the others in Russian.
        var olderIds = olderSiblings.Select(n => byNumber[n].Id).ToList();
        var told = await Kezek.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => (n.Template == "direction-issued" || n.Template == ReleaseWindows.IntakeUnplacedTemplate) && !olderIds.Contains(n.ApplicationId)).ToListAsync());
        Assert.Equal(inRun.Select(n => byNumber[n].Id).Order(), told.Select(n => n.ApplicationId).Distinct().Order());
        Assert.Equal(0, await Kezek.WithDbAsync(db => db.Notifications.CountAsync(n => n.Template == ReleaseWindows.UnplacedTemplate)));
        foreach (var notification in told)
        {
            var twin = notification.ApplicationId == byNumber[numbers[Twin1]].Id || notification.ApplicationId == byNumber[numbers[Twin2]].Id;
            Assert.Equal(twin ? Language.Kk : Language.Ru, notification.Language);
        }

        var refusedNote = told.First(n => n.ApplicationId == byNumber[refused].Id);
        Assert.Equal(ReleaseWindows.IntakeUnplacedTemplate, refusedNote.Template);
        Assert.Contains("брат или сестра уже в этом саду", refusedNote.Data, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IntakeOnSqlite(SqliteKezek kezek) : IntakeTests(kezek)
{
    protected override int Families => 40;
}

[Collection(PostgresCollection.Name)]
public sealed class IntakeOnPostgres(PostgresKezek kezek) : IntakeTests(kezek)
{
    protected override int Families => 150;
}
