using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;

namespace Kezek.Workflows.RuleSets;

/// <summary>
/// Validates and puts in force a new version of a rule set at once, here and within seconds on every instance; kept
/// with who, when and why.
/// </summary>
public sealed record ActivateRuleSet(string Name, string Json, string Reason, Viewer Viewer);

public sealed class ActivateRuleSetHandler(RuleSetVersions versions)
{
    public async Task<Result<RuleSetVersion>> HandleAsync(ActivateRuleSet command, CancellationToken cancellationToken) =>
        AccessPolicy.ForRuleSet(command.Viewer, command.Name) switch
        {
            { Error: { } refused } => refused,
            var officer => await versions.ActivateAsync(command.Name, command.Json, command.Reason, officer.Value, cancellationToken),
        };
}
