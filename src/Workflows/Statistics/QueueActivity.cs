using Kezek.Core.Applications;
using Kezek.Core.Regions;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Statistics;

/// <summary>A kindergarten's free seats (counts only).</summary>
public sealed record KindergartenSeats(Kindergarten Kindergarten, int FreeSeats);

/// <summary>
/// The public statistics beyond the queue (seed 004): how many are notified now, how many directions were issued and how
/// many children enrolled in a period (days in Kazakhstan time, both ends included), how many directions expired unused in
/// it, and free seats per kindergarten. Counts only: nothing personal.
/// </summary>
public sealed record QueueActivity(int Notified, int DirectionsIssued, int Enrolled, IReadOnlyList<KindergartenSeats> FreeSeats)
{
    public int Expired { get; init; }
}

public sealed record ReadQueueActivity(string RegionCode, int? GroupYear, DateOnly? From, DateOnly? To);

public sealed class ReadQueueActivityHandler(IKezekDb db)
{
    public async Task<QueueActivity> HandleAsync(ReadQueueActivity query, CancellationToken cancellationToken)
    {
        var applications = db.Applications.AsNoTracking().Where(a => a.RegionCode == query.RegionCode);
        if (query.GroupYear is { } year)
            applications = applications.Where(a => a.GroupYear == year);
        var notified = await applications.CountAsync(a => a.Status == ApplicationStatus.Notified, cancellationToken);

        var directions = db.Directions.AsNoTracking().Where(d => applications.Any(a => a.Id == d.ApplicationId));
        var (fromUtc, toUtc) = KazakhstanTime.DaysUtc(query.From, query.To);
        var issued = directions.NotByTransfer(db); // a transfer's new direction is no turn
        var enrolled = directions.Where(d => d.Status == DirectionStatus.Enrolled);
        var expired = directions.Where(d => d.Status == DirectionStatus.Expired);
        if (fromUtc is { } start)
        {
            issued = issued.Where(d => d.IssuedAt >= start);
            enrolled = enrolled.Where(d => d.EndedAt >= start);
            expired = expired.Where(d => d.EndedAt >= start);
        }

        if (toUtc is { } end)
        {
            issued = issued.Where(d => d.IssuedAt < end);
            enrolled = enrolled.Where(d => d.EndedAt < end);
            expired = expired.Where(d => d.EndedAt < end);
        }

        var issuedCount = await issued.CountAsync(cancellationToken);
        var enrolledCount = await enrolled.CountAsync(cancellationToken);
        var expiredCount = await expired.CountAsync(cancellationToken);

        var places = db.Places.AsNoTracking().Where(p => p.RegionCode == query.RegionCode && p.TakenByApplicationId == null);
        if (query.GroupYear is { } groupYear)
            places = places.Where(p => p.GroupYear == groupYear);
        var seats = await places.GroupBy(p => p.KindergartenId).Select(g => new { KindergartenId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = seats.Select(s => s.KindergartenId).ToList();
        var kindergartens = await db.Kindergartens.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        return new QueueActivity(notified, issuedCount, enrolledCount,
            [.. seats.Where(s => kindergartens.ContainsKey(s.KindergartenId))
                .Select(s => new KindergartenSeats(kindergartens[s.KindergartenId], s.Count))
                .OrderBy(s => s.Kindergarten.NameRu, StringComparer.Ordinal)]) { Expired = expiredCount };
    }
}
