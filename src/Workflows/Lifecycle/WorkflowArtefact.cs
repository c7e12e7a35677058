using System.Globalization;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Versions;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// A lifecycle definition as a versioned artefact: parsed against the activity library, its notification templates
/// present, and refused while a live application stands in a state it drops or changes; kept in the <see cref="WorkflowCatalog"/>.
/// </summary>
public sealed class WorkflowArtefact(IKezekDb db, WorkflowCatalog catalog, RuleSetCatalog rules, INotificationRenderer templates)
    : IVersionedArtefact<WorkflowVersion, WorkflowDefinition>
{
    public ArtefactKind Kind { get; } = new("workflow", "workflows", "ActivateWorkflow", "workflow", ErrorCodes.WorkflowInvalid);

    public VersionTable<WorkflowVersion> Table { get; } = new(db.WorkflowVersions, v => v.Name, v => v.Version, v => v.Json,
        (name, number, json, activatedBy, activatedAt, reason) => new WorkflowVersion(name, number, json, activatedBy, activatedAt, reason));

    public Task<ArtefactProblem?> UnknownNameAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(catalog.Has(name) ? null : new ArtefactProblem("NAME", "name", $"No lifecycle \"{name}\" is in force; one of: direction, voucher."));

    public Error? RefusalOfUnknownName(string name) => null;

    public Task<(WorkflowDefinition? Compiled, IReadOnlyList<ArtefactProblem> Problems)> CompileAsync(string name, string json) =>
        Task.FromResult(WorkflowDefinition.Parse(json, name, catalog.Activities));

    /// <summary>Every event a transition notifies must have its templates in Russian and Kazakh.</summary>
    public IEnumerable<ArtefactProblem> CheckHere(WorkflowDefinition compiled) =>
        compiled.Transitions.SelectMany(t => t.ActivityList).Where(a => a.Activity == "notify" && a.Argument is not null)
            .Select(a => a.Argument!).Distinct().Where(template => !templates.Has(template))
            .Select(template => new ArtefactProblem("UNKNOWN_TEMPLATE", $"notify:{template}",
                $"No templates/notifications/{template}.ru|kk.sbn and .sbn-html."));

    /// <summary>The live applications standing in states the new version drops or shows otherwise, and pending timers it would strand.</summary>
    public async Task<IReadOnlyList<ArtefactProblem>> CheckLiveAsync(string name, WorkflowDefinition candidate, CancellationToken cancellationToken)
    {
        var regions = await RegionsRunningAsync(name, cancellationToken);
        var live = await LiveStatesAsync(regions, cancellationToken);
        return
        [
            .. Dropped(live, candidate.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal)),
            .. StatusChanged(live, catalog.For(name), candidate),
            .. await StrandedTimersAsync(regions, candidate, cancellationToken),
        ];
    }

    public int VersionInForce(string name) => catalog.VersionOf(name);

    public void Replace(string name, int version, WorkflowDefinition compiled) => catalog.Replace(name, new ActiveWorkflow(version, compiled));

    public bool Activate(string name, int version, WorkflowDefinition compiled) => catalog.Activate(name, new ActiveWorkflow(version, compiled));

    /// <summary>The regions whose rule set in force names this lifecycle.</summary>
    public async Task<IReadOnlyList<string>> RegionsRunningAsync(string lifecycle, CancellationToken cancellationToken) =>
        (await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken))
        .Where(region => rules.For(region).RuleSet.Policy.Lifecycle == lifecycle).ToList();

    /// <summary>
    /// Live applications of these regions whose state is not among <paramref name="states"/>: a definition (or a
    /// region's switch to another lifecycle) that would strand them is refused.
    /// </summary>
    public async Task<IReadOnlyList<ArtefactProblem>> DroppedLiveStatesAsync(IReadOnlyCollection<string> regions, IReadOnlySet<string> states,
        CancellationToken cancellationToken) =>
        [.. Dropped(await LiveStatesAsync(regions, cancellationToken), states)];

    private sealed record LiveState(string RegionCode, string State, int Count);

    private async Task<List<LiveState>> LiveStatesAsync(IReadOnlyCollection<string> regions, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.ActiveChildIin != null && regions.Contains(a.RegionCode))
            .GroupBy(a => new { a.RegionCode, a.State })
            .Select(g => new LiveState(g.Key.RegionCode, g.Key.State, g.Count()))
            .ToListAsync(cancellationToken);

    private static IEnumerable<ArtefactProblem> Dropped(List<LiveState> live, IReadOnlySet<string> states) =>
        live.Where(g => !states.Contains(g.State))
            .GroupBy(g => g.State)
            .Select(g => new ArtefactProblem("LIVE_STATE_DROPPED", $"states.{g.Key}",
                string.Create(CultureInfo.InvariantCulture, $"{g.Sum(x => x.Count)} live application(s) stand in {g.Key} ({string.Join(", ", g.Select(x => x.RegionCode).Order())}); keep the state until they have left it.")));

    /// <summary>An occupied state that the new version keeps must keep its public status (the stored status and the turn's counts rely on it).</summary>
    private static IEnumerable<ArtefactProblem> StatusChanged(List<LiveState> live, WorkflowDefinition current, WorkflowDefinition definition) =>
        live.Select(g => g.State).Distinct()
            .Where(state => definition.States.Any(d => d.Name == state) && current.States.Any(d => d.Name == state)
                            && definition.State(state).Status != current.State(state).Status)
            .Select(state => new ArtefactProblem("LIVE_STATUS_CHANGED", $"states.{state}",
                $"Live applications stand in {state} with status {current.State(state).Status}; keep it until they have left the state."));

    /// <summary>A pending timer of a live application must still have its transition, or the deadline the family was given would never act.</summary>
    private async Task<IEnumerable<ArtefactProblem>> StrandedTimersAsync(IReadOnlyCollection<string> regions, WorkflowDefinition definition,
        CancellationToken cancellationToken)
    {
        var timers = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.Kind == TimerKind.State && db.Applications.Any(a => a.Id == t.ApplicationId && regions.Contains(a.RegionCode)))
            .Select(t => new { t.State, t.Trigger }).Distinct().ToListAsync(cancellationToken);
        return timers.Where(t => !definition.Transitions.Any(d => d.From == t.State && d.Trigger == t.Trigger))
            .Select(timer => new ArtefactProblem("LIVE_TIMER_STRANDED", $"states.{timer.State}",
                $"Pending timers of live applications fire {timer.Trigger} from {timer.State}; keep that transition until they have fired."));
    }
}
