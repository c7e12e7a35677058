using Kezek.Core.Applications;
using Kezek.Core.Places;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Places;

/// <summary>
/// The turn comes (SPEC §2.2): while a group year has more free seats published to the queue than applications
/// whose turn has come, the next eligible applications in queue order are told so, one per seat. Runs inside the
/// caller's transaction, one at a time per region (a row lock on the region), so that two offers never count the
/// same seat twice.
/// </summary>
public sealed class Turns(IKezekDb db, Transactions transactions, ApplicationLifecycle lifecycle, RuleSetCatalog rules, TimeProvider clock)
{
    /// <summary>
    /// Offers the seats of every queue whose free queue seats outnumber its turns — a stop-list ended, a child grew
    /// into the group, an application was restored since the seats were published — each queue in its own transaction.
    /// </summary>
    public async Task<int> OfferOwedAsync(CancellationToken cancellationToken)
    {
        var queues = await db.Places.AsNoTracking().Where(p => p.Mode == PlaceMode.Queue && p.TakenByApplicationId == null)
            .Select(p => new { p.RegionCode, p.GroupYear }).Distinct().ToListAsync(cancellationToken);
        var notified = 0;
        foreach (var queue in queues)
        {
            // Someone in line changing meanwhile makes the offer start again; failing that, the next sweep offers.
            var offered = await transactions.RunAsync<int>(async token =>
            {
                var count = await OfferAsync(queue.RegionCode, queue.GroupYear, token);
                await db.SaveInBulkAsync(token);
                return count;
            }, cancellationToken);
            notified += offered.IsSuccess ? offered.Value : 0;
        }

        return notified;
    }

    /// <summary>Offers the unclaimed queue seats of a group year; returns how many applications were notified.</summary>
    private const int SaveEvery = 500;
    private const int PageSize = 100;

    public async Task<int> OfferAsync(string regionCode, int groupYear, CancellationToken cancellationToken)
    {
        await db.Regions.Where(r => r.Code == regionCode)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TurnSequence, r => r.TurnSequence + 1), cancellationToken);
        // Seats and turns in one statement, so that both counts come from one snapshot.
        var unclaimed = await db.Regions.Where(r => r.Code == regionCode)
            .Select(r => db.Places.Count(p => p.RegionCode == regionCode && p.GroupYear == groupYear && p.Mode == PlaceMode.Queue
                                              && p.TakenByApplicationId == null)
                         - db.Applications.Count(a => a.RegionCode == regionCode && a.GroupYear == groupYear
                                                      && a.Status == ApplicationStatus.Notified))
            .SingleAsync(cancellationToken);
        if (unclaimed <= 0)
            return 0;

        var workflow = lifecycle.WorkflowOf(regionCode);
        var waiting = workflow.Transitions.Where(t => t.Trigger == Triggers.TurnCame).Select(t => t.From).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var queue = new Lifecycle.QueueKey(regionCode, groupYear);
        // The queue's seats, read once: offering turns moves none.
        var seats = await LifecycleFacts.FreeSeatsAsync(db, [queue], cancellationToken);
        var order = rules.For(regionCode).RuleSet.Policy.QueueOrder;
        var notified = 0;
        var unsaved = 0;
        // Candidates are fired a page at a time by the bulk runner: one statement cancels the page's timers, one reads its
        // families' languages, and the page's rows are saved together.
        var page = new List<Application>(PageSize);
        await foreach (var candidate in QueueWalk.InOrderAsync(db, regionCode, groupYear, order,
                           a => a.Status == ApplicationStatus.Queued && waiting.Contains(a.State)
                                && (a.StopListedUntil == null || a.StopListedUntil <= now), cancellationToken))
        {
            // The walk's pages are untracked: the application whose own transition offers these turns is already tracked,
            // and is changed as that instance; any other is attached.
            page.Add(db.Track(candidate));
            if (page.Count == PageSize && await OfferPageAsync())
                return notified;
        }

        await OfferPageAsync();
        return notified;

        // True once every unclaimed seat has been offered.
        async Task<bool> OfferPageAsync()
        {
            if (page.Count == 0)
                return false;
            // An application that does not qualify now (age, stop-list) keeps its place and waits for the next seat.
            var outcomes = await lifecycle.FireManyAsync(page, Triggers.TurnCame, TransitionRequest.BySystem(), cancellationToken, seats,
                limit: unclaimed - notified, nested: true);
            var fired = outcomes.Count(o => o.Outcome.IsSuccess);
            notified += fired;
            unsaved += fired;
            page.Clear();
            // Thousands of seats published at once: saved (in the same transaction) and forgotten in slices, so that the
            // change tracker, and the memory, hold one slice and not every application notified.
            if (notified < unclaimed && unsaved >= SaveEvery)
            {
                await db.SaveInBulkAsync(cancellationToken);
                db.DiscardChanges();
                unsaved = 0;
            }

            return notified == unclaimed;
        }
    }
}
