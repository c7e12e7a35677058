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

    public override async Task<Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        if (context.Request.PlaceId is not { } placeId)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "placeId"));
        var application = context.Application;
        // A turn (or the head of a kindergarten's waiting list) may take a seat published to the queue.
        var turnHasCome = context.FromStatus == ApplicationStatus.Notified || application.WaitingForKindergartenId is not null;
        var seat = await Seats.TakeAsync(context.Db, application, placeId, turnHasCome, cancellationToken);
        if (!seat.IsSuccess)
            return seat.Error;

        var issuedAt = new DateTimeOffset(context.Now, TimeSpan.Zero);
        var facts = context.Facts with { Direction = new DirectionFacts(issuedAt, issuedAt, 0) };
        var expiresAt = await context.Rules.DeadlineAsync(RuleSetSchema.Rules.AttendDeadline, facts);
        context.Direction = application.IssueDirection(Guid.NewGuid(), seat.Value.KindergartenId, seat.Value.Id, context.Now, expiresAt.UtcDateTime);
        // A new row: its key is set here, so say so rather than let the change tracker take it for an existing one.
        context.Db.Directions.Add(context.Direction);
        // A turn was owed a queue seat; taking a free-choice one leaves a queue seat for the next in line.
        if (context.FromStatus == ApplicationStatus.Notified && seat.Value.Mode == PlaceMode.FreeChoice)
            context.OfferTurns = true;
        return null;
    }
}
