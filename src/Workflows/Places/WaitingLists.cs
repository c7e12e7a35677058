using Kezek.Core.Identity;
using Kezek.Core.Places;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Places;

/// <summary>
/// A kindergarten's waiting list (voucher model): when one of its free-choice seats is free — published, or given
/// back — the child who has waited longest for that group year and language gets it. Runs inside the caller's transaction.
/// </summary>
public sealed class WaitingLists(IKezekDb db, ApplicationLifecycle lifecycle)
{
    /// <summary>Gives the kindergarten's free seats to its waiting list in order; returns how many children got one.</summary>
    public async Task<int> ServeAsync(Guid kindergartenId, CancellationToken cancellationToken)
    {
        var waiting = await lifecycle.ForChange.Where(a => a.WaitingForKindergartenId == kindergartenId)
            .OrderBy(a => a.WaitingSince).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var served = 0;
        foreach (var application in waiting)
        {
            // Free-choice seats only: a seat published to the queue is owed to a turn (Turns keeps that count).
            var seat = await db.Places.AsNoTracking()
                .Where(p => p.KindergartenId == kindergartenId && p.GroupYear == application.GroupYear && p.Language == application.WaitingForLanguage
                            && p.TakenByApplicationId == null && p.Mode == PlaceMode.FreeChoice)
                .OrderBy(p => p.PublishedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (seat is null)
                continue;
            var fired = await lifecycle.FireAsync(application, Triggers.PlaceFreed, new TransitionRequest(Actor.System, PlaceId: seat), cancellationToken,
                nested: true);
            if (fired.IsSuccess)
                served++;
        }

        return served;
    }
}
