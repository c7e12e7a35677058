using System.Text.Json.Nodes;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Applications;

/// <summary>An application's times, and its records' times, are shown in the zone its region's rule set names: the one source.</summary>
public abstract class RegionTimeTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Times = """
        query($n: String!) { application(number: $n) { createdAt history { at } directions { issuedAt expiresAt } documents { issuedAt } } }
        """;

    [Fact]
    public async Task A_region_whose_rule_set_names_another_zone_shows_every_time_of_its_applications_in_that_zone()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var number = queue.Numbers[0];
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        var before = (await queue.Api.PostAsync(Times, new { n = number }, queue.Mother)).Ok().GetProperty("application");
        Assert.EndsWith("+05:00", before.GetProperty("history")[0].GetProperty("at").GetString(), StringComparison.Ordinal);

        var admin = await queue.Api.SignInAsync(People.Administrator);
        var rules = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        rules["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "timeZone")!["Expression"] = "\"Asia/Tokyo\"";
        (await queue.Api.PostAsync("mutation($j: String!) { activateRuleSet(region: \"almaty\", json: $j, reason: \"Проверка часового пояса\") { version } }",
            new { j = rules.ToJsonString() }, admin)).Ok();

        var after = (await queue.Api.PostAsync(Times, new { n = number }, queue.Mother)).Ok().GetProperty("application");
        string[] shown =
        [
            after.GetProperty("createdAt").GetString()!,
            .. after.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("at").GetString()!),
            after.GetProperty("directions")[0].GetProperty("issuedAt").GetString()!,
            after.GetProperty("directions")[0].GetProperty("expiresAt").GetString()!,
            .. after.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("issuedAt").GetString()!),
        ];
        Assert.All(shown, time => Assert.EndsWith("+09:00", time, StringComparison.Ordinal));
        // The same instant, four hours later on the clock.
        Assert.Equal(DateTimeOffset.Parse(before.GetProperty("history")[0].GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(after.GetProperty("history")[0].GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegionTimeOnSqlite(SqliteKezek kezek) : RegionTimeTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class RegionTimeOnPostgres(PostgresKezek kezek) : RegionTimeTests(kezek);
