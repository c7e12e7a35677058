using Kezek.Core.Regions;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>The regions Kezek serves, by code (public).</summary>
public sealed class ListRegionsHandler(IKezekDb db)
{
    public async Task<IReadOnlyList<Region>> HandleAsync(CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
}
