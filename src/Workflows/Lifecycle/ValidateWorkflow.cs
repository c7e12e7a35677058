using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Workflows.Access;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// Checks a new version of a lifecycle without changing anything: names, reachability, and live applications in states
/// it drops. For those who may change the lifecycle.
/// </summary>
public sealed record ValidateWorkflow(string Name, string Json, Viewer Viewer);

public sealed class ValidateWorkflowHandler(WorkflowVersions versions)
{
    public async Task<Result<IReadOnlyList<ArtefactProblem>>> HandleAsync(ValidateWorkflow command, CancellationToken cancellationToken) =>
        AccessPolicy.ForLifecycle(command.Viewer, await versions.RegionsRunningAsync(command.Name, cancellationToken)).Error is { } refused
            ? refused
            : Result<IReadOnlyList<ArtefactProblem>>.Success(await versions.CheckAsync(command.Name, command.Json, cancellationToken));
}
