using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;

namespace Kezek.Workflows.RuleSets;

/// <summary>What a rule set would change for the region's live applications, changing nothing.</summary>
public sealed record DryRunRuleSet(string Name, string Json, Viewer Viewer);

public sealed class DryRunRuleSetHandler(RuleSetDryRun dryRun)
{
    public async Task<Result<DryRunReport>> HandleAsync(DryRunRuleSet command, CancellationToken cancellationToken) =>
        AccessPolicy.ForRuleSet(command.Viewer, command.Name).Error is { } refused ? refused : await dryRun.RunAsync(command.Name, command.Json, cancellationToken);
}
