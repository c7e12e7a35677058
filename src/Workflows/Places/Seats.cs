using Kezek.Core.Applications;
using Kezek.Core.Places;
using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Places;

/// <summary>
/// Seats change hands only through conditional updates (<c>… WHERE TakenByApplicationId IS NULL</c>): whatever
/// the isolation level and however many parents press "choose" at once, a seat is given to one application.
/// </summary>
public static class Seats
{
    private const int Candidates = 16;
    private const int Rounds = 8;

    /// <summary>
    /// Takes the chosen seat or, if another parent took it a moment earlier, an equal one: the same kindergarten,
    /// group year and language. An application whose turn has come may take seats published to the queue
    /// (those first) and to free choice; any other only free-choice seats.
    /// </summary>
    public static async Task<Result<Place>> TakeAsync(IKezekDb db, Application application, Guid placeId, bool turnHasCome,
        CancellationToken cancellationToken)
    {
        var chosen = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, cancellationToken);
        if (chosen is null || chosen.RegionCode != application.RegionCode)
            return Error.Of(ErrorCodes.PlaceNotFound);
        if (chosen.GroupYear != application.GroupYear)
            return Error.Of(ErrorCodes.PlaceGroupMismatch, ("groupYear", application.GroupYear.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        if (await db.ClaimSeatSkippingLockedAsync(new SeatClaim(application.Id, placeId, chosen.KindergartenId, chosen.GroupYear, chosen.Language,
                turnHasCome), cancellationToken) is { } claimed)
            return await db.Places.AsNoTracking().SingleAsync(p => p.Id == claimed, cancellationToken);

        // Without a skip-locked claim (SQLite serialises writers anyway), or with every free seat being claimed right
        // now: conditional updates, which wait for a claiming transaction to end and then see whether it took the seat.
        var pool = db.Places.AsNoTracking().Where(p => p.KindergartenId == chosen.KindergartenId && p.GroupYear == chosen.GroupYear
                                                       && p.Language == chosen.Language && p.TakenByApplicationId == null
                                                       && (turnHasCome && p.Mode == PlaceMode.Queue || p.Mode == PlaceMode.FreeChoice));
        for (var round = 0; round < Rounds; round++)
        {
            var candidates = await pool.OrderBy(p => p.Mode == PlaceMode.Queue ? 0 : 1).ThenBy(p => p.PublishedAt)
                .Select(p => p.Id).Take(Candidates).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
                return Error.Of(ErrorCodes.NoFreePlace);
            // The chosen seat first; then the others in a random order, so that a crowd does not queue on one row.
            var order = candidates.Contains(placeId)
                ? [placeId, .. candidates.Where(c => c != placeId).OrderBy(_ => Random.Shared.Next())]
                : candidates.OrderBy(_ => Random.Shared.Next()).ToList();
            foreach (var candidate in order)
            {
                var taken = await db.Places.Where(p => p.Id == candidate && p.TakenByApplicationId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, application.Id), cancellationToken);
                if (taken == 1)
                    return await db.Places.AsNoTracking().SingleAsync(p => p.Id == candidate, cancellationToken);
            }
        }

        return Error.Of(ErrorCodes.NoFreePlace);
    }

