using Kezek.Core.Regions;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Transfers;

/// <summary>An application's transfer request as shown on its card: the kindergartens asked for, first choice first, and when.</summary>
public sealed record TransferRequestView(IReadOnlyList<Kindergarten> Kindergartens, DateTime RequestedAt, string RegionCode);

/// <summary>The batch read behind <c>Application.transferRequest</c>.</summary>
public sealed class TransferReads(IKezekDb db)
{
    public async Task<IReadOnlyDictionary<long, TransferRequestView>> RequestsOfAsync(IReadOnlyCollection<long> applicationIds,
        CancellationToken cancellationToken) =>
        (await db.TransferChoices.AsNoTracking().Where(c => applicationIds.Contains(c.ApplicationId))
            .Join(db.Kindergartens.AsNoTracking(), c => c.KindergartenId, k => k.Id, (c, k) => new { c.ApplicationId, c.Rank, c.RequestedAt, Kindergarten = k })
            .ToListAsync(cancellationToken))
        .GroupBy(c => c.ApplicationId)
        .ToDictionary(g => g.Key, g => new TransferRequestView([.. g.OrderBy(c => c.Rank).Select(c => c.Kindergarten)], g.Max(c => c.RequestedAt),
            g.First().Kindergarten.RegionCode));
}
