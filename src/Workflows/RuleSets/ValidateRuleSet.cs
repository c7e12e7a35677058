using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;

namespace Kezek.Workflows.RuleSets;

/// <summary>Checks a rule set without changing anything: schema, values, every expression compiles, no reflection, size.</summary>
public sealed record ValidateRuleSet(string Name, string Json, Viewer Viewer);

public sealed class ValidateRuleSetHandler(RuleSetVersions versions)
{
    public async Task<Result<RuleSetCheck>> HandleAsync(ValidateRuleSet command, CancellationToken cancellationToken) =>
        AccessPolicy.ForRuleSet(command.Viewer, command.Name).Error is { } refused ? refused : await versions.CheckAsync(command.Name, command.Json, cancellationToken);
}
