using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Places;

/// <summary>Free seats of one kindergarten, group year, language and mode; <see cref="PlaceId"/> is the one to choose.</summary>
public sealed record FreePlace(Guid PlaceId, Kindergarten Kindergarten, int GroupYear, Language Language, PlaceMode Mode, int Count);

/// <summary>What can be chosen now, public: kindergartens and counts, nothing about who holds the other seats.</summary>
public sealed class FreePlaces(IKezekDb db)
{
    public async Task<Result<IReadOnlyList<FreePlace>>> ListAsync(string regionCode, int? groupYear, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", regionCode));
        var free = db.Places.AsNoTracking().Where(p => p.RegionCode == regionCode && p.TakenByApplicationId == null);
        if (groupYear is { } year)
            free = free.Where(p => p.GroupYear == year);
        // PostgreSQL has no min(uuid): the representative seat is the least id as text.
        var groups = await free
            .GroupBy(p => new { p.KindergartenId, p.GroupYear, p.Language, p.Mode })
            .Select(g => new { g.Key.KindergartenId, g.Key.GroupYear, g.Key.Language, g.Key.Mode, Count = g.Count(), PlaceId = g.Min(p => p.Id.ToString()) })
            .ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.KindergartenId).Distinct().ToList();
        var kindergartens = await db.Kindergartens.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        return groups
            .Select(g => new FreePlace(Guid.Parse(g.PlaceId!), kindergartens[g.KindergartenId], g.GroupYear, g.Language, g.Mode, g.Count))
            .OrderBy(p => p.GroupYear).ThenBy(p => p.Kindergarten.NameRu, StringComparer.Ordinal).ThenBy(p => p.Language.Code, StringComparer.Ordinal)
            .ThenBy(p => p.Mode)
            .ToList();
    }
}
