using Kezek.Core.CivilRegistry;
using Kezek.Core.Regions;

namespace Kezek.Server.Demo.Country;

/// <summary>
/// Fills a migrated database with the country: lays it out once, then writes each table by drawing the country again
/// in order of registration (applications before what refers to them), all in one transaction of the sink.
/// </summary>
public sealed class CountryGenerator(CountryPlan plan, ICountrySink sink, CountryReport report)
{
    /// <summary>Everything the generator writes, children before parents: what <c>--replace</c> empties.</summary>
    public static readonly IReadOnlyList<string> GeneratedTables =
        ["HistoryEntries", "ApplicationParents", "Directions", "Applications", "CivilRegistryRecords", "NumberSequences", "Kindergartens"];

    /// <summary>Kezek's own rows about generated applications and kindergartens (seats, timers, messages, documents): emptied with them.</summary>
    public static readonly IReadOnlyList<string> DependentTables = ["Places", "WorkflowTimers", "Notifications", "Documents"];

    private static readonly string[] IdentityTables = ["Applications", "ApplicationParents", "HistoryEntries", "CivilRegistryRecords"];

    /// <summary>What the database already holds of a country: empty when it may be generated into.</summary>
    public async Task<IReadOnlyList<string>> FindExistingAsync(CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var table in new[] { "Applications", "Kindergartens", "CivilRegistryRecords" })
        {
            if (await sink.CountRowsAsync(table, cancellationToken) is var rows and > 0)
                found.Add($"{rows} rows in {table}");
        }

        return found;
    }

    /// <summary>Empties the generated tables and Kezek's rows about them, and removes the generated regions with their rule sets.</summary>
    public async Task EmptyAsync(CancellationToken cancellationToken)
    {
        await sink.EmptyAsync([.. DependentTables, .. GeneratedTables], cancellationToken);
        var codes = string.Join(", ", CountryRegions.Generated.Select(r => $"'{r.Code}'"));
        await sink.ExecuteAsync($"DELETE FROM \"RuleSetVersions\" WHERE \"RegionCode\" IN ({codes})", cancellationToken);
        await sink.ExecuteAsync($"DELETE FROM \"Regions\" WHERE \"Code\" IN ({codes})", cancellationToken);
    }

    public async Task GenerateAsync(CancellationToken cancellationToken)
    {
        var country = report.Time("lay out (families)", () => CountryLayout.LayOut(plan), c => c.Families);
        var generated = plan.Regions.Where(r => !r.Region.IsSeeded).ToList();

        await report.TimeAsync("Regions", () => sink.WriteAsync(CountryTables.Regions,
            generated.Select(r => new Region(r.Region.Code, r.Region.NameRu, r.Region.NameKk, r.Region.NameEn)), cancellationToken));
        await report.TimeAsync("RuleSetVersions", () => sink.WriteAsync(CountryTables.RuleSetVersions,
            generated.Select(r => r.RuleSet.ToStore!), cancellationToken));
        await report.TimeAsync("Kindergartens", () => sink.WriteAsync(CountryTables.Kindergartens,
            country.Kindergartens.SelectMany(k => k).Select(k => k.Kindergarten), cancellationToken));
        await report.TimeAsync("Applications", () => sink.WriteAsync(CountryTables.Applications,
            country.Applications().Select(report.Count), cancellationToken));
        await report.TimeAsync("ApplicationParents", () => sink.WriteAsync(CountryTables.ApplicationParents,
            country.Applications().Where(a => a.SecondParentIin is not null).Select((a, i) => new ParentRow(i + 1, a)), cancellationToken));
        await report.TimeAsync("HistoryEntries", () => sink.WriteAsync(CountryTables.HistoryEntries,
            country.Applications().SelectMany(a => a.Story.Steps.Select(s => (Application: a, Step: s)))
                .Select((h, i) => new HistoryRow(i + 1, h.Application, h.Step, h.Application.ActorOf(h.Step))), cancellationToken));
        await report.TimeAsync("Directions", () => sink.WriteAsync(CountryTables.Directions,
            country.Applications().SelectMany(a => a.Story.Directions.Select(d => report.Count(new DirectionRow(a, d)))), cancellationToken));
        await report.TimeAsync("CivilRegistryRecords", () => sink.WriteAsync(CountryTables.CivilRegistryRecords,
            country.Applications().SelectMany(CivilRegistryRecordsOf).Select((r, i) => new CivilRegistryRow(i + 1, r)), cancellationToken));
        await report.TimeAsync("NumberSequences", () => sink.WriteAsync(CountryTables.NumberSequences, country.NumberSequences(), cancellationToken));
        await report.TimeAsync("commit, analyze", async () =>
        {
            await sink.CompleteAsync(IdentityTables, [.. GeneratedTables, "Regions", "RuleSetVersions"], cancellationToken);
            return 0;
        });
    }

    /// <summary>The child's links to the applicant and to the attached parent, as an administrator imported them before the registration.</summary>
    private static IEnumerable<CivilRegistryRecord> CivilRegistryRecordsOf(CountryApplication application)
    {
        var child = application.Child.Person;
        var family = application.Family;
        yield return new CivilRegistryRecord(application.ChildIin, child.FullName, child.BirthDate, application.ApplicantIin,
            family.Applicant.FullName, family.ApplicantRelation, application.Child.RegistryImportedAt);
        if (family.SecondParent is { } secondParent)
        {
            yield return new CivilRegistryRecord(application.ChildIin, child.FullName, child.BirthDate, application.SecondParentIin!,
                secondParent.FullName, family.SecondParentRelation, application.Child.RegistryImportedAt);
        }
    }
}
