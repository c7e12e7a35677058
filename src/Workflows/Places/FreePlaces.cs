using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Places;

/// <summary>Free seats of one kindergarten, group year, language and mode; <see cref="PlaceId"/> is the one to choose.</summary>
/// <param name="DistanceKm">From the point asked about (<see cref="Near"/>); null when none was given.</param>
public sealed record FreePlace(Guid PlaceId, Kindergarten Kindergarten, int GroupYear, Language Language, PlaceMode Mode, int Count,
    double? DistanceKm = null);

/// <summary>A point and a radius: kindergartens within it, by great-circle distance.</summary>
public sealed record Near(double Latitude, double Longitude, double RadiusKm)
{
    public const double MaxRadiusKm = 500;
}

/// <summary>
/// Which free seats to list: by default those of state kindergartens (a family asks for private ones), of any language and
/// anywhere in the region.
/// </summary>
public sealed record FreePlaceFilter(int? GroupYear = null, Language? Language = null, IReadOnlyCollection<Ownership>? Ownerships = null,
    Near? Near = null, Guid? KindergartenId = null)
{
    public static readonly IReadOnlyCollection<Ownership> StateOnly = [Ownership.State];
    public static readonly IReadOnlyCollection<Ownership> Any = [Ownership.State, Ownership.Private];

    public IReadOnlyCollection<Ownership> OwnershipsOrDefault => Ownerships is { Count: > 0 } ownerships ? ownerships : StateOnly;
}

/// <summary>What can be chosen now, public: kindergartens and counts, nothing about who holds the other seats.</summary>
public sealed class FreePlaces(IKezekDb db)
{
    public Task<Result<IReadOnlyList<FreePlace>>> ListAsync(string regionCode, int? groupYear, CancellationToken cancellationToken) =>
        ListAsync(regionCode, new FreePlaceFilter(groupYear), cancellationToken);

    public async Task<Result<IReadOnlyList<FreePlace>>> ListAsync(string regionCode, FreePlaceFilter filter, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", regionCode));
        if (filter.Language is { } asked && !Language.OfInstruction.Contains(asked))
            return Error.Of(ErrorCodes.UnknownLanguage, ("language", asked.Code));
        GeoPoint? center = null;
        if (filter.Near is { } near)
        {
            var point = GeoPoint.InKazakhstan(near.Latitude, near.Longitude);
            if (!point.IsSuccess)
                return point.Error!;
            if (!double.IsFinite(near.RadiusKm) || near.RadiusKm is <= 0 or > Near.MaxRadiusKm)
                return Error.Of(ErrorCodes.InvalidInput, ("field", "radiusKm"));
            center = point.Value;
        }

        var kindergartens = db.Kindergartens.Where(k => k.RegionCode == regionCode);
        var ownerships = filter.OwnershipsOrDefault;
        if (!ownerships.Contains(Ownership.Private))
            kindergartens = kindergartens.Where(k => k.Ownership == Ownership.State);
        else if (!ownerships.Contains(Ownership.State))
            kindergartens = kindergartens.Where(k => k.Ownership == Ownership.Private);
        if (filter.KindergartenId is { } kindergartenId)
            kindergartens = kindergartens.Where(k => k.Id == kindergartenId);
        if (center is { } box && filter.Near is { } radius)
        {
            // The database keeps the box around the circle; the distance itself is computed below, in memory.
            var (latitude, longitude) = box.SpanDegrees(radius.RadiusKm);
            double south = box.Latitude - latitude, north = box.Latitude + latitude, west = box.Longitude - longitude, east = box.Longitude + longitude;
            kindergartens = kindergartens.Where(k => k.Latitude != null && k.Longitude != null && k.Latitude >= south && k.Latitude <= north
                                                     && k.Longitude >= west && k.Longitude <= east);
        }

        var free = db.Places.AsNoTracking().Where(p => p.RegionCode == regionCode && p.TakenByApplicationId == null
                                                       && kindergartens.Select(k => k.Id).Contains(p.KindergartenId));
        if (filter.GroupYear is { } year)
            free = free.Where(p => p.GroupYear == year);
        if (filter.Language is { } language)
            free = free.Where(p => p.Language == language);
        // PostgreSQL has no min(uuid): the representative seat is the least id as text.
        var groups = await free
            .GroupBy(p => new { p.KindergartenId, p.GroupYear, p.Language, p.Mode })
            .Select(g => new { g.Key.KindergartenId, g.Key.GroupYear, g.Key.Language, g.Key.Mode, Count = g.Count(), PlaceId = g.Min(p => p.Id.ToString()) })
            .ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.KindergartenId).Distinct().ToList();
        var found = await db.Kindergartens.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        var distances = found.Values.ToDictionary(k => k.Id, k => center is { } point && k.Location is { } location
            ? Math.Round(point.DistanceKmTo(location.Latitude, location.Longitude), 2)
            : (double?)null);
        return groups
            .Where(g => filter.Near is not { } near || distances[g.KindergartenId] <= near.RadiusKm)
            .Select(g => new FreePlace(Guid.Parse(g.PlaceId!), found[g.KindergartenId], g.GroupYear, g.Language, g.Mode, g.Count,
                distances[g.KindergartenId]))
            .OrderBy(p => p.GroupYear).ThenBy(p => p.DistanceKm ?? 0).ThenBy(p => p.Kindergarten.NameRu, StringComparer.Ordinal)
            .ThenBy(p => p.Language.Code, StringComparer.Ordinal).ThenBy(p => p.Mode)
            .ToList();
    }
}
