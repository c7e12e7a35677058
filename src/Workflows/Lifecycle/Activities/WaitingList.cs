using Kezek.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary>
/// <c>joinWaitingList</c>: the chosen kindergarten had no free seat; the child waits on its list for a seat of that
/// language, and the turn's seat goes to the next in line.
/// </summary>
public sealed class JoinWaitingList : ActivityWithoutArgument
{
    public override string Name => "joinWaitingList";

    public override async Task<Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        if (context.Request.PlaceId is not { } placeId)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "placeId"));
        var place = await context.Db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, cancellationToken);
        if (place is null || place.RegionCode != context.Application.RegionCode)
            return Error.Of(ErrorCodes.PlaceNotFound);
        if (place.GroupYear != context.Application.GroupYear)
            return Error.Of(ErrorCodes.PlaceGroupMismatch, ("groupYear", context.Application.GroupYear.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        context.Application.JoinWaitingList(place.KindergartenId, place.Language, context.Now);
        // The turn's seat goes to the next in line; a seat freed there meanwhile is served from the list at once.
        context.OfferTurns = true;
        context.FreedIn.Add(place.KindergartenId);
        return null;
    }
}

/// <summary><c>leaveWaitingList</c>: the child is no longer on a kindergarten's waiting list.</summary>
public sealed class LeaveWaitingList : ActivityWithoutArgument
{
    public override string Name => "leaveWaitingList";

    public override Task<Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        context.Application.LeaveWaitingList();
        return Task.FromResult<Error?>(null);
    }
}
