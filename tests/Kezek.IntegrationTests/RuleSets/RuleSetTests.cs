using System.Text.Json;
using System.Text.Json.Nodes;
using Kezek.IntegrationTests.Hosting;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.RuleSets;

/// <summary>Policy officers change a region's rules at run time, over GraphQL, without a deploy.</summary>
public abstract class RuleSetTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string RuleSetQuery = "query($r: String!) { ruleSet(region: $r) { name version policy { daysToChoose queueOrder lifecycle } history { version activatedBy reason } } }";
    private const string Activate = "mutation($r: String!, $j: String!, $why: String!) { activateRuleSet(region: $r, json: $j, reason: $why) { name version activatedBy reason } }";

    private async Task<(GraphQLClient Api, string Officer, string Admin)> OfficerOfAlmatyAsync()
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        (await api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: POLICY_OFFICER, region: \"almaty\") { id } }", token: admin)).Ok();
        return (api, await api.SignInAsync(People.Operator), admin);
    }

    private static string Shipped(string name)
    {
        using var scope = new DirectoryInfo(AppContext.BaseDirectory).EnumerateDirectories("rules").Single().EnumerateFiles(name + ".json").Single().OpenText();
        return scope.ReadToEnd();
    }

    private static string WithValue(string json, string name, string expression)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == name)!["Expression"] = expression;
        return node.ToJsonString();
    }

    [Fact]
    public async Task An_officer_changes_days_to_choose_for_her_region_only_and_it_is_kept_with_who_and_why()
    {
        var (api, officer, _) = await OfficerOfAlmatyAsync();
        var before = (await api.PostAsync(RuleSetQuery, new { r = "almaty" }, officer)).Ok().GetProperty("ruleSet");
        Assert.Equal(1, before.GetProperty("version").GetInt32());
        Assert.Equal(3, before.GetProperty("policy").GetProperty("daysToChoose").GetInt32());
        Assert.Equal("system", before.GetProperty("history")[0].GetProperty("activatedBy").GetString());

        var activated = (await api.PostAsync(Activate, new { r = "almaty", j = WithValue(Shipped("almaty"), "daysToChoose", "5"), why = "Решение акимата № 12" }, officer))
            .Ok().GetProperty("activateRuleSet");

        Assert.Equal(2, activated.GetProperty("version").GetInt32());
        Assert.Equal(TestPeople.OperatorIin, activated.GetProperty("activatedBy").GetString());
        var after = (await api.PostAsync(RuleSetQuery, new { r = "almaty" }, officer)).Ok().GetProperty("ruleSet");
        Assert.Equal(5, after.GetProperty("policy").GetProperty("daysToChoose").GetInt32());
        Assert.Equal(["Решение акимата № 12", "Seeded from rules/almaty.json"],
            after.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("reason").GetString()));
        var catalog = Kezek.Services.GetRequiredService<RuleSetCatalog>();
        Assert.Equal(5, catalog.For("almaty").RuleSet.Policy.DaysToChoose);
        Assert.Equal(3, catalog.For("astana").RuleSet.Policy.DaysToChoose);
        Assert.Equal(3, catalog.For("aktobe").RuleSet.Policy.DaysToChoose);
        Assert.Contains("ActivateRuleSet", await Kezek.WithDbAsync(db => db.StaffActions.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task An_officer_of_one_region_cannot_read_or_change_another_and_parents_cannot_at_all()
    {
        var (api, officer, _) = await OfficerOfAlmatyAsync();
        var parent = await api.SignInAsync(People.Mother);

        Assert.Equal("FORBIDDEN", (await api.PostAsync(RuleSetQuery, new { r = "astana" }, officer)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(Activate, new { r = "astana", j = Shipped("astana"), why = "x" }, officer)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(Activate, new { r = "default", j = Shipped("default"), why = "x" }, officer)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(RuleSetQuery, new { r = "almaty" }, parent)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.PostAsync(RuleSetQuery, new { r = "almaty" })).ErrorCode);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.RuleSetVersions.CountAsync(v => v.RegionCode == "astana")));
    }

    [Fact]
    public async Task A_dangerous_or_broken_rule_set_is_explained_and_nothing_changes()
    {
        var (api, officer, _) = await OfficerOfAlmatyAsync();
        var dangerous = WithValue(Shipped("almaty"), "daysToChoose", "\"x\".GetType().Assembly.FullName.Length");

        var validation = (await api.PostAsync("mutation($r: String!, $j: String!) { validateRuleSet(region: $r, json: $j) { valid problems { code where message } } }",
            new { r = "almaty", j = dangerous }, officer)).Ok().GetProperty("validateRuleSet");
        var activation = await api.PostAsync(Activate, new { r = "almaty", j = dangerous, why = "test" }, officer);

        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Contains(validation.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "FORBIDDEN");
        Assert.Equal("RULE_SET_INVALID", activation.ErrorCode);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.RuleSetVersions.CountAsync(v => v.RegionCode == "almaty")));
        Assert.Equal(1, Kezek.Services.GetRequiredService<RuleSetCatalog>().For("almaty").Version);
    }

    [Fact]
    public async Task Interleaving_the_queue_renumbers_it_at_once()
    {
        var (api, officer, _) = await OfficerOfAlmatyAsync();
        var children = Enumerable.Range(0, 5).Select(i => Core.Iins.Iin.Create(new DateOnly(2022, 2, 1).AddDays(i), Core.Iins.Sex.Male, 700 + i).Value).ToList();
        await api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
            children.Select((c, i) => $"{c},РЕБЁНОК {i},{new DateOnly(2022, 2, 1).AddDays(i):yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ,MOTHER")));
        var mother = await api.SignInAsync(People.Mother);
        foreach (var child in children)
        {
            (await api.RegisterAsync(People.Mother, mother, GraphQLClient.RegistrationInput(child))).Ok();
            Kezek.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // The last two have a confirmed priority benefit (an operator's confirmation is a later capability).
        foreach (var child in children.Skip(3))
            await Kezek.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Applications\" SET \"Benefit\" = 'Priority', \"QueueRank\" = 1 WHERE \"ChildIin\" = {0}", child));

        async Task<List<int>> NumbersAsync()
        {
            var numbers = new List<int>();
            foreach (var child in children)
                numbers.Add((await api.PostAsync("query($iin: String!) { queuePosition(region: \"almaty\", childIin: $iin) { queueNumber } }",
                    new { iin = child })).Ok().GetProperty("queuePosition")[0].GetProperty("queueNumber").GetInt32());
            return numbers;
        }

        Assert.Equal([3, 4, 5, 1, 2], await NumbersAsync());
        var interleaved = WithValue(Shipped("almaty"), "queueOrder", "\"interleave 1:2\"");
        var dryRun = (await api.PostAsync("mutation($r: String!, $j: String!) { dryRunRuleSet(region: $r, json: $j) { validation { valid } liveApplications queueNumbersChanged eligibilityChanged examples { what before after } deadlineChanges { rule } } }",
            new { r = "almaty", j = WithValue(interleaved, "minAgeMonths", "60") }, officer)).Ok().GetProperty("dryRunRuleSet");
        Assert.True(dryRun.GetProperty("validation").GetProperty("valid").GetBoolean());
        Assert.Equal(5, dryRun.GetProperty("liveApplications").GetInt32());
        Assert.Equal(3, dryRun.GetProperty("queueNumbersChanged").GetInt32()); // 3→2, 4→3 and 2→4
        Assert.Equal(5, dryRun.GetProperty("eligibilityChanged").GetInt32());  // four-and-a-half-year-olds would be too young
        Assert.Equal([3, 4, 5, 1, 2], await NumbersAsync());                   // a dry run changes nothing
        Assert.Empty(dryRun.GetProperty("deadlineChanges").EnumerateArray());  // no deadline rule's value changed

        // Two more days to choose: a turn coming now would end two working days later, for the five children in the queue.
        var longer = (await api.PostAsync("mutation($r: String!, $j: String!) { dryRunRuleSet(region: $r, json: $j) { deadlineChanges { rule before after shiftHours nextFor } } }",
            new { r = "almaty", j = WithValue(Shipped("almaty"), "daysToChoose", "5") }, officer)).Ok().GetProperty("dryRunRuleSet")
            .GetProperty("deadlineChanges").EnumerateArray().ToList();
        var choice = Assert.Single(longer);
        Assert.Equal("ChoiceDeadline", choice.GetProperty("rule").GetString());
        Assert.True(choice.GetProperty("shiftHours").GetDouble() >= 48);
        Assert.Equal(5, choice.GetProperty("nextFor").GetInt32());
        Assert.EndsWith("+05:00", choice.GetProperty("after").GetString(), StringComparison.Ordinal);
        (await api.PostAsync(Activate, new { r = "almaty", j = WithValue(Shipped("almaty"), "queueOrder", "\"interleave 1:2\""), why = "1 льготник : 2 общих" }, officer)).Ok();
        // Priority, general, general, priority, general.
        Assert.Equal([2, 3, 5, 1, 4], await NumbersAsync());
        var third = (await api.PostAsync("{ applications(filter: { region: \"almaty\", groupYear: 2022, queueNumber: 4 }) { nodes { child { iin } } } }", token: mother))
            .Ok().GetProperty("applications").GetProperty("nodes")[0].GetProperty("child").GetProperty("iin").GetString();
        Assert.Equal(children[4], third);
    }

    [Fact]
    public async Task Another_instances_activation_is_picked_up_on_refresh()
    {
        var catalog = Kezek.Services.GetRequiredService<RuleSetCatalog>();
        await Kezek.WithDbAsync(db =>
        {
            db.RuleSetVersions.Add(new Core.Regions.RuleSetVersion("astana", 2, WithValue(Shipped("astana"), "voucherConfirmDays", "3"), TestPeople.AdministratorIin,
                KezekFactory.Start.UtcDateTime, "another instance"));
            return db.SaveChangesAsync();
        });
        Assert.Equal(1, catalog.For("astana").Version);

        using var scope = Kezek.Services.CreateScope();
        var changed = await scope.ServiceProvider.GetRequiredService<RuleSetVersions>().RefreshAsync(CancellationToken.None);

        Assert.Equal(["astana"], changed);
        Assert.Equal(3, catalog.For("astana").RuleSet.Policy.VoucherConfirmDays);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<RuleSetVersions>().RefreshAsync(CancellationToken.None));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RuleSetsOnSqlite(SqliteKezek kezek) : RuleSetTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class RuleSetsOnPostgres(PostgresKezek kezek) : RuleSetTests(kezek);
