using Kezek.Core.Applications;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>endDirection</c> (argument: Enrolled, Expired, Revoked or Refused): the direction ends with that status.</summary>
public sealed class EndDirection : IActivity
{
    public string Name => "endDirection";

    public string? CheckArgument(string? argument) =>
        argument is nameof(DirectionStatus.Enrolled) or nameof(DirectionStatus.Expired) or nameof(DirectionStatus.Revoked)
            or nameof(DirectionStatus.Refused)
            ? null : "Enrolled, Expired, Revoked or Refused.";

    public Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        var direction = context.Direction ?? throw new InvalidOperationException("endDirection: the application has no issued direction.");
        direction.End(Enum.Parse<DirectionStatus>(argument!), context.Now);
        return Task.FromResult<Core.Results.Error?>(null);
    }
}
