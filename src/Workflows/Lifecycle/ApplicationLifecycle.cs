using Kezek.Core.Applications;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>What the region's rules answer for one application now: the facts, and every guard of its current state.</summary>
public sealed record Evaluation(WorkflowDefinition Workflow, CompiledRuleSet Rules, RuleFacts Facts, IReadOnlyDictionary<string, bool> Guards)
{
    public WorkflowMachine Machine(Application application) => WorkflowMachine.For(Workflow, application.State, rule => Guards[rule]);
}

/// <summary>The outcome of a transition: the direction it concerned, and whether a queue seat is now owed to the next in line.</summary>
public sealed record Transitioned(Application Application, Direction? Direction, bool OfferTurns, IReadOnlySet<Guid> FreedIn);

/// <summary>
/// Runs an application's workflow: evaluates the guards by the region's rules, fires the trigger on the Stateless
/// machine, records the history, runs the transition's activities, moves the state's timer and writes the outbox.
/// Everything happens in the caller's transaction and is saved by the caller: a transition commits whole or not at all.
/// </summary>
public sealed partial class ApplicationLifecycle(IKezekDb db, WorkflowCatalog workflows, RuleSetCatalog rules, TimeProvider clock)
{
    public WorkflowDefinition WorkflowOf(string regionCode) => workflows.For(rules.For(regionCode).RuleSet.Policy.Lifecycle);

    /// <summary>The applications with everything a transition changes, tracked.</summary>
    public IQueryable<Application> ForChange => db.Applications.Include(a => a.Directions).Include(a => a.Parents);

