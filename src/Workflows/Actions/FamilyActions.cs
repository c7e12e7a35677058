using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Actions;

/// <summary>
/// A family member's signed action on an application (choose, extend, revoke, withdraw, confirm or refuse the
/// voucher, restore), named by the application's number or by its direction.
/// </summary>
public sealed record FamilyAction(string Trigger, string? ApplicationNumber, Guid? DirectionId, TransitionRequest Request);

public sealed class FamilyActionHandler(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner)
{
    public const int MaxReasonLength = 2000;

    private static readonly HashSet<string> NeedReason = [Triggers.Extend, Triggers.Revoke, Triggers.Withdraw, Triggers.RefuseVoucher];

    /// <summary>Acts and spends the signed action's nonce in one transaction.</summary>
    public async Task<Result<Transitioned>> HandleAsync(FamilyAction action, Func<CancellationToken, Task<bool>> spendNonce,
        CancellationToken cancellationToken)
    {
        if (NeedReason.Contains(action.Trigger) && string.IsNullOrWhiteSpace(action.Request.Reason))
            return Error.Of(ErrorCodes.ReasonRequired);
        if (action.Request.Reason?.Length > MaxReasonLength)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "reason"));

        var request = action.Request with { Reason = action.Request.Reason?.Trim() };
        var done = await runner.RunAsync(async token =>
        {
            var application = await FindAsync(action, action.Request.Actor, token);
            if (!application.IsSuccess)
                return application.Error!;
            return await lifecycle.FireAsync(application.Value, action.Trigger, request, token);
        }, spendNonce, cancellationToken);
        if (action.Trigger != Triggers.Choose || done.Error?.Code is not (ErrorCodes.NoFreePlace or ErrorCodes.NoFreePlaces))
            return done;

        // Where the lifecycle has a waiting list (voucher), a kindergarten without a free seat puts the child on it.
        return await runner.RunAsync(async token =>
        {
            var application = await FindAsync(action, action.Request.Actor, token);
            if (!application.IsSuccess)
                return application.Error!;
            if (!lifecycle.WorkflowOf(application.Value.RegionCode).From(application.Value.State).Any(t => t.Trigger == Triggers.WaitForPlace))
                return done.Error!;
            return await lifecycle.FireAsync(application.Value, Triggers.WaitForPlace, request, token);
        }, spendNonce, cancellationToken);
    }

    /// <summary>The family's application, tracked; another family's is answered exactly like a missing one.</summary>
    private async Task<Result<Application>> FindAsync(FamilyAction action, Actor actor, CancellationToken cancellationToken)
    {
        Application? application;
        if (action.DirectionId is { } directionId)
        {
            var applicationId = await db.Directions.Where(d => d.Id == directionId).Select(d => (long?)d.ApplicationId).SingleOrDefaultAsync(cancellationToken);
            application = applicationId is null ? null : await lifecycle.ForChange.SingleAsync(a => a.Id == applicationId, cancellationToken);
            if (application is null || !application.IsFamilyMember(actor.Iin))
                return Error.Of(ErrorCodes.DirectionNotFound);
            if (application.CurrentDirection?.Id != directionId)
                return Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()));
            return application;
        }

        var number = ApplicationNumber.Parse(action.ApplicationNumber ?? "");
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        application = await lifecycle.ForChange.SingleOrDefaultAsync(a => a.Number == text, cancellationToken);
        return application is not null && application.IsFamilyMember(actor.Iin) ? application : Error.Of(ErrorCodes.ApplicationNotFound);
    }
}
