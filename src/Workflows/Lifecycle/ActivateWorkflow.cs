using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Workflows.Access;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// Validates and puts in force a new version of a lifecycle, here at once and within seconds on every instance; kept
/// with who, when and why. For those who may change the lifecycle.
/// </summary>
public sealed record ActivateWorkflow(string Name, string Json, string Reason, Viewer Viewer);

public sealed class ActivateWorkflowHandler(WorkflowVersions versions)
{
    public async Task<Result<WorkflowVersion>> HandleAsync(ActivateWorkflow command, CancellationToken cancellationToken) =>
        AccessPolicy.ForLifecycle(command.Viewer, await versions.RegionsRunningAsync(command.Name, cancellationToken)) switch
        {
            { Error: { } refused } => refused,
            var editor => await versions.ActivateAsync(command.Name, command.Json, command.Reason, editor.Value, cancellationToken),
        };
}
