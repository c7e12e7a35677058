using Kezek.Core.Applications;
using Kezek.Core.Places;
using Kezek.Core.Results;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Places;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary><c>issueDirection</c>: takes the chosen seat (or an equal one) and issues a direction that expires by the region's AttendDeadline.</summary>
public sealed class IssueDirection : ActivityWithoutArgument
{
    public override string Name => "issueDirection";

    /// <summary>A seat claimed by the bulk run's caller is taken as it is: no statement, no failure unless the claim is another's.</summary>
    public override bool InBulkWithClaimedSeat => true;

    public override async Task<Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        if (context.Request.PlaceId is not { } placeId)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "placeId"));
        var application = context.Application;
        // Only a turn may take a seat published to the queue: Turns counts those seats against the turns it gave.
        var turnHasCome = context.FromStatus == ApplicationStatus.Notified;
        // A release window's run gave this very seat: it is taken as given, or not at all.
        // A close claims a page's seats at once (ClaimedSeat, in a bulk run); alone, the seat is claimed here.
        var seat = context.Request.Allocated
            ? context.ClaimedSeat is { } claimed && claimed.Id == placeId && claimed.TakenByApplicationId == application.Id
                ? claimed
                : await Seats.TakeAllocatedAsync(context.Db, application, placeId, cancellationToken)
            : await Seats.TakeAsync(context.Db, application, placeId, turnHasCome, cancellationToken);
        if (!seat.IsSuccess)
            return seat.Error;

        var issuedAt = new DateTimeOffset(context.Now, TimeSpan.Zero);
        var facts = context.Facts with { Direction = new DirectionFacts(issuedAt, issuedAt, 0) };
        var expiresAt = await context.Rules.DeadlineAsync(RuleSetSchema.Rules.AttendDeadline, facts);
        // The windows the family is given now are kept with the direction: a later rule change never shortens them.
        var issued = facts with { Direction = new DirectionFacts(issuedAt, expiresAt, 0) };
        var revokeUntil = await context.Rules.DeadlineAsync(RuleSetSchema.Rules.RevokeLatest, issued);
        var extendableUntil = await context.Rules.DeadlineAsync(RuleSetSchema.Rules.ExtensionLatest, issued);
        context.Direction = application.IssueDirection(Guid.NewGuid(), seat.Value.KindergartenId, seat.Value.Id, context.Now, expiresAt.UtcDateTime,
            revokeUntil.UtcDateTime, extendableUntil.UtcDateTime);
        // A new row: its key is set here, so say so rather than let the change tracker take it for an existing one.
        context.Db.Directions.Add(context.Direction);
        // A turn was owed a queue seat; taking a free-choice one leaves a queue seat for the next in line.
        if (turnHasCome && seat.Value.Mode == PlaceMode.FreeChoice)
            context.OfferTurns = true;
        return null;
    }
}
