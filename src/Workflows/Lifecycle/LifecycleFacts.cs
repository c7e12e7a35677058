using Kezek.Core.Applications;
using Kezek.Core.Places;
using Kezek.Rules.Facts;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>An application and its seats as the region's rules see them.</summary>
public static class LifecycleFacts
{
    /// <summary>Free seats of a group year: those of free choice, and — for an application whose turn has come — those of the queue too.</summary>
    public static async Task<PlaceFacts> PlacesAsync(IKezekDb db, string regionCode, int groupYear, bool turnHasCome,
        CancellationToken cancellationToken) =>
        (await FreeSeatsAsync(db, [new QueueKey(regionCode, groupYear)], cancellationToken))[new QueueKey(regionCode, groupYear)].For(turnHasCome);

    /// <summary>The free seats of several queues (a journal page's), in one statement; a queue without seats counts none.</summary>
    public static async Task<IReadOnlyDictionary<QueueKey, FreeSeats>> FreeSeatsAsync(IKezekDb db, IReadOnlyCollection<QueueKey> queues,
        CancellationToken cancellationToken)
    {
        // Each count stops at PlaceFacts.CountedUpTo: rules ask whether seats exist, and every lifecycle step asks, so a
        // queue with ten thousand free seats must not cost ten thousand index entries per step (measured in the sweep).
        IQueryable<FreeSeatsRow>? query = null;
        foreach (var (regionCode, groupYear) in queues.Distinct())
        {
            var free = db.Places.AsNoTracking().Where(p => p.RegionCode == regionCode && p.GroupYear == groupYear && p.TakenByApplicationId == null)
                .OrderBy(p => p.Mode).ThenBy(p => p.PublishedAt);
            var counts = db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => new FreeSeatsRow
            {
                RegionCode = r.Code,
                GroupYear = groupYear,
                FreeChoice = free.Where(p => p.Mode == PlaceMode.FreeChoice).Take(PlaceFacts.CountedUpTo).Count(),
                Queue = free.Where(p => p.Mode == PlaceMode.Queue).Take(PlaceFacts.CountedUpTo).Count(),
            });
            query = query is null ? counts : query.Concat(counts);
        }

        var rows = query is null ? [] : await query.ToListAsync(cancellationToken);
        var seats = rows.ToDictionary(r => new QueueKey(r.RegionCode, r.GroupYear), r => new FreeSeats(r.FreeChoice, r.Queue));
        foreach (var queue in queues)
            seats.TryAdd(queue, new FreeSeats(0, 0));
        return seats;
    }

    private sealed class FreeSeatsRow
    {
        public string RegionCode { get; init; } = "";

        public int GroupYear { get; init; }

        public int FreeChoice { get; init; }

        public int Queue { get; init; }
    }

    public static RuleFacts Of(Application application, PlaceFacts places, DateTimeOffset now, TimeZoneInfo zone)
    {
        var stopListedUntil = application.StopListedUntil is { } until ? DateOnly.FromDateTime(Local(until, zone).DateTime) : (DateOnly?)null;
        return new RuleFacts(
            TimeZoneInfo.ConvertTime(now, zone),
            new ChildFacts(application.Child.BirthDate, application.GroupYear),
            new ApplicationFacts(application.Status.ToString(), application.Benefit.ToString(), application.Expirations, stopListedUntil,
                application.Restored),
            DirectionOf(application.CurrentDirection, zone),
            places);
    }

    /// <summary>A direction as the rules see it (its times in the region's zone); <see cref="DirectionFacts.None"/> when there is none.</summary>
    public static DirectionFacts DirectionOf(Direction? direction, TimeZoneInfo zone) => direction is null
        ? DirectionFacts.None
        : new DirectionFacts(Local(direction.IssuedAt, zone), Local(direction.ExpiresAt, zone), direction.Extensions)
        {
            RevokeUntil = Local(direction.RevokeUntil, zone),
        };

    private static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), zone);
}

/// <summary>A queue: a region's applications of one group year.</summary>
public readonly record struct QueueKey(string RegionCode, int GroupYear);

/// <summary>Free seats of a queue, each count capped at <see cref="PlaceFacts.CountedUpTo"/>.</summary>
public sealed record FreeSeats(int FreeChoice, int Queue)
{
    /// <summary>The seats as the rules see them: the queue's seats count only for an application whose turn has come.</summary>
    public PlaceFacts For(bool turnHasCome) => new(FreeChoice + (turnHasCome ? Queue : 0), FreeChoice, turnHasCome) { AnyMode = FreeChoice + Queue };
}
