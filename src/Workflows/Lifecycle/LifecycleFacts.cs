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
        var counts = await db.Places.AsNoTracking()
            .Where(p => p.RegionCode == regionCode && p.GroupYear == groupYear && p.TakenByApplicationId == null)
            .GroupBy(p => p.Mode)
            .Select(g => new { Mode = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var freeChoice = counts.FirstOrDefault(c => c.Mode == PlaceMode.FreeChoice)?.Count ?? 0;
        var queue = counts.FirstOrDefault(c => c.Mode == PlaceMode.Queue)?.Count ?? 0;
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
