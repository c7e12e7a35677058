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
        CancellationToken cancellationToken)
    {
        // Each count stops at PlaceFacts.CountedUpTo: rules ask whether seats exist, and every lifecycle step asks, so a
        // queue with ten thousand free seats must not cost ten thousand index entries per step (measured in the sweep).
        var free = db.Places.AsNoTracking().Where(p => p.RegionCode == regionCode && p.GroupYear == groupYear && p.TakenByApplicationId == null);
        var counts = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(_ => new
        {
            FreeChoice = free.Where(p => p.Mode == PlaceMode.FreeChoice).Take(PlaceFacts.CountedUpTo).Count(),
            Queue = free.Where(p => p.Mode == PlaceMode.Queue).Take(PlaceFacts.CountedUpTo).Count(),
        }).SingleOrDefaultAsync(cancellationToken);
        var freeChoice = counts?.FreeChoice ?? 0;
        var queue = counts?.Queue ?? 0;
        return new PlaceFacts(freeChoice + (turnHasCome ? queue : 0), freeChoice, turnHasCome);
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
