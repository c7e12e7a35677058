using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Versions;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.RuleSets;

/// <summary>A rule set that was checked: its problems, or none.</summary>
public sealed record RuleSetCheck(IReadOnlyList<ArtefactProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Rule-set versions kept in the database, with who, when and why; the files of <c>rules/</c> seed version 1.
/// The versioning is <see cref="ArtefactVersions{TVersion, TCompiled}"/>'s; the rule set's own part is <see cref="RuleSetArtefact"/>.
/// </summary>
public sealed class RuleSetVersions(IKezekDb db, RuleSetCatalog catalog, WorkingDayCalendar calendar, TimeProvider clock,
    Lifecycle.WorkflowCatalog workflows, Lifecycle.WorkflowVersions workflowVersions, ILogger<RuleSetVersions> logger)
{
    public const string SeededBy = SeedVersion.ActivatedBy;

    private readonly ArtefactVersions<RuleSetVersion, CompiledRuleSet> _versions =
        new(db, new RuleSetArtefact(db, catalog, calendar, workflows, workflowVersions), clock, logger);

    /// <summary>At start: stores each file of the folder as version 1 where none is stored, then loads what is in force.</summary>
    public async Task SeedAndLoadAsync(string folder, CancellationToken cancellationToken)
    {
        await _versions.SeedAndLoadAsync(folder, cancellationToken);
        if (!catalog.Has(RuleSetCatalog.Default))
            throw new InvalidDataException("No default rule set (rules/default.json) is stored.");
    }

    /// <summary>Loads every version newer than the one in force here; returns the names that changed.</summary>
    public Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken) => _versions.RefreshAsync(cancellationToken);

    public async Task<RuleSetCheck> CheckAsync(string name, string json, CancellationToken cancellationToken) =>
        new((await _versions.ValidateAsync(name, json, cancellationToken)).Problems);

    /// <summary>The check, and the compiled candidate when it passes (the dry run compares it with the rule set in force).</summary>
    public Task<ArtefactValidation<CompiledRuleSet>> ValidateAsync(string name, string json, CancellationToken cancellationToken) =>
        _versions.ValidateAsync(name, json, cancellationToken);

    /// <summary>Validates, stores the next version with who and why, and puts it in force here at once.</summary>
    public Task<Result<RuleSetVersion>> ActivateAsync(string name, string json, string reason, Actor officer, CancellationToken cancellationToken) =>
        _versions.ActivateAsync(name, json, reason, officer, cancellationToken);

    public Task<IReadOnlyList<RuleSetVersion>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        _versions.HistoryAsync(name, cancellationToken);
}
