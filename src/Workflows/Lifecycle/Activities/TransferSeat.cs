using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Workflows.Places;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary>
/// <c>transferSeat</c>: a transfer run moves the enrolled child to the seat it was given (<see cref="TransitionRequest.PlaceId"/>):
/// the seat it held is given back (to free choice) unless a child of the same run has already taken it over, the new seat is
/// taken — a free one, or the seat of a child leaving it in the same run (<see cref="TransitionRequest.HandOverFrom"/>) — and
/// the child holds it by a new direction, enrolled at once (the family asked for the move; no visit is awaited).
/// </summary>
public sealed class TransferSeat : ActivityWithoutArgument
{
    public override string Name => "transferSeat";

    public override async Task<Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        if (context.Request.PlaceId is not { } placeId)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "placeId"));
        var application = context.Application;
        await Seats.ReleaseHeldAsync(context.Db, application.Id, cancellationToken);
        var seat = await Seats.TakeTransferredAsync(context.Db, application, placeId, context.Request.HandOverFrom, cancellationToken);
        if (!seat.IsSuccess)
            return seat.Error;

        var direction = application.IssueDirection(Guid.NewGuid(), seat.Value.KindergartenId, seat.Value.Id, context.Now, context.Now, context.Now, context.Now);
        direction.End(DirectionStatus.Enrolled, context.Now);
        context.Db.Directions.Add(direction);
        context.Direction = direction;
        return null;
    }
}
