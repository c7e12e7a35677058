using Kezek.Workflows.Places;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>releaseSeat</c>: the direction's seat is free again, for free choice.</summary>
public sealed class ReleaseSeat : ActivityWithoutArgument
{
    public override string Name => "releaseSeat";

    public override async Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        var direction = context.Direction ?? throw new InvalidOperationException("releaseSeat: the application has no issued direction.");
        if (await Seats.ReleaseAsync(context.Db, direction.PlaceId, context.Application.Id, cancellationToken) != 1)
            throw new InvalidOperationException($"releaseSeat: seat {direction.PlaceId} was not held by application {context.Application.Id}.");
        context.FreedIn.Add(direction.KindergartenId);
        return null;
    }
}
