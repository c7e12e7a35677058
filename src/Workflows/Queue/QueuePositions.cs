using Kezek.Core.Applications;
using Kezek.Core.Queue;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Queue;

/// <summary>An application's place in its queue: overall and within its benefit category.</summary>
public sealed record QueuePosition(int QueueNumber, int BenefitQueueNumber);

/// <summary>
/// Computes queue numbers with one index range count per application (region, group year, in queue,
/// rank, queued-at, id), so nothing of the queue is loaded into memory.
/// </summary>
public sealed class QueuePositions(IKezekDb db)
{
    public async Task<QueuePosition?> OfAsync(Application application, CancellationToken cancellationToken)
    {
        if (!application.InQueue)
            return null;

        var counts = await db.Applications.AsNoTracking()
            .Where(QueueOrder.SameQueue(application.RegionCode, application.GroupYear))
            .Where(QueueOrder.Ahead(application.QueueRank, application.QueuedAt, application.Id))
            .GroupBy(_ => 1)
            .Select(g => new { Ahead = g.Count(), SameRankAhead = g.Count(a => a.QueueRank == application.QueueRank) })
            .SingleOrDefaultAsync(cancellationToken);

        return new QueuePosition((counts?.Ahead ?? 0) + 1, (counts?.SameRankAhead ?? 0) + 1);
    }

    /// <summary>The application standing at a queue number, for the journal's "queue number" filter.</summary>
    public Task<long?> AtAsync(string regionCode, int groupYear, int queueNumber, CancellationToken cancellationToken) =>
        queueNumber < 1
            ? Task.FromResult<long?>(null)
            : db.Applications.AsNoTracking()
                .Where(QueueOrder.SameQueue(regionCode, groupYear))
                .InOrder()
                .Skip(queueNumber - 1)
                .Select(a => (long?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
}
