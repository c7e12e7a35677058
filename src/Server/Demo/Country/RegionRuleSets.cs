using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Kezek.Core.Regions;
using Kezek.Rules;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.RuleSets;

namespace Kezek.Server.Demo.Country;

/// <summary>A region's rule set as the server will hold it, and the version to store when the file set does not ship it.</summary>
public sealed record RegionRuleSet(CountryRegion Region, RegionPolicy Policy, RuleSetVersion? ToStore);

/// <summary>
/// Each region's rule set compiled by Kezek's own compiler, whose policy gives the number prefix, the time zone and
/// the lifecycle: the shipped file of the region (or the default one) for the seeded regions, and for each generated
/// city the default file under the city's name with the city's own number prefix, stored as its version 1.
/// </summary>
public static class RegionRuleSets
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task<IReadOnlyList<RegionRuleSet>> LoadAsync(string rulesFolder, DateTime now)
    {
        var calendar = WorkingDayCalendar.Load(Path.Combine(rulesFolder, "calendar"));
        var defaultJson = await File.ReadAllTextAsync(Path.Combine(rulesFolder, RuleSetCatalog.Default + ".json"));
        var ruleSets = new List<RegionRuleSet>();
        foreach (var region in CountryRegions.All)
        {
            var ownFile = Path.Combine(rulesFolder, region.Code + ".json");
            var (name, json) = region.NumberPrefix is { } prefix ? (region.Code, Renamed(defaultJson, region.Code, prefix))
                : File.Exists(ownFile) ? (region.Code, await File.ReadAllTextAsync(ownFile))
                : (RuleSetCatalog.Default, defaultJson);
            var (compiled, problems) = await CompiledRuleSet.CompileAsync(json, name, calendar);
            if (compiled is null)
                throw new InvalidDataException($"The rule set of {region.Code} does not compile: {string.Join("; ", problems)}");
            var toStore = region.IsSeeded ? null
                : new RuleSetVersion(region.Code, 1, json, RuleSetVersions.SeededBy, now,
                    $"A city of the generated country: rules/default.json with its own number prefix {region.NumberPrefix}");
            ruleSets.Add(new RegionRuleSet(region, compiled.Policy, toStore));
        }

        return ruleSets;
    }

    private static string Renamed(string defaultJson, string code, string numberPrefix)
    {
        var root = JsonNode.Parse(defaultJson)!.AsObject();
        root["WorkflowName"] = code;
        var prefix = root["GlobalParams"]!.AsArray().Single(p => (string?)p!["Name"] == "numberPrefix")!;
        prefix["Expression"] = $"\"{numberPrefix}\"";
        return root.ToJsonString(Indented);
    }
}
