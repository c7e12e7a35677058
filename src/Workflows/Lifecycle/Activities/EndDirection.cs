using Kezek.Core.Applications;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary>
/// <c>endDirection</c> (argument: Enrolled, Expired, Revoked, Refused or Transferred): the direction ends with that status.
/// Transferred ends the direction the child is enrolled by (a transfer run moved it on); the others end the issued one.
/// </summary>
public sealed class EndDirection : IActivity
{
    public string Name => "endDirection";

    public string? CheckArgument(string? argument) =>
        argument is nameof(DirectionStatus.Enrolled) or nameof(DirectionStatus.Expired) or nameof(DirectionStatus.Revoked)
            or nameof(DirectionStatus.Refused) or nameof(DirectionStatus.Transferred)
            ? null : "Enrolled, Expired, Revoked, Refused or Transferred.";

    public Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        var status = Enum.Parse<DirectionStatus>(argument!);
        var direction = status == DirectionStatus.Transferred
            ? context.Application.EnrolledDirection ?? throw new InvalidOperationException("endDirection Transferred: the application has no enrolled direction.")
            : context.Direction ?? throw new InvalidOperationException("endDirection: the application has no issued direction.");
        direction.End(status, context.Now);
        return Task.FromResult<Core.Results.Error?>(null);
    }
}
