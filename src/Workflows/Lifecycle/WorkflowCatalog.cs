using Kezek.Rules;

namespace Kezek.Workflows.Lifecycle;

/// <summary>A lifecycle definition in force, with its version.</summary>
public sealed record ActiveWorkflow(int Version, WorkflowDefinition Definition);

/// <summary>
/// The lifecycles in force, by name ("direction", "voucher"); a region's rule set names its own. A new version is
/// swapped in whole with one reference write: a transition that already holds the old one finishes on it.
/// </summary>
public sealed class WorkflowCatalog(ActivityLibrary activities)
{
    private readonly VersionsInForce<ActiveWorkflow> _active = new(workflow => workflow.Version);

    public ActivityLibrary Activities => activities;

    public WorkflowDefinition For(string lifecycle) => Active(lifecycle).Definition;

    public ActiveWorkflow Active(string lifecycle) =>
        _active.TryGet(lifecycle, out var active) ? active : throw new InvalidOperationException($"No workflow \"{lifecycle}\" is in force.");

    public bool Has(string lifecycle) => _active.TryGet(lifecycle, out _);

    /// <summary>The version of this lifecycle in force here; 0 when none is.</summary>
    public int VersionOf(string lifecycle) => _active.VersionOf(lifecycle);

    /// <summary>Puts this version in force whatever is in force now (at start, what is stored is what holds).</summary>
    public void Replace(string name, ActiveWorkflow workflow) => _active.Replace(name, workflow);

    /// <summary>Puts a version in force unless a newer one already is (instances may learn of versions in any order).</summary>
    public bool Activate(string name, ActiveWorkflow workflow) => _active.Activate(name, workflow);
}
