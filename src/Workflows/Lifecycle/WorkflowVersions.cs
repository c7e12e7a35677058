using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Versions;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// Lifecycle versions kept in the database, with who, when and why; the files of <c>workflows/</c> seed version 1.
/// The versioning is <see cref="ArtefactVersions{TVersion, TCompiled}"/>'s; the lifecycle's own part (a new version is
/// refused while a live application stands in a state it drops) is <see cref="WorkflowArtefact"/>.
/// </summary>
public sealed class WorkflowVersions
{
    public const string SeededBy = SeedVersion.ActivatedBy;

    private readonly WorkflowCatalog _catalog;
    private readonly RuleSetCatalog _rules;
    private readonly WorkflowArtefact _artefact;
    private readonly ArtefactVersions<WorkflowVersion, WorkflowDefinition> _versions;

    public WorkflowVersions(IKezekDb db, WorkflowCatalog catalog, RuleSetCatalog rules, Kezek.Core.Notifications.INotificationRenderer templates,
        TimeProvider clock, ILogger<WorkflowVersions> logger)
    {
        _catalog = catalog;
        _rules = rules;
        _artefact = new WorkflowArtefact(db, catalog, rules, templates);
        _versions = new ArtefactVersions<WorkflowVersion, WorkflowDefinition>(db, _artefact, clock, logger);
    }

    /// <summary>At start: stores each file of the folder as version 1 where none is stored, then loads what is in force.</summary>
    public async Task SeedAndLoadAsync(string folder, CancellationToken cancellationToken)
    {
        await _versions.SeedAndLoadAsync(folder, cancellationToken);
        foreach (var ruleSet in _rules.All)
        {
            if (!_catalog.Has(ruleSet.RuleSet.Policy.Lifecycle))
                throw new InvalidDataException($"Rule set {ruleSet.Name} names the lifecycle \"{ruleSet.RuleSet.Policy.Lifecycle}\", which is not stored.");
        }
    }

    /// <summary>Loads every version newer than the one in force here; returns the names that changed.</summary>
    public Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken) => _versions.RefreshAsync(cancellationToken);

    /// <summary>Every problem of a candidate definition: its own, and the live applications standing in states it drops.</summary>
    public async Task<IReadOnlyList<ArtefactProblem>> CheckAsync(string name, string json, CancellationToken cancellationToken) =>
        (await _versions.ValidateAsync(name, json, cancellationToken)).Problems;

    /// <summary>The regions whose rule set in force names this lifecycle.</summary>
    public Task<IReadOnlyList<string>> RegionsRunningAsync(string lifecycle, CancellationToken cancellationToken) =>
        _artefact.RegionsRunningAsync(lifecycle, cancellationToken);

    /// <summary>
    /// Live applications of these regions whose state is not among <paramref name="states"/>: a definition (or a
    /// region's switch to another lifecycle) that would strand them is refused.
    /// </summary>
    public Task<IReadOnlyList<ArtefactProblem>> DroppedLiveStatesAsync(IReadOnlyCollection<string> regions, IReadOnlySet<string> states,
        CancellationToken cancellationToken) =>
        _artefact.DroppedLiveStatesAsync(regions, states, cancellationToken);

    /// <summary>Every event a transition notifies must have its templates in Russian and Kazakh.</summary>
    public IEnumerable<ArtefactProblem> MissingTemplates(WorkflowDefinition definition) => _artefact.CheckHere(definition);

    /// <summary>Validates, stores the next version with who and why, and puts it in force here at once.</summary>
    public Task<Result<WorkflowVersion>> ActivateAsync(string name, string json, string reason, Actor actor, CancellationToken cancellationToken) =>
        _versions.ActivateAsync(name, json, reason, actor, cancellationToken);

    public Task<IReadOnlyList<WorkflowVersion>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        _versions.HistoryAsync(name, cancellationToken);
}
