using System.Globalization;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.RuleSets;

/// <summary>A rule set that was checked: its problems, or none.</summary>
public sealed record RuleSetCheck(IReadOnlyList<RuleSetProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Rule-set versions kept in the database, with who, when and why; the files of <c>rules/</c> seed version 1.
/// Activation validates, stores the next version and swaps it in; other instances pick it up on refresh.
/// </summary>
public sealed class RuleSetVersions(IKezekDb db, RuleSetCatalog catalog, WorkingDayCalendar calendar, TimeProvider clock,
    Lifecycle.WorkflowCatalog workflows, Lifecycle.WorkflowVersions workflowVersions, ILogger<RuleSetVersions> logger)
{
    public const string SeededBy = "system";

    /// <summary>At start: stores each file of the folder as version 1 where none is stored, then loads what is in force.</summary>
    public async Task SeedAndLoadAsync(string folder, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (await db.RuleSetVersions.AnyAsync(v => v.RegionCode == name, cancellationToken))
                continue;
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var (_, problems) = await CompiledRuleSet.CompileAsync(json, name, calendar);
            if (problems.Count > 0)
                throw new InvalidDataException($"{file} is not a valid rule set: {string.Join("; ", problems)}");
            db.RuleSetVersions.Add(new RuleSetVersion(name, 1, json, SeededBy, clock.GetUtcNow().UtcDateTime, $"Seeded from rules/{name}.json"));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.DiscardChanges(); // Another instance seeded it at the same moment.
            }
        }

        await LoadAsync(replace: true, cancellationToken);
        if (!catalog.Has(RuleSetCatalog.Default))
            throw new InvalidDataException("No default rule set (rules/default.json) is stored.");
    }

    /// <summary>Loads every version newer than the one in force here; returns the names that changed.</summary>
    public Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken) => LoadAsync(replace: false, cancellationToken);

    private async Task<IReadOnlyList<string>> LoadAsync(bool replace, CancellationToken cancellationToken)
    {
        var newest = await db.RuleSetVersions.AsNoTracking()
            .GroupBy(v => v.RegionCode)
            .Select(g => new { Name = g.Key, Version = g.Max(v => v.Version) })
            .ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var item in newest)
        {
            if (!replace && catalog.VersionOf(item.Name) >= item.Version)
                continue;
            var version = await db.RuleSetVersions.AsNoTracking()
                .SingleAsync(v => v.RegionCode == item.Name && v.Version == item.Version, cancellationToken);
            var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(version.Json, version.RegionCode, calendar);
            if (ruleSet is null)
            {
                // Stored versions were valid when activated; a calendar change could break one. Keep the old one.
                logger.LogError("Rule set {Name} v{Version} does not compile here: {Problems}", version.RegionCode, version.Version,
                    string.Join("; ", problems));
                continue;
            }

            var active = new ActiveRuleSet(version.RegionCode, version.Version, ruleSet);
            if (replace)
                catalog.Replace(active);
            if (replace || catalog.Activate(active))
            {
                changed.Add(version.RegionCode);
                logger.LogInformation("Rule set {Name} v{Version} is in force", version.RegionCode, version.Version);
            }
        }

        return changed;
    }

    public async Task<RuleSetCheck> CheckAsync(string name, string json, CancellationToken cancellationToken)
    {
        if (!await IsKnownAsync(name, cancellationToken))
            return new RuleSetCheck([new RuleSetProblem("NAME", "region", $"No region {name}.")]);
        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(json, name, calendar);
        return new RuleSetCheck(ruleSet is null ? problems : await LifecycleProblemsAsync(name, ruleSet, cancellationToken));
    }

    /// <summary>
    /// A rule set that switches its regions to another lifecycle must name one in force, and must not strand a live
    /// application in a state the other lifecycle does not have.
    /// </summary>
    private async Task<IReadOnlyList<RuleSetProblem>> LifecycleProblemsAsync(string name, CompiledRuleSet candidate, CancellationToken cancellationToken)
    {
        var lifecycle = candidate.Policy.Lifecycle;
        if (catalog.Has(name) && catalog.For(name).RuleSet.Policy.Lifecycle == lifecycle)
            return [];
        if (!workflows.Has(lifecycle))
            return [new RuleSetProblem("VALUE_INVALID", "GlobalParams.lifecycle", $"No lifecycle \"{lifecycle}\" is in force.")];
        var regions = name == RuleSetCatalog.Default
            ? await db.Regions.Select(r => r.Code).Where(code => !catalog.All.Select(r => r.Name).Contains(code)).ToListAsync(cancellationToken)
            : [name];
        var states = workflows.For(lifecycle).States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var dropped = await workflowVersions.DroppedLiveStatesAsync(regions, states, cancellationToken);
        return [.. dropped.Select(p => new RuleSetProblem(p.Code, "GlobalParams.lifecycle", p.Message))];
    }

    /// <summary>Validates, stores the next version with who and why, and puts it in force here at once.</summary>
    public async Task<Result<RuleSetVersion>> ActivateAsync(string name, string json, string reason, Actor officer,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "reason"));
        if (!await IsKnownAsync(name, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", name));
        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(json, name, calendar);
        if (ruleSet is not null)
            problems = await LifecycleProblemsAsync(name, ruleSet, cancellationToken);
        if (ruleSet is null || problems.Count > 0)
            return Error.Of(ErrorCodes.RuleSetInvalid, ("count", problems.Count.ToString(CultureInfo.InvariantCulture)),
                ("first", problems[0].ToString()));

        var next = (await db.RuleSetVersions.Where(v => v.RegionCode == name).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var version = new RuleSetVersion(name, next, json, officer.Iin, now, reason.Trim());
        db.RuleSetVersions.Add(version);
        db.StaffActions.Add(new StaffAction(now, officer, "ActivateRuleSet",
            string.Create(CultureInfo.InvariantCulture, $"ruleSet={name}; version={next}")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
            return Error.Of(ErrorCodes.ConcurrentChange);
        }

        catalog.Activate(new ActiveRuleSet(name, next, ruleSet));
        return version;
    }

    public async Task<IReadOnlyList<RuleSetVersion>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionCode == name).OrderByDescending(v => v.Version)
            .ToListAsync(cancellationToken);

    private async Task<bool> IsKnownAsync(string name, CancellationToken cancellationToken) =>
        name == RuleSetCatalog.Default || await db.Regions.AnyAsync(r => r.Code == name, cancellationToken);
}
