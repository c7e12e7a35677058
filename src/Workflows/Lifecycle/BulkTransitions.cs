using Kezek.Core.Applications;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Places;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// The answers of a rule set's rules within one bulk run, by the facts they were asked about: applications with the same
/// facts (a batch shares its "now"; children born on the same day, in the same status…) are answered once.
/// </summary>
internal sealed class RuleMemo
{
    /// <summary>No memory: every question is asked.</summary>
    public static readonly RuleMemo None = new(remember: false);

    private readonly bool _remember;
    private readonly Dictionary<(CompiledRuleSet, string, RuleFacts), bool> _checks = [];
    private readonly Dictionary<(CompiledRuleSet, string, RuleFacts), DateTimeOffset> _deadlines = [];

    public RuleMemo(bool remember = true) => _remember = remember;

    public async ValueTask<bool> CheckAsync(CompiledRuleSet rules, string rule, RuleFacts facts)
    {
        if (!_remember)
            return await rules.CheckAsync(rule, facts);
        if (!_checks.TryGetValue((rules, rule, facts), out var answer))
            _checks[(rules, rule, facts)] = answer = await rules.CheckAsync(rule, facts);
        return answer;
    }

    public async ValueTask<DateTimeOffset> DeadlineAsync(CompiledRuleSet rules, string rule, RuleFacts facts)
    {
        if (!_remember)
            return await rules.DeadlineAsync(rule, facts);
        if (!_deadlines.TryGetValue((rules, rule, facts), out var answer))
            _deadlines[(rules, rule, facts)] = answer = await rules.DeadlineAsync(rule, facts);
        return answer;
    }
}

/// <summary>
/// What the caller of a bulk run claimed and read for its batch already (a window's close, for a page): each application's
/// seat, claimed by the caller (taken for the application, in one statement for the page) and given to its transition's
/// request (<see cref="TransitionRequest.PlaceId"/>); the seats' kindergartens; and, when read, the families' languages.
/// Transitions that take a seat or issue a document then run in bulk too (<see cref="IActivity.InBulkWithClaimedSeat"/>).
/// </summary>
public sealed record BulkClaims(IReadOnlyDictionary<long, Kezek.Core.Places.Place> Seats,
    IReadOnlyDictionary<Guid, Kezek.Core.Regions.Kindergarten> Kindergartens,
    IReadOnlyDictionary<string, Kezek.Core.Words.Language>? Languages = null);

/// <summary>
/// The bulk transition runner: one trigger fired for many applications in the caller's transaction, with the same
/// outcome as <see cref="FireAsync"/> for each in turn — the same history entries (chained per application when saved),
/// notifications, timers and seat moves — but the workflow read once per group of applications in the same state and
/// rule-set version, each rule asked once per distinct set of facts, and the batch's statements made together: one
/// statement cancels the batch's state timers, one per queue moves its missed turns' seats, one reads the families'
/// languages, and the caller's one save writes every application, history entry, timer and outbox row.
/// </summary>
public sealed partial class ApplicationLifecycle
{
    /// <summary>Applications fired in one bulk transaction (publishing's save slices, the sweep's batches).</summary>
    public const int BulkBatchSize = 500;

    /// <summary>
    /// Whether every transition of <paramref name="workflow"/> from <paramref name="state"/> by <paramref name="trigger"/>
    /// runs in bulk (each of its activities does, <see cref="IActivity.InBulk"/>).
    /// </summary>
    /// <param name="claimedSeat">Whether the caller claimed the application's seat already (<see cref="BulkClaims"/>).</param>
    public bool FiresInBulk(WorkflowDefinition workflow, string state, string trigger, bool claimedSeat = false) =>
        workflow.From(state).Where(t => t.Trigger == trigger).All(t => t.ActivityList.All(step =>
            claimedSeat ? workflows.Activities[step.Activity].InBulkWithClaimedSeat : workflows.Activities[step.Activity].InBulk));

