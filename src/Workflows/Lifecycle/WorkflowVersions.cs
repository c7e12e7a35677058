using System.Globalization;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// Lifecycle versions kept in the database, with who, when and why; the files of <c>workflows/</c> seed version 1.
/// A new version is refused while a live application stands in a state it drops; other instances pick an
/// activation up on refresh.
/// </summary>
public sealed class WorkflowVersions(IKezekDb db, WorkflowCatalog catalog, RuleSetCatalog rules, Kezek.Core.Notifications.INotificationRenderer templates,
    TimeProvider clock, ILogger<WorkflowVersions> logger)
{
    public const string SeededBy = "system";

    /// <summary>At start: stores each file of the folder as version 1 where none is stored, then loads what is in force.</summary>
    public async Task SeedAndLoadAsync(string folder, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (await db.WorkflowVersions.AnyAsync(v => v.Name == name, cancellationToken))
                continue;
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var (parsed, problems) = WorkflowDefinition.Parse(json, name, catalog.Activities);
            if (parsed is not null)
                problems = [.. MissingTemplates(parsed)];
            if (problems.Count > 0)
                throw new InvalidDataException($"{file} is not a valid workflow: {string.Join("; ", problems)}");
            db.WorkflowVersions.Add(new WorkflowVersion(name, 1, json, SeededBy, clock.GetUtcNow().UtcDateTime, $"Seeded from workflows/{name}.json"));
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
        foreach (var ruleSet in rules.All)
        {
            if (!catalog.Has(ruleSet.RuleSet.Policy.Lifecycle))
                throw new InvalidDataException($"Rule set {ruleSet.Name} names the lifecycle \"{ruleSet.RuleSet.Policy.Lifecycle}\", which is not stored.");
        }
    }

    /// <summary>Loads every version newer than the one in force here; returns the names that changed.</summary>
    public Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken) => LoadAsync(replace: false, cancellationToken);

    private async Task<IReadOnlyList<string>> LoadAsync(bool replace, CancellationToken cancellationToken)
    {
        var newest = await db.WorkflowVersions.AsNoTracking()
            .GroupBy(v => v.Name)
            .Select(g => new { Name = g.Key, Version = g.Max(v => v.Version) })
            .ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var item in newest.Where(item => replace || catalog.VersionOf(item.Name) < item.Version))
        {
            var version = await db.WorkflowVersions.AsNoTracking().SingleAsync(v => v.Name == item.Name && v.Version == item.Version, cancellationToken);
            var (definition, problems) = WorkflowDefinition.Parse(version.Json, version.Name, catalog.Activities);
            if (definition is null)
            {
                logger.LogError("Workflow {Name} v{Version} does not load here: {Problems}", version.Name, version.Version, string.Join("; ", problems));
                continue;
            }

            var active = new ActiveWorkflow(version.Version, definition);
            if (replace)
                catalog.Replace(version.Name, active);
            if (replace || catalog.Activate(version.Name, active))
            {
                changed.Add(version.Name);
                logger.LogInformation("Workflow {Name} v{Version} is in force", version.Name, version.Version);
            }
        }

        return changed;
    }

    /// <summary>Every problem of a candidate definition: its own, and the live applications standing in states it drops.</summary>
    public async Task<IReadOnlyList<WorkflowProblem>> CheckAsync(string name, string json, CancellationToken cancellationToken)
    {
        if (!catalog.Has(name))
            return [new WorkflowProblem("NAME", "name", $"No lifecycle \"{name}\" is in force; one of: direction, voucher.")];
        var (definition, problems) = WorkflowDefinition.Parse(json, name, catalog.Activities);
        if (definition is null)
            return problems;
        var regions = await RegionsRunningAsync(name, cancellationToken);
        var live = await LiveStatesAsync(regions, cancellationToken);
        return
        [
            .. MissingTemplates(definition),
            .. Dropped(live, definition.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal)),
            .. StatusChanged(live, catalog.For(name), definition),
            .. await StrandedTimersAsync(regions, definition, cancellationToken),
        ];
    }

    /// <summary>The regions whose rule set in force names this lifecycle.</summary>
    public async Task<IReadOnlyList<string>> RegionsRunningAsync(string lifecycle, CancellationToken cancellationToken) =>
        (await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken))
        .Where(region => rules.For(region).RuleSet.Policy.Lifecycle == lifecycle).ToList();

    /// <summary>
    /// Live applications of these regions whose state is not among <paramref name="states"/>: a definition (or a
    /// region's switch to another lifecycle) that would strand them is refused.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowProblem>> DroppedLiveStatesAsync(IReadOnlyCollection<string> regions, IReadOnlySet<string> states,
        CancellationToken cancellationToken) =>
        [.. Dropped(await LiveStatesAsync(regions, cancellationToken), states)];

    private sealed record LiveState(string RegionCode, string State, int Count);

    private async Task<List<LiveState>> LiveStatesAsync(IReadOnlyCollection<string> regions, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.ActiveChildIin != null && regions.Contains(a.RegionCode))
            .GroupBy(a => new { a.RegionCode, a.State })
            .Select(g => new LiveState(g.Key.RegionCode, g.Key.State, g.Count()))
            .ToListAsync(cancellationToken);

    private static IEnumerable<WorkflowProblem> Dropped(List<LiveState> live, IReadOnlySet<string> states) =>
        live.Where(g => !states.Contains(g.State))
            .GroupBy(g => g.State)
            .Select(g => new WorkflowProblem("LIVE_STATE_DROPPED", $"states.{g.Key}",
                string.Create(CultureInfo.InvariantCulture, $"{g.Sum(x => x.Count)} live application(s) stand in {g.Key} ({string.Join(", ", g.Select(x => x.RegionCode).Order())}); keep the state until they have left it.")));

    /// <summary>An occupied state that the new version keeps must keep its public status (the stored status and the turn's counts rely on it).</summary>
    private static IEnumerable<WorkflowProblem> StatusChanged(List<LiveState> live, WorkflowDefinition current, WorkflowDefinition definition) =>
        live.Select(g => g.State).Distinct()
            .Where(state => definition.States.Any(d => d.Name == state) && current.States.Any(d => d.Name == state)
                            && definition.State(state).Status != current.State(state).Status)
            .Select(state => new WorkflowProblem("LIVE_STATUS_CHANGED", $"states.{state}",
                $"Live applications stand in {state} with status {current.State(state).Status}; keep it until they have left the state."));

    /// <summary>A pending timer of a live application must still have its transition, or the deadline the family was given would never act.</summary>
    private async Task<IEnumerable<WorkflowProblem>> StrandedTimersAsync(IReadOnlyCollection<string> regions, WorkflowDefinition definition,
        CancellationToken cancellationToken)
    {
        var timers = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && db.Applications.Any(a => a.Id == t.ApplicationId && regions.Contains(a.RegionCode)))
            .Select(t => new { t.State, t.Trigger }).Distinct().ToListAsync(cancellationToken);
        return timers.Where(t => !definition.Transitions.Any(d => d.From == t.State && d.Trigger == t.Trigger))
            .Select(timer => new WorkflowProblem("LIVE_TIMER_STRANDED", $"states.{timer.State}",
                $"Pending timers of live applications fire {timer.Trigger} from {timer.State}; keep that transition until they have fired."));
    }

    /// <summary>Every event a transition notifies must have its templates in Russian and Kazakh.</summary>
    public IEnumerable<WorkflowProblem> MissingTemplates(WorkflowDefinition definition) =>
        definition.Transitions.SelectMany(t => t.ActivityList).Where(a => a.Activity == "notify" && a.Argument is not null)
            .Select(a => a.Argument!).Distinct().Where(template => !templates.Has(template))
            .Select(template => new WorkflowProblem("UNKNOWN_TEMPLATE", $"notify:{template}",
                $"No templates/notifications/{template}.ru|kk.sbn and .sbn-html."));

    /// <summary>Validates, stores the next version with who and why, and puts it in force here at once.</summary>
    public async Task<Result<WorkflowVersion>> ActivateAsync(string name, string json, string reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "reason"));
        var problems = await CheckAsync(name, json, cancellationToken);
        if (problems.Count > 0)
            return Error.Of(ErrorCodes.WorkflowInvalid, ("count", problems.Count.ToString(CultureInfo.InvariantCulture)), ("first", problems[0].ToString()));
        var definition = WorkflowDefinition.Parse(json, name, catalog.Activities).Definition!;

        var next = (await db.WorkflowVersions.Where(v => v.Name == name).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var version = new WorkflowVersion(name, next, json, actor.Iin, now, reason.Trim());
        db.WorkflowVersions.Add(version);
        db.StaffActions.Add(new StaffAction(now, actor, "ActivateWorkflow", string.Create(CultureInfo.InvariantCulture, $"workflow={name}; version={next}")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
            return Error.Of(ErrorCodes.ConcurrentChange);
        }

        catalog.Activate(name, new ActiveWorkflow(next, definition));
        return version;
    }

    public async Task<IReadOnlyList<WorkflowVersion>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        await db.WorkflowVersions.AsNoTracking().Where(v => v.Name == name).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
}
