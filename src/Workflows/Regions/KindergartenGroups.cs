using Kezek.Core.Regions;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>The groups of many kindergartens in one statement (public, for the read layer's loader).</summary>
public sealed class KindergartenGroups(IKezekDb db)
{
    public async Task<ILookup<Guid, KindergartenGroup>> OfManyAsync(IReadOnlyCollection<Guid> kindergartenIds, CancellationToken cancellationToken) =>
        (await db.KindergartenGroups.AsNoTracking().Where(g => kindergartenIds.Contains(g.KindergartenId))
            .OrderBy(g => g.KindergartenId).ThenByDescending(g => g.GroupYear).ThenBy(g => g.Language)
            .ToListAsync(cancellationToken)).ToLookup(g => g.KindergartenId);
}