    public async Task<Evaluation> EvaluateAsync(Application application, PlaceFacts? places, CancellationToken cancellationToken)
    {
        var ruleSet = rules.For(application.RegionCode).RuleSet;
        var workflow = workflows.For(ruleSet.Policy.Lifecycle);
        places ??= await LifecycleFacts.PlacesAsync(db, application.RegionCode, application.GroupYear,
            application.Status == ApplicationStatus.Notified, cancellationToken);
        var facts = LifecycleFacts.Of(application, places, clock.GetUtcNow(), ruleSet.Policy.TimeZone);
        var guards = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var rule in workflow.From(application.State).SelectMany(t => t.GuardList).Select(TransitionDefinition.RuleOf).Distinct())
            guards[rule] = await ruleSet.CheckAsync(rule, facts);
        return new Evaluation(workflow, ruleSet, facts, guards);
    }

    /// <summary>Null when the trigger may fire now; else why not, as an error the family can read.</summary>
    public static Error? Refusal(Evaluation evaluation, Application application, string trigger)
    {
        // Past the current step's deadline only its timer (and giving up) may move the application, even before the sweep runs.
        if (application.DeadlineAt is { } deadline && new DateTimeOffset(deadline, TimeSpan.Zero) <= evaluation.Facts.Now
            && !Triggers.TimerTriggers.Contains(trigger) && trigger is not (Triggers.Withdraw or Triggers.RefuseVoucher))
            return Error.Of(ErrorCodes.DeadlinePassed);
        if (evaluation.Machine(application).Refusal(trigger) is not { } unmet)
            return null;
        // Every seat of the group year taken: that is the reason, whether or not the family's turn had come.
        if (trigger == Triggers.Choose && evaluation.Facts.Places.AnyMode == 0
            && unmet.Any(guard => TransitionDefinition.RuleOf(guard) == RuleSetSchema.Rules.FreePlacesExist))
            return Error.Of(ErrorCodes.NoFreePlace, ("status", application.Status.ToString()));
        return unmet.Count == 0
            ? Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()))
            : Error.Of(GuardCodes.TryGetValue(TransitionDefinition.RuleOf(unmet.First()), out var code) ? code : ErrorCodes.ActionNotAvailable,
                ("status", application.Status.ToString()));
    }

    /// <summary>
    /// Fires a trigger inside the caller's open transaction. A refusal (guards, deadline) changes nothing; a failure
    /// of an activity leaves the transaction's work half-done, so the caller must roll back — or, when
    /// <paramref name="nested"/> (a transition run as a consequence of another), it is thrown as a
    /// <see cref="TransitionRaceException"/> for the runner to retry the whole transaction.
    /// </summary>
    public async Task<Result<Transitioned>> FireAsync(Application application, string trigger, TransitionRequest request,
        CancellationToken cancellationToken, PlaceFacts? places = null, bool nested = false)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A transition runs inside a transaction: its seat updates and its save commit together.");
        var evaluation = await EvaluateAsync(application, places, cancellationToken);
        if (Refusal(evaluation, application, trigger) is { } refused)
            return refused;

        var now = clock.GetUtcNow().UtcDateTime;
        var from = application.State;
        var machine = evaluation.Machine(application);
        var to = machine.Fire(trigger);
        var transition = evaluation.Workflow.From(from).Single(t => t.Trigger == trigger && t.To == to
            && t.GuardList.All(g => TransitionDefinition.IsNegated(g) != evaluation.Guards[TransitionDefinition.RuleOf(g)]));

        // Timers first, seats after, on every path (the sweep claims a timer before touching seats): no lock cycle. Always,
        // even from a state that defines no timer now: a later workflow version may have taken a state's timer away while
        // one was pending.
        // Only the timers of states: a benefit's timer is not the lifecycle's (TimerKind.BenefitLapse).
        await db.WorkflowTimers.Where(t => t.ApplicationId == application.Id && t.Status == TimerStatus.Pending && t.Kind == TimerKind.State)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled).SetProperty(t => t.CompletedAt, now), cancellationToken);
        var context = Begin(application, trigger, to, evaluation, request, now);
        foreach (var step in transition.ActivityList)
        {
            if (await workflows.Activities[step.Activity].RunAsync(context, step.Argument, cancellationToken) is { } failed)
                return nested ? throw new TransitionRaceException(failed) : failed;
        }

        await MoveTimerAsync(evaluation, context, to, cancellationToken);
        await Notifications.Outbox.WriteAsync(db, application, context.Notifications, evaluation.Rules.Policy, context.Direction, request.Reason, now,
            cancellationToken);
        return new Transitioned(application, context.Direction, context.OfferTurns, context.FreedIn);
    }

    /// <summary>Moves the application to <paramref name="to"/> (its history entry) and answers the context its activities run in.</summary>
    private ActivityContext Begin(Application application, string trigger, string to, Evaluation evaluation, TransitionRequest request, DateTime now,
        BulkSeatMoves? bulk = null, Kezek.Core.Places.Place? claimedSeat = null,
        IReadOnlyDictionary<Guid, Kezek.Core.Regions.Kindergarten>? kindergartens = null)
    {
        var context = new ActivityContext
        {
            Db = db,
            Application = application,
            Rules = evaluation.Rules,
            Facts = evaluation.Facts,
            Request = request,
            Now = now,
            FromStatus = application.Status,
            Direction = application.CurrentDirection,
            Bulk = bulk,
            ClaimedSeat = claimedSeat,
            Kindergartens = kindergartens,
        };
        application.Transition(trigger, to, evaluation.Workflow.State(to).PublicStatus, request.Actor, now, request.Reason, request.SignedXml,
            request.RevocationEvidence);
        return context;
    }

    /// <summary>Entering a state (again) starts its timer and shows its deadline; the old state's timer was cancelled first.</summary>
    private async Task MoveTimerAsync(Evaluation evaluation, ActivityContext context, string state, CancellationToken cancellationToken,
        RuleMemo? memo = null)
    {
        var application = context.Application;
        if (evaluation.Workflow.State(state).Timer is not { } timer)
        {
            application.SetDeadline(null);
            return;
        }

        var due = timer.At switch
        {
            TimerDefinition.DirectionExpiresAt => context.Direction?.ExpiresAt
                ?? throw new InvalidOperationException($"{state}: the timer reads a direction, and there is none."),
            TimerDefinition.StopListedUntil => application.StopListedUntil
                ?? throw new InvalidOperationException($"{state}: the timer reads the stop-list, and the application is not on it."),
            _ => (await (memo ?? RuleMemo.None).DeadlineAsync(evaluation.Rules, timer.At, context.Facts with
            {
                Now = new DateTimeOffset(context.Now, TimeSpan.Zero),
                Direction = LifecycleFacts.DirectionOf(context.Direction, evaluation.Rules.Policy.TimeZone),
            })).UtcDateTime,
        };
        application.SetDeadline(due);
        db.WorkflowTimers.Add(new WorkflowTimer(application.Id, state, timer.Trigger, due, context.Now));
    }

    private static readonly Dictionary<string, string> GuardCodes = new(StringComparer.Ordinal)
    {
        [RuleSetSchema.Rules.AgeFitsGroup] = ErrorCodes.ChildAgeNotInGroup,
        [RuleSetSchema.Rules.NotInStopList] = ErrorCodes.StopListed,
        [RuleSetSchema.Rules.TurnHasCome] = ErrorCodes.TurnNotCome,
        [RuleSetSchema.Rules.FreePlacesExist] = ErrorCodes.NoFreePlaces,
        [RuleSetSchema.Rules.RevokeAllowed] = ErrorCodes.RevokeWindowPassed,
        [RuleSetSchema.Rules.ExtensionAllowed] = ErrorCodes.ExtensionUsed,
        [RuleSetSchema.Rules.RestoreAllowed] = ErrorCodes.RestoreUsed,
    };
}

/// <summary>A transition run as a consequence of another lost a race (a seat taken meanwhile): the whole transaction is retried.</summary>
public sealed class TransitionRaceException(Error error) : Exception($"A nested transition failed: {error}")
{
    public Error Error { get; } = error;
}
