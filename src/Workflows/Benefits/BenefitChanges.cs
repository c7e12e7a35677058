using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Benefits;

/// <summary>
/// What the benefit's use cases share (confirm, reject, lapse). A benefit is not a lifecycle state: the application's
/// state machine is not involved, and whatever state it is in, one change is one transaction of the entity's change
/// (its rank follows its benefit, its version changes), the history entry with the queue numbers before and after, the
/// benefit's own timer, the staff action and the family's messages in the outbox.
/// </summary>
public sealed class BenefitChanges(IKezekDb db, QueuePositions positions, RuleSetCatalog rules, TimeProvider clock)
{
    public const int MaxEvidenceLength = 1000;

    /// <summary>Discard codes of a benefit's timer that no longer applies (the sweep records them on the timer).</summary>
    public const string NotActive = "APPLICATION_NOT_ACTIVE";
    public const string NotInForce = "BENEFIT_NOT_IN_FORCE";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The day in the region's time zone.</summary>
    public DateOnly Today(string regionCode) => Policy(regionCode).Today(Now);

    /// <summary>
    /// The application named by its number, tracked, for an operator of its region, with a live benefit claim (or benefit)
    /// to decide; another region's operator (or anyone else) is answered exactly like a missing application.
    /// </summary>
    public async Task<Result<(Application Application, Actor Operator)>> FindClaimForOperatorAsync(string applicationNumber, Viewer viewer,
        CancellationToken cancellationToken)
    {
        var found = await OperatorActions.FindForOperatorAsync(db.Applications.Include(a => a.Parents), applicationNumber, viewer, cancellationToken);
        if (!found.IsSuccess)
            return found.Error!;
        var (application, actor) = found.Value;
        if (!application.Status.IsActive())
            return Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()));
        if (application.ClaimedBenefit == BenefitCategory.None && application.Benefit == BenefitCategory.None)
            return Error.Of(ErrorCodes.BenefitNotClaimed, ("number", application.Number));
        return (application, actor);
    }

    /// <summary>
    /// Applies one benefit change in the caller's transaction: the queue number before, the entity's change, the benefit's
    /// timer (a pending one is replaced), the save, the queue number after (counted on the saved queue), the family's
    /// message and, for staff, the audit row.
    /// </summary>
    public async Task ApplyAsync(Application application, Func<HistoryEntry> change, string template, Actor? staff, string? reason,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var policy = Policy(application.RegionCode);
        var before = (await positions.OfAsync(application, cancellationToken))?.QueueNumber;
        var lapsing = application.Benefit;
        var lapsingEndsAt = application.BenefitValidUntil is { } lapsingUntil ? policy.EndOfDayUtc(lapsingUntil) : (DateTime?)null;
        var entry = change();

        await db.WorkflowTimers.Where(t => t.ApplicationId == application.Id && t.Status == TimerStatus.Pending && t.Kind == TimerKind.BenefitLapse)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled).SetProperty(t => t.CompletedAt, now), cancellationToken);
        DateTime? endsAt = application.Benefit != BenefitCategory.None && application.BenefitValidUntil is { } until ? policy.EndOfDayUtc(until) : null;
        if (endsAt is { } due)
            db.WorkflowTimers.Add(WorkflowTimer.BenefitLapse(application.Id, due, now));
        if (staff is not null)
        {
            db.StaffActions.Add(new StaffAction(now, staff, entry.Action,
                string.Create(CultureInfo.InvariantCulture, $"{application.Number}: {application.Benefit}")));
        }

        await db.SaveChangesAsync(cancellationToken);
        var after = (await positions.OfAsync(application, cancellationToken))?.QueueNumber;
        application.RecordBenefitChange(entry, before, after);

        // The lapse tells which benefit ended and when; a confirmation which one counts and until when.
        var (category, ending) = entry.Action == HistoryActions.BenefitLapsed ? (lapsing, lapsingEndsAt) : (application.Benefit, endsAt);
        await Outbox.WriteAsync(db, application, [template], policy, null, reason, now, cancellationToken, new Dictionary<string, string?>
        {
            ["benefitCategory"] = category == BenefitCategory.None ? null : category.ToString(),
            ["benefitEndsAt"] = ending is { } end ? policy.ToLocal(end).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : null,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The benefit's timer fired (the sweep claimed it, in the caller's transaction): back to the general queue with the
    /// original queued-at time. A timer of an application no longer live, or whose benefit is gone, no longer applies.
    /// </summary>
    public async Task<Result<Transitioned>> LapseAsync(Application application, CancellationToken cancellationToken)
    {
        if (!application.Status.IsActive())
            return Error.Of(NotActive);
        if (application.Benefit == BenefitCategory.None)
            return Error.Of(NotInForce);
        await ApplyAsync(application, () => application.LapseBenefit(Now), "benefit-lapsed", null, null, cancellationToken);
        return new Transitioned(application, null, false, new HashSet<Guid>());
    }

    private RegionPolicy Policy(string regionCode) => rules.For(regionCode).RuleSet.Policy;
}
