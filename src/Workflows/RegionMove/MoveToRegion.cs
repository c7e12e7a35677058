using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Documents;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Register;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.RegionMove;

/// <summary>
/// Перевод в другой регион: the operator of the application's region moves a queued application to another region, signed
/// with the operator's SIGN key, with a reason, once the family has consented to that region (<see cref="ConsentToRegionMove"/>).
/// The application ends here as Moved (a move of the lifecycle, <see cref="Triggers.MoveToRegion"/>) and goes on there as a
/// new application with the next number of that region: with its original queued-at time where that region's rules keep it
/// (<c>keepQueuedAtOnMove</c>), else from the moment of the move. Both histories name the other application; one
/// transaction writes all of it, or nothing.
/// </summary>
public sealed record MoveToRegion(string ApplicationNumber, string TargetRegion, string Reason, Viewer Operator, ActionSignature Signature);

public sealed class MoveToRegionHandler(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner, QueueEntries entries,
    RuleSetCatalog rules, TimeProvider clock)
{
    /// <summary>How long a family's consent to a move stays good.</summary>
    public static readonly TimeSpan ConsentValidity = TimeSpan.FromDays(30);

    public async Task<Result<Application>> HandleAsync(MoveToRegion command, CancellationToken cancellationToken)
    {
        if (OperatorActions.ReasonRefusal(command.Reason) is { } refused)
            return refused;
        var reason = command.Reason.Trim();
        var number = ApplicationNumber.Parse(command.ApplicationNumber);
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        var child = await db.Applications.AsNoTracking().Where(a => a.Number == text).Select(a => a.Child.Iin).SingleOrDefaultAsync(cancellationToken);
        if (child is null)
            return Error.Of(ErrorCodes.ApplicationNotFound);
        return await entries.EnterAsync<Application>(command.TargetRegion, child, async token =>
        {
            Application? moved = null;
            var done = await runner.RunAsync(async inner =>
            {
                var result = await MoveAsync(command, reason, inner);
                moved = result.IsSuccess ? result.Value.Moved : null;
                return result.IsSuccess ? result.Value.Transitioned : result.Error!;
            }, command.Signature.SpendNonce, token);
            return done.IsSuccess ? moved! : done.Error!;
        }, cancellationToken);
    }

    /// <summary>Why an application may not be moved to that region (the same one, or none such); null when it may.</summary>
    public static async Task<Error?> TargetRefusalAsync(IKezekDb db, Application application, string targetRegion, CancellationToken cancellationToken)
    {
        if (targetRegion == application.RegionCode)
            return Error.Of(ErrorCodes.MoveToSameRegion);
        return await db.Regions.AnyAsync(r => r.Code == targetRegion, cancellationToken)
            ? null
            : Error.Of(ErrorCodes.UnknownRegion, ("region", targetRegion));
    }

    /// <summary>Why the application may not move from its state (its region's lifecycle has no move from there); null when it may.</summary>
    public static Error? NotMovable(ApplicationLifecycle lifecycle, Application application) =>
        lifecycle.WorkflowOf(application.RegionCode).From(application.State).Any(t => t.Trigger == Triggers.MoveToRegion)
            ? null
            : Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()));

    private async Task<Result<(Transitioned Transitioned, Application Moved)>> MoveAsync(MoveToRegion command, string reason,
        CancellationToken cancellationToken)
    {
        var found = await OperatorActions.FindForOperatorAsync(lifecycle.ForChange, command.ApplicationNumber, command.Operator, cancellationToken);
        if (!found.IsSuccess)
            return found.Error!;
        var (application, actor) = found.Value;
        if (await TargetRefusalAsync(db, application, command.TargetRegion, cancellationToken) is { } refused)
            return refused;
        if (NotMovable(lifecycle, application) is { } ended)
            return ended;

        var now = clock.GetUtcNow().UtcDateTime;
        var consentedSince = now - ConsentValidity;
        if (!await db.HistoryEntries.AnyAsync(h => h.ApplicationId == application.Id && h.Action == HistoryActions.RegionMoveConsented
                && h.OtherRegionCode == command.TargetRegion && h.At >= consentedSince, cancellationToken))
            return Error.Of(ErrorCodes.MoveConsentMissing);
        if (await entries.HasLiveApplicationAsync(command.TargetRegion, application.Child.Iin, cancellationToken))
            return Error.Of(ErrorCodes.DuplicateApplication);
        var target = rules.For(command.TargetRegion).RuleSet.Policy;
        if (!application.Child.MayQueueOn(target.Today(now), target.MaxAgeMonths))
            return Error.Of(ErrorCodes.ChildAgeOutOfRange);

        // The number first: taking a region's first number of the year saves its counter, and the move's entry must not be
        // saved before it names the new application (history is sealed as it is saved).
        var number = await entries.NextNumberAsync(command.TargetRegion, target.NumberPrefix, target.ToLocal(now).Year, cancellationToken);
        var fired = await lifecycle.FireAsync(application, Triggers.MoveToRegion,
            command.Signature.Request(reason) with { Actor = actor }, cancellationToken);
        if (!fired.IsSuccess)
            return fired.Error!;

        var moved = Application.MoveIn(application, number, command.TargetRegion, target.KeepQueuedAtOnMove, now, actor, reason,
            command.Signature.SignedXml, command.Signature.RevocationEvidence);
        application.RecordMovedTo(command.TargetRegion, moved.Number);
        db.Applications.Add(moved);
        db.StaffActions.Add(new StaffAction(now, actor, Triggers.MoveToRegion, application.Number));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var kind in DocumentIssuer.AtRegistration)
            await DocumentIssuer.IssueAsync(db, moved, kind, null, target, now, cancellationToken);
        await Outbox.WriteAsync(db, moved, ["moved-to-region"], target, null, reason, now, cancellationToken,
            new Dictionary<string, string?> { ["fromApplicationNumber"] = application.Number, ["fromRegion"] = application.RegionCode });
        return (fired.Value, moved);
    }
}
