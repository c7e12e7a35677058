using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>A region's kindergartens, by their Russian name (public).</summary>
public sealed record ListKindergartens(string Region);

public sealed class ListKindergartensHandler(IKezekDb db)
{
    public async Task<Result<IReadOnlyList<Kindergarten>>> HandleAsync(ListKindergartens query, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == query.Region, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", query.Region));
        return await db.Kindergartens.AsNoTracking().Where(k => k.RegionCode == query.Region).OrderBy(k => k.NameRu)
            .ToListAsync(cancellationToken);
    }
}