    /// <summary>Whether the application's region's workflow fires <paramref name="trigger"/> from its state in bulk now.</summary>
    public bool FiresInBulk(Application application, string trigger) => FiresInBulk(WorkflowOf(application.RegionCode), application.State, trigger);

    /// <summary>
    /// Fires <paramref name="trigger"/> for the (tracked) applications in order, inside the caller's open transaction, until
    /// <paramref name="limit"/> have moved; answers each application tried with its outcome (those after the limit are not
    /// tried). A refusal changes nothing. Transitions that take a seat or issue a document run in bulk for the applications
    /// whose seat the caller claimed (<paramref name="claims"/>); for the others they are fired one by one through
    /// <see cref="FireAsync"/>, as before. The caller saves. When <paramref name="nested"/>, an activity's failure in bulk (a
    /// claim that is not the application's) is thrown as a <see cref="TransitionRaceException"/>.
    /// </summary>
    /// <param name="seats">The free seats of the applications' queues, when the caller has read them (else read here, in one statement).</param>
    /// <param name="claims">The seats the caller claimed for the applications, by application id, with their kindergartens (and languages).</param>
    public async Task<IReadOnlyList<(Application Application, Result<Transitioned> Outcome)>> FireManyAsync(IReadOnlyList<Application> applications,
        string trigger, TransitionRequest request, CancellationToken cancellationToken, IReadOnlyDictionary<QueueKey, FreeSeats>? seats = null,
        int limit = int.MaxValue, bool nested = false, BulkClaims? claims = null)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A transition runs inside a transaction: its seat updates and its save commit together.");
        var outcomes = new List<(Application, Result<Transitioned>)>(applications.Count);
        if (applications.Count == 0 || limit <= 0)
            return outcomes;
        var read = seats ?? await LifecycleFacts.FreeSeatsAsync(db, [.. applications.Select(a => new QueueKey(a.RegionCode, a.GroupYear)).Distinct()],
            cancellationToken);
        var free = new Dictionary<QueueKey, FreeSeats>(read);
        var instant = clock.GetUtcNow();
        var now = instant.UtcDateTime;
        var memo = new RuleMemo();
        // The workflow, once per rule-set version and state: its guards' rules, and whether this trigger fires in bulk from there.
        var groups = new Dictionary<(CompiledRuleSet, string), (WorkflowDefinition Workflow, string[] Rules, bool InBulk, bool InBulkClaimed)>();
        var moving = new List<(Evaluation Evaluation, TransitionDefinition Transition, int Index, TransitionRequest Request, Kezek.Core.Places.Place? Seat)>();
        var moved = 0;
        foreach (var application in applications)
        {
            if (moved == limit)
                break;
            var ruleSet = rules.For(application.RegionCode).RuleSet;
            if (!groups.TryGetValue((ruleSet, application.State), out var group))
            {
                var workflow = workflows.For(ruleSet.Policy.Lifecycle);
                groups[(ruleSet, application.State)] = group = (workflow,
                    [.. workflow.From(application.State).SelectMany(t => t.GuardList).Select(TransitionDefinition.RuleOf).Distinct()],
                    FiresInBulk(workflow, application.State, trigger), FiresInBulk(workflow, application.State, trigger, claimedSeat: true));
            }

            var queue = new QueueKey(application.RegionCode, application.GroupYear);
            // The seat its caller claimed for it is its request's (and its transition runs in bulk even if it takes a seat).
            var seat = claims?.Seats.GetValueOrDefault(application.Id);
            var own = seat is null ? request : request with { PlaceId = seat.Id };
            if (!(group.InBulk || seat is not null && group.InBulkClaimed))
            {
                // One by one, as ever; its statements run now, and it reads its own seats.
                var one = await FireAsync(application, trigger, own, cancellationToken, nested: nested);
                outcomes.Add((application, one));
                moved += one.IsSuccess ? 1 : 0;
                continue;
            }

            var places = free.TryGetValue(queue, out var known) ? known : new FreeSeats(0, 0);
            var facts = LifecycleFacts.Of(application, places.For(application.Status == ApplicationStatus.Notified), instant, ruleSet.Policy.TimeZone);
            var guards = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var rule in group.Rules)
                guards[rule] = await memo.CheckAsync(ruleSet, rule, facts);
            var evaluation = new Evaluation(group.Workflow, ruleSet, facts, guards);
            if (Refusal(evaluation, application, trigger) is { } refused)
            {
                outcomes.Add((application, refused));
                continue;
            }

