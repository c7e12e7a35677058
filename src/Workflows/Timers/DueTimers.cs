using Kezek.Core.Applications;
using Kezek.Core.Lifecycle;
using Kezek.Core.Results;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Timers;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int Fired, int Discarded, int TakenElsewhere)
{
    public int Total => Fired + Discarded + TakenElsewhere;
}

/// <summary>One of <see cref="Count"/> disjoint shares of the timers (by id), numbered from 0.</summary>
public sealed record SweepPartition(int Index, int Count);

/// <summary>
/// Fires the timers that are due, each exactly once however many instances sweep at the same time: a timer is
/// claimed by a conditional update (<c>Pending → Fired</c>) in the same transaction as its transition, so the
/// claim and the transition commit together; an instance that crashes mid-way rolls both back and the timer
/// waits for the next sweep. A timer whose transition no longer applies is discarded with the reason; one whose
/// transition fails is tried again after a growing pause (never dropped: a deadline stays a deadline).
/// </summary>
public sealed class DueTimers(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner, Benefits.BenefitChanges benefits, TimeProvider clock,
    ILogger<DueTimers> logger, Windows.ReleaseWindows windows, Transactions transactions, Places.Turns turns, Places.WaitingLists waitingLists)
{
    public const int DefaultBatchSize = 500;

    /// <summary>The longest wait between two attempts of a failing timer.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private const string TakenElsewhere = "TIMER_TAKEN_ELSEWHERE";

    /// <summary>
    /// Sweeps until no due timer is left (or <paramref name="maxBatches"/> batches ran). With a <paramref name="partition"/>,
    /// only the timers whose id falls in it: an instance sweeps its partitions side by side, each in its own scope, so that
    /// a hundred thousand deadlines falling at once are not fired one by one (the claims keep each firing single anyway).
    /// </summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken, int batchSize = DefaultBatchSize, int maxBatches = int.MaxValue,
        SweepPartition? partition = null)
    {
        var (index, count) = partition ?? new SweepPartition(0, 1);
        var total = new SweepResult(0, 0, 0);
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.WorkflowTimers.AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now && (t.RetryAt == null || t.RetryAt <= now))
                .Where(t => count == 1 || t.Id % count == index)
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                .Select(t => new DueTimer(t.Id, t.Kind, t.State, t.Trigger, t.ApplicationId))
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
                break;
            // The states' timers whose transitions run in bulk go together, one transaction for the batch; the rest one by one.
            var bulk = await FireInBulkAsync([.. due.Where(t => t.Kind == TimerKind.State)], cancellationToken);
            total = new SweepResult(total.Fired + bulk.Fired, total.Discarded + bulk.Discarded, total.TakenElsewhere + bulk.TakenElsewhere);
            foreach (var id in due.Where(t => t.Kind != TimerKind.State).Select(t => t.Id).Concat(bulk.OneByOne))
            {
                var outcome = await FireAsync(id, cancellationToken);
                total = outcome switch
                {
                    TimerStatus.Fired => total with { Fired = total.Fired + 1 },
                    TimerStatus.Discarded => total with { Discarded = total.Discarded + 1 },
                    _ => total with { TakenElsewhere = total.TakenElsewhere + 1 },
                };
            }

            if (due.Count < batchSize)
                break;
        }

        return total;
    }

    private sealed record DueTimer(long Id, TimerKind Kind, string State, string Trigger, long ApplicationId);

    private sealed record BulkOutcome(int Fired, int Discarded, int TakenElsewhere, IReadOnlyList<long> OneByOne);

    /// <summary>
    /// Fires a batch of states' timers in one transaction (<see cref="ApplicationLifecycle.FireManyAsync"/>): claims those still
    /// pending that no other instance is claiming, fires each claimed timer's transition, and records why any did not apply
    /// (discarded) — all of it committed together, or, on a crash, none of it (the timers wait, pending, for the next sweep).
    /// Answers the timers left to fire one by one: those whose transition cannot run in bulk, a second timer of an
    /// application, and the whole batch when it failed (each then records its own failure).
    /// </summary>
    private async Task<BulkOutcome> FireInBulkAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken)
    {
        if (timers.Count == 0)
            return new BulkOutcome(0, 0, 0, []);
        db.DiscardChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        Result<BulkOutcome> swept;
        try
        {
            swept = await transactions.RunAsync<BulkOutcome>(async token =>
            {
                var applicationIds = timers.Select(t => t.ApplicationId).Distinct().ToList();
                var applications = await lifecycle.ForChange.Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, token);
                var inBulk = new List<DueTimer>(timers.Count);
                var oneByOne = new List<long>();
                var seen = new HashSet<long>();
                foreach (var timer in timers)
                {
                    if (applications.TryGetValue(timer.ApplicationId, out var application) && seen.Add(application.Id)
                        && lifecycle.FiresInBulk(lifecycle.WorkflowOf(application.RegionCode), timer.State, timer.Trigger))
                        inBulk.Add(timer);
                    else
                        oneByOne.Add(timer.Id);
                }

                var claimed = await ClaimAsync([.. inBulk.Select(t => t.Id)], now, token);
                var discarded = new List<(long Id, string Outcome)>();
                var firing = new List<(DueTimer Timer, Application Application)>();
                foreach (var timer in inBulk.Where(t => claimed.Contains(t.Id)))
                {
                    var application = applications[timer.ApplicationId];
                    if (application.State != timer.State)
                        discarded.Add((timer.Id, Error.Of("STATE_CHANGED").ToString()));
                    else
                        firing.Add((timer, application));
                }

                var fired = 0;
                var offerTurns = new HashSet<(string RegionCode, int GroupYear)>();
                var freedIn = new HashSet<Guid>();
                foreach (var trigger in firing.GroupBy(f => f.Timer.Trigger, StringComparer.Ordinal))
                {
                    var group = trigger.ToList();
                    var outcomes = await lifecycle.FireManyAsync([.. group.Select(f => f.Application)], trigger.Key, TransitionRequest.BySystem(), token);
                    for (var i = 0; i < outcomes.Count; i++)
                    {
                        if (outcomes[i].Outcome is { IsSuccess: true, Value: var moved })
                        {
                            fired++;
                            if (moved.OfferTurns)
                                offerTurns.Add((moved.Application.RegionCode, moved.Application.GroupYear));
                            freedIn.UnionWith(moved.FreedIn);
                        }
                        else
                        {
                            // The transition no longer applies: recorded why, once, so that the timer is not tried again.
                            discarded.Add((group[i].Timer.Id, outcomes[i].Outcome.Error!.ToString()));
                        }
                    }
                }

                await db.SaveInBulkAsync(token);
                foreach (var reason in discarded.GroupBy(d => d.Outcome, d => d.Id, StringComparer.Ordinal))
                {
                    long[] ids = [.. reason];
                    await db.WorkflowTimers.Where(t => ids.Contains(t.Id))
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Discarded).SetProperty(t => t.CompletedAt, now)
                            .SetProperty(t => t.Outcome, reason.Key), token);
                }

                // What the transitions leave owed, as the runner does after one: waiting lists served, turns offered.
                if (freedIn.Count > 0)
                {
                    foreach (var kindergarten in freedIn)
                        await waitingLists.ServeAsync(kindergarten, token);
                    await db.SaveChangesAsync(token);
                }

                foreach (var (regionCode, groupYear) in offerTurns.OrderBy(q => q.RegionCode, StringComparer.Ordinal).ThenBy(q => q.GroupYear))
                {
                    await turns.OfferAsync(regionCode, groupYear, token);
                    await db.SaveInBulkAsync(token);
                }

                return new BulkOutcome(fired, discarded.Count, inBulk.Count - claimed.Count, oneByOne);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Rolled back whole: each timer is tried again alone, and the one at fault records its failure and backs off.
            logger.LogWarning(exception, "A batch of {Count} timers failed; firing them one by one", timers.Count);
            swept = Error.Of(ErrorCodes.ConcurrentChange);
        }

        db.DiscardChanges();
        return swept.IsSuccess ? swept.Value : new BulkOutcome(0, 0, 0, [.. timers.Select(t => t.Id)]);
    }

    /// <summary>Claims the still pending (and not pausing) timers among <paramref name="ids"/>; answers those claimed.</summary>
    private async Task<HashSet<long>> ClaimAsync(long[] ids, DateTime now, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
            return [];
        if (await db.ClaimTimersSkippingLockedAsync(ids, now, cancellationToken) is { } claimed)
            return [.. claimed];
        var mine = new HashSet<long>();
        foreach (var id in ids)
        {
            if (await db.WorkflowTimers.Where(t => t.Id == id && t.Status == TimerStatus.Pending && (t.RetryAt == null || t.RetryAt <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.CompletedAt, now), cancellationToken) == 1)
                mine.Add(id);
        }

        return mine;
    }

    /// <summary>Fires one timer; Pending in the answer means another instance had it (or it stays for the next sweep).</summary>
    private async Task<TimerStatus> FireAsync(long id, CancellationToken cancellationToken)
    {
        // Each timer starts from an empty change tracker: a sweep of many thousands in one scope would otherwise compare
        // every entity it ever loaded on every save (measured: the sweep slowed down as it went).
        db.DiscardChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        Result<Transitioned> fired;
        try
        {
            fired = await TransitionAsync(id, now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The attempt rolled back whole; record it, back off, and go on with the other timers. It stays pending: a
            // deadline is never dropped, and the error log says which timer needs a look.
            db.DiscardChanges();
            var failures = await db.WorkflowTimers.Where(t => t.Id == id).Select(t => t.Failures).SingleAsync(cancellationToken) + 1;
            logger.LogError(exception, "Timer {TimerId} failed (attempt {Failures})", id, failures);
            var outcome = $"FAILED: {exception.GetType().Name}: {exception.Message}";
            var retryAt = now + TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Min(failures, 10))));
            await db.WorkflowTimers.Where(t => t.Id == id && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, failures)
                    .SetProperty(t => t.Outcome, outcome[..Math.Min(outcome.Length, 500)])
                    .SetProperty(t => t.RetryAt, retryAt), cancellationToken);
            return TimerStatus.Pending;
        }

        if (fired.IsSuccess)
            return TimerStatus.Fired;
        if (fired.Error!.Code is TakenElsewhere or ErrorCodes.ConcurrentChange)
            return TimerStatus.Pending;

        // The transition no longer applies: record why, once, so that the timer is not tried again.
        var discarded = await db.WorkflowTimers.Where(t => t.Id == id && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Discarded).SetProperty(t => t.CompletedAt, now)
                .SetProperty(t => t.Outcome, fired.Error.ToString()), cancellationToken);
        return discarded == 1 ? TimerStatus.Discarded : TimerStatus.Pending;
    }

    /// <summary>What a window's close answers the runner: no application of its own, nothing owed after it.</summary>
    private static readonly Transitioned WindowClosed = new(null!, null, false, new HashSet<Guid>());

    private Task<Result<Transitioned>> TransitionAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        runner.RunAsync(async token =>
        {
            // Still pending and due (a timer another instance just failed waits for its pause).
            var claimed = await db.WorkflowTimers.Where(t => t.Id == id && t.Status == TimerStatus.Pending && (t.RetryAt == null || t.RetryAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.CompletedAt, now), token);
            if (claimed == 0)
                return Error.Of(TakenElsewhere);
            var timer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.Id == id, token);
            // A release window's close is no application's: its run allocates the window's seats, once (docs/allocation.md).
            if (timer.Kind == TimerKind.WindowClose)
                return await windows.CloseAsync(timer.ApplicationId, token) is { IsSuccess: false } closed ? closed.Error! : WindowClosed;
            var application = await lifecycle.ForChange.SingleAsync(a => a.Id == timer.ApplicationId, token);
            // A benefit's timer is not a state's: it lapses the benefit whatever state the application is in.
            if (timer.Kind == TimerKind.BenefitLapse)
                return await benefits.LapseAsync(application, token);
            if (application.State != timer.State)
                return Error.Of("STATE_CHANGED");
            return await lifecycle.FireAsync(application, timer.Trigger, TransitionRequest.BySystem(), token);
        }, null, cancellationToken);
}
