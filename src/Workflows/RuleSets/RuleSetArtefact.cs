using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Versions;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.RuleSets;

/// <summary>A region's rule set as a versioned artefact: compiled with the working-day calendar, kept in the <see cref="RuleSetCatalog"/>.</summary>
public sealed class RuleSetArtefact(IKezekDb db, RuleSetCatalog catalog, WorkingDayCalendar calendar, WorkflowCatalog workflows,
    WorkflowVersions workflowVersions) : IVersionedArtefact<RuleSetVersion, CompiledRuleSet>
{
    public ArtefactKind Kind { get; } = new("rule set", "rules", "ActivateRuleSet", "ruleSet", ErrorCodes.RuleSetInvalid);

    public VersionTable<RuleSetVersion> Table { get; } = new(db.RuleSetVersions, v => v.RegionCode, v => v.Version, v => v.Json,
        (name, number, json, activatedBy, activatedAt, reason) => new RuleSetVersion(name, number, json, activatedBy, activatedAt, reason));

    public async Task<ArtefactProblem?> UnknownNameAsync(string name, CancellationToken cancellationToken) =>
        name == RuleSetCatalog.Default || await db.Regions.AnyAsync(r => r.Code == name, cancellationToken)
            ? null
            : new ArtefactProblem("NAME", "region", $"No region {name}.");

    public Error? RefusalOfUnknownName(string name) => Error.Of(ErrorCodes.UnknownRegion, ("region", name));

    public Task<(CompiledRuleSet? Compiled, IReadOnlyList<ArtefactProblem> Problems)> CompileAsync(string name, string json) =>
        CompiledRuleSet.CompileAsync(json, name, calendar);

    public IEnumerable<ArtefactProblem> CheckHere(CompiledRuleSet compiled) => [];

    /// <summary>
    /// A rule set that switches its regions to another lifecycle must name one in force, and must not strand a live
    /// application in a state the other lifecycle does not have.
    /// </summary>
    public async Task<IReadOnlyList<ArtefactProblem>> CheckLiveAsync(string name, CompiledRuleSet candidate, CancellationToken cancellationToken)
    {
        var lifecycle = candidate.Policy.Lifecycle;
        if (catalog.Has(name) && catalog.For(name).RuleSet.Policy.Lifecycle == lifecycle)
            return [];
        if (!workflows.Has(lifecycle))
            return [new ArtefactProblem("VALUE_INVALID", "GlobalParams.lifecycle", $"No lifecycle \"{lifecycle}\" is in force.")];
        var regions = name == RuleSetCatalog.Default
            ? await db.Regions.Select(r => r.Code).Where(code => !catalog.All.Select(r => r.Name).Contains(code)).ToListAsync(cancellationToken)
            : [name];
        var states = workflows.For(lifecycle).States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var dropped = await workflowVersions.DroppedLiveStatesAsync(regions, states, cancellationToken);
        return [.. dropped.Select(p => p with { Where = "GlobalParams.lifecycle" })];
    }

    public int VersionInForce(string name) => catalog.VersionOf(name);

    public void Replace(string name, int version, CompiledRuleSet compiled) => catalog.Replace(new ActiveRuleSet(name, version, compiled));

    public bool Activate(string name, int version, CompiledRuleSet compiled) => catalog.Activate(new ActiveRuleSet(name, version, compiled));
}