            var to = evaluation.Machine(application).Fire(trigger);
            var transition = group.Workflow.From(application.State).Single(t => t.Trigger == trigger && t.To == to
                && t.GuardList.All(g => TransitionDefinition.IsNegated(g) != guards[TransitionDefinition.RuleOf(g)]));
            // The next application sees the seats as they will be after this one's turn is released (as one at a time would).
            if (transition.ActivityList.Any(step => step.Activity == "releaseTurn") && places.Queue > 0)
                free[queue] = new FreeSeats(Math.Min(places.FreeChoice + 1, PlaceFacts.CountedUpTo),
                    places.Queue < PlaceFacts.CountedUpTo ? places.Queue - 1 : places.Queue);
            moving.Add((evaluation, transition, outcomes.Count, own, seat));
            outcomes.Add((application, Error.Of(ErrorCodes.ActionNotAvailable))); // replaced below, once it has moved
            moved++;
        }

        if (moving.Count == 0)
            return outcomes;

        // Timers first, seats after, as one at a time: every pending state timer of the batch cancelled in one statement.
        var ids = moving.Select(m => outcomes[m.Index].Item1.Id).ToList();
        await db.WorkflowTimers.Where(t => ids.Contains(t.ApplicationId) && t.Status == TimerStatus.Pending && t.Kind == TimerKind.State)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled).SetProperty(t => t.CompletedAt, now), cancellationToken);
        var bulk = new BulkSeatMoves();
        var contexts = new List<ActivityContext>(moving.Count);
        foreach (var (evaluation, transition, index, own, seat) in moving)
        {
            var application = outcomes[index].Item1;
            var context = Begin(application, trigger, transition.To, evaluation, own, now, bulk, seat, claims?.Kindergartens);
            foreach (var step in transition.ActivityList)
            {
                if (await workflows.Activities[step.Activity].RunAsync(context, step.Argument, cancellationToken) is { } failed)
                    throw nested ? new TransitionRaceException(failed) : new InvalidOperationException($"{step.Activity} runs in bulk and failed: {failed}");
            }

            await MoveTimerAsync(evaluation, context, transition.To, cancellationToken, memo);
            contexts.Add(context);
        }

        // The turns missed, one statement per queue, the queues always in the same order (two batches never wait on each other in a
        // cycle); a queue that had no free queue seat when the batch read its seats has none to move (as one at a time would find).
        foreach (var (queue, count) in bulk.ToFreeChoice.Where(q => seats is not null || read.GetValueOrDefault(q.Key)?.Queue > 0)
                     .OrderBy(q => q.Key.RegionCode, StringComparer.Ordinal).ThenBy(q => q.Key.GroupYear))
            await Seats.MoveToFreeChoiceAsync(db, queue.RegionCode, queue.GroupYear, count, cancellationToken);

        // The families' languages, once for the batch (unless its caller read them); then each application's outbox rows.
        var told = contexts.Where(c => c.Notifications.Count > 0).Select(c => c.Application).ToList();
        var languages = told.Count == 0 ? null : claims?.Languages ?? await Notifications.Outbox.LanguagesAsync(db, told, cancellationToken);
        for (var i = 0; i < moving.Count; i++)
        {
            var (evaluation, _, index, own, _) = moving[i];
            var context = contexts[i];
            await Notifications.Outbox.WriteAsync(db, context.Application, context.Notifications, evaluation.Rules.Policy, context.Direction,
                own.Reason, now, cancellationToken, languages: languages);
            outcomes[index] = (context.Application, new Transitioned(context.Application, context.Direction, context.OfferTurns, context.FreedIn));
        }

        return outcomes;
    }
}
