using System.Globalization;
using System.Text.Json;
using Kezek.Core.Notifications;
using Kezek.Rules.Calendar;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;
using Kezek.Rules;
using NJsonSchema;

namespace Kezek.UnitTests.Rules;

/// <summary>The real rule sets, rules/*.json: their schema, their values, and golden cases per region.</summary>
public sealed class RuleSetTests
{
    public static readonly string[] Regions = ["default", "almaty", "astana"];

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(KazakhstanCalendarTests.Folder);

    public static string RulesFolder => Path.GetDirectoryName(KazakhstanCalendarTests.Folder)!;

    public static string Read(string region) => File.ReadAllText(Path.Combine(RulesFolder, region + ".json"));

    public static async Task<CompiledRuleSet> CompileAsync(string region)
    {
        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(Read(region), region, Calendar);
        Assert.True(ruleSet is not null, string.Join("\n", problems));
        return ruleSet;
    }

    [Theory]
    [MemberData(nameof(RegionNames))]
    public async Task Every_rule_set_follows_the_schema_and_compiles(string region)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RulesFolder, "schema", "region-rules.schema.json"));

        Assert.Empty(schema.Validate(Read(region)));
        await CompileAsync(region);
    }

    [Fact]
    public async Task The_typed_policy_reads_each_regions_values()
    {
        var almaty = (await CompileAsync("almaty")).Policy;
        var astana = (await CompileAsync("astana")).Policy;
        var other = (await CompileAsync("default")).Policy;

        Assert.Equal(("ALM", "direction", 3, 5, 10, 2, 1, 30, 24), (almaty.NumberPrefix, almaty.Lifecycle, almaty.DaysToChoose,
            almaty.DaysToAttend, almaty.StopListDays, almaty.ExpirationsBeforeRemoval, almaty.ExtensionsAllowed, almaty.ExtensionMaxDays,
            almaty.RevokeWindowHours));
        Assert.Equal(("AST", "voucher", 2, 28, 5), (astana.NumberPrefix, astana.Lifecycle, astana.VoucherConfirmDays,
            astana.VoucherRestoreDays, astana.VoucherContractDays));
        Assert.Equal("UO", other.NumberPrefix);
        Assert.Equal([Channel.Email, Channel.Sms, Channel.Cabinet], other.NotificationChannels);
        Assert.Equal(QueueOrdering.Strict, other.QueueOrder);
        Assert.Equal("Asia/Almaty", other.TimeZoneId);
    }

    public static TheoryData<string> RegionNames() => new(Regions);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var region in Regions)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "Cases", region + ".json")));
            foreach (var item in document.RootElement.EnumerateArray())
                data.Add(region, item.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Golden_case(string region, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "Cases", region + ".json")));
        var item = document.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var ruleSet = await CompileAsync(region);
        var facts = Facts(item);

        foreach (var expectation in item.GetProperty("expect").EnumerateObject())
        {
            if (expectation.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                Assert.True(expectation.Value.GetBoolean() == await ruleSet.CheckAsync(expectation.Name, facts), $"{expectation.Name} should be {expectation.Value}");
            }
            else
            {
                var expected = DateTimeOffset.Parse(expectation.Value.GetString()!, CultureInfo.InvariantCulture);
                var actual = await ruleSet.DeadlineAsync(expectation.Name, facts);
                Assert.Equal(expected, actual);
                Assert.Equal(TimeSpan.FromHours(5), actual.Offset);
            }
        }
    }

    private static RuleFacts Facts(JsonElement item)
    {
        static DateTimeOffset Instant(JsonElement e, string name) => DateTimeOffset.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        static T? Optional<T>(JsonElement e, string name, Func<JsonElement, T> read) where T : struct =>
            e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;

        var facts = RuleFacts.At(Instant(item, "now"));
        if (item.TryGetProperty("child", out var child))
        {
            var born = DateOnly.Parse(child.GetProperty("birthDate").GetString()!, CultureInfo.InvariantCulture);
            facts = facts with { Child = new ChildFacts(born, born.Year) };
        }

        if (item.TryGetProperty("application", out var application))
            facts = facts with
            {
                Application = new ApplicationFacts(application.GetProperty("status").GetString()!, "None",
                    Optional(application, "expirations", v => v.GetInt32()) ?? 0,
                    Optional(application, "stopListedUntil", v => DateOnly.Parse(v.GetString()!, CultureInfo.InvariantCulture)),
                    Optional(application, "restored", v => v.GetBoolean()) ?? false),
            };
        if (item.TryGetProperty("direction", out var direction))
            facts = facts with
            {
                Direction = new DirectionFacts(Instant(direction, "issuedAt"), Instant(direction, "expiresAt"),
                    Optional(direction, "extensions", v => v.GetInt32()) ?? 0),
            };
        if (item.TryGetProperty("places", out var places))
            facts = facts with
            {
                Places = new PlaceFacts(Optional(places, "free", v => v.GetInt32()) ?? 0, Optional(places, "freeChoice", v => v.GetInt32()) ?? 0, true),
            };
        return facts;
    }
}