    /// <summary>The seat a release window's run gave the application (<see cref="PlaceMode.Window"/>), exactly that one.</summary>
    public static async Task<Result<Place>> TakeAllocatedAsync(IKezekDb db, Application application, Guid placeId, CancellationToken cancellationToken)
    {
        var taken = await db.Places.Where(p => p.Id == placeId && p.RegionCode == application.RegionCode && p.GroupYear == application.GroupYear
                                               && p.Mode == PlaceMode.Window && p.TakenByApplicationId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, application.Id), cancellationToken);
        return taken == 1 ? await db.Places.AsNoTracking().SingleAsync(p => p.Id == placeId, cancellationToken) : Error.Of(ErrorCodes.NoFreePlace);
    }

    /// <summary>
    /// The seat a transfer run gave the application, exactly that one: free (to free choice), or held by the child whose
    /// application is <paramref name="handOverFrom"/>, which leaves it in the same run.
    /// </summary>
    public static async Task<Result<Place>> TakeTransferredAsync(IKezekDb db, Application application, Guid placeId, long? handOverFrom,
        CancellationToken cancellationToken)
    {
        var taken = await db.Places.Where(p => p.Id == placeId && p.RegionCode == application.RegionCode && p.GroupYear == application.GroupYear
                                               && (p.TakenByApplicationId == null && p.Mode == PlaceMode.FreeChoice
                                                   || handOverFrom != null && p.TakenByApplicationId == handOverFrom))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, application.Id), cancellationToken);
        return taken == 1 ? await db.Places.AsNoTracking().SingleAsync(p => p.Id == placeId, cancellationToken) : Error.Of(ErrorCodes.NoFreePlace);
    }

    /// <summary>Gives back whatever seat the application still holds (an enrolled child moving on): free again, to free choice.</summary>
    public static Task<int> ReleaseHeldAsync(IKezekDb db, long applicationId, CancellationToken cancellationToken) =>
        db.Places.Where(p => p.TakenByApplicationId == applicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, (long?)null).SetProperty(p => p.Mode, PlaceMode.FreeChoice),
                cancellationToken);

    /// <summary>Gives a seat back: it is free again, to free choice (no one's turn is owed it).</summary>
    public static Task<int> ReleaseAsync(IKezekDb db, Guid placeId, long applicationId, CancellationToken cancellationToken) =>
        db.Places.Where(p => p.Id == placeId && p.TakenByApplicationId == applicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, (long?)null).SetProperty(p => p.Mode, PlaceMode.FreeChoice),
                cancellationToken);

    /// <summary>A turn was not used: one free seat of the queue of that group year moves to free choice.</summary>
    public static async Task<bool> MoveOneToFreeChoiceAsync(IKezekDb db, string regionCode, int groupYear, CancellationToken cancellationToken)
    {
        // Many turns missed at once (a deadline falls for thousands) must not queue on the same oldest seat.
        if (await db.MoveQueueSeatSkippingLockedAsync(regionCode, groupYear, cancellationToken) == true)
            return true;
        for (var round = 0; round < Rounds; round++)
        {
            var seat = await FreeQueueSeats(db, regionCode, groupYear).OrderBy(p => p.PublishedAt).Select(p => (Guid?)p.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (seat is null)
                return false;
            var moved = await db.Places.Where(p => p.Id == seat && p.Mode == PlaceMode.Queue && p.TakenByApplicationId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Mode, PlaceMode.FreeChoice), cancellationToken);
            if (moved == 1)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Turns not used, many at once (a sweep's batch of missed turns): up to <paramref name="count"/> free seats of the queue of
    /// that group year move to free choice, as many as <see cref="MoveOneToFreeChoiceAsync"/> called that many times would
    /// move; answers how many moved.
    /// </summary>
    public static async Task<int> MoveToFreeChoiceAsync(IKezekDb db, string regionCode, int groupYear, int count, CancellationToken cancellationToken)
    {
        if (count == 1)
            return await MoveOneToFreeChoiceAsync(db, regionCode, groupYear, cancellationToken) ? 1 : 0;
        var moved = await db.MoveQueueSeatsSkippingLockedAsync(regionCode, groupYear, count, cancellationToken) ?? 0;
        for (var round = 0; round < Rounds && moved < count; round++)
        {
            var seats = await FreeQueueSeats(db, regionCode, groupYear).OrderBy(p => p.PublishedAt).Select(p => p.Id)
                .Take(count - moved).ToListAsync(cancellationToken);
            if (seats.Count == 0)
                break;
            moved += await db.Places.Where(p => seats.Contains(p.Id) && p.Mode == PlaceMode.Queue && p.TakenByApplicationId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Mode, PlaceMode.FreeChoice), cancellationToken);
        }

        return moved;
    }

    public static IQueryable<Place> FreeQueueSeats(IKezekDb db, string regionCode, int groupYear) =>
        db.Places.Where(p => p.RegionCode == regionCode && p.GroupYear == groupYear && p.Mode == PlaceMode.Queue && p.TakenByApplicationId == null);
}
