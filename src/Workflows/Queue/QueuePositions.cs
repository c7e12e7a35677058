using Kezek.Core.Applications;
using Kezek.Core.Queue;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Queue;

/// <summary>An application's place in its queue: overall and within its benefit category.</summary>
public sealed record QueuePosition(int QueueNumber, int BenefitQueueNumber);

/// <summary>
/// Queue numbers by the region's ordering rule, from index range counts over (region, group year, in queue,
/// rank, queued-at, id): nothing of the queue is loaded into memory. Within a category the order is
/// <see cref="QueueOrder"/>'s; how categories follow each other is the region's <c>queueOrder</c>.
/// </summary>
public sealed class QueuePositions(IKezekDb db, RuleSetCatalog rules)
{
    public async Task<QueuePosition?> OfAsync(Application application, CancellationToken cancellationToken)
    {
        if (!application.InQueue)
            return null;

        var order = rules.For(application.RegionCode).RuleSet.Policy.QueueOrder;
        var queue = db.Applications.AsNoTracking().Where(QueueOrder.SameQueue(application.RegionCode, application.GroupYear));
        var (ahead, sameRankAhead) = await AheadAsync(queue, application, cancellationToken);
        if (!order.Interleaves)
            return new QueuePosition(ahead + 1, sameRankAhead + 1);

        var (outOfTurn, priority, general) = await CategoryCountsAsync(queue, cancellationToken);
        return new QueuePosition(order.Position(application.QueueRank, sameRankAhead, outOfTurn, priority, general), sameRankAhead + 1);
    }

    /// <summary>
    /// How many stand ahead, in all and of the same rank, in one statement of three index ranges over (region, group
    /// year, in queue, rank, queued-at, id): the ranks before, the same rank queued earlier, the same instant with a
    /// lower id. Each range ends where the application stands, so only the entries ahead are read; a single condition
    /// ORing the three would read the whole queue of the group year.
    /// </summary>
    private async Task<(int Ahead, int SameRankAhead)> AheadAsync(IQueryable<Application> queue, Application application,
        CancellationToken cancellationToken)
    {
        var (rank, queuedAt, id) = (application.QueueRank, application.QueuedAt, application.Id);
        var counts = await db.Regions.AsNoTracking().Where(r => r.Code == application.RegionCode).Select(_ => new
        {
            Before = queue.Count(a => a.QueueRank < rank),
            Earlier = queue.Count(a => a.QueueRank == rank && a.QueuedAt < queuedAt),
            Tied = queue.Count(a => a.QueueRank == rank && a.QueuedAt == queuedAt && a.Id < id),
        }).SingleAsync(cancellationToken);
        return (counts.Before + counts.Earlier + counts.Tied, counts.Earlier + counts.Tied);
    }

    /// <summary>The application standing at a queue number, for the journal's "queue number" filter.</summary>
    public async Task<long?> AtAsync(string regionCode, int groupYear, int queueNumber, CancellationToken cancellationToken)
    {
        if (queueNumber < 1)
            return null;
        var order = rules.For(regionCode).RuleSet.Policy.QueueOrder;
        var queue = db.Applications.AsNoTracking().Where(QueueOrder.SameQueue(regionCode, groupYear));
        if (!order.Interleaves)
            return await queue.InOrder().Skip(queueNumber - 1).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);

        var (outOfTurn, priority, general) = await CategoryCountsAsync(queue, cancellationToken);
        if (order.At(queueNumber, outOfTurn, priority, general) is not var (rank, index))
            return null;
        return await queue.Where(a => a.QueueRank == rank).InOrder().Skip(index).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<(int OutOfTurn, int Priority, int General)> CategoryCountsAsync(IQueryable<Application> queue,
        CancellationToken cancellationToken)
    {
        var counts = await queue.GroupBy(a => a.QueueRank).Select(g => new { Rank = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(BenefitCategory benefit) => counts.FirstOrDefault(c => c.Rank == QueueOrder.RankOf(benefit))?.Count ?? 0;
        return (Of(BenefitCategory.OutOfTurn), Of(BenefitCategory.Priority), Of(BenefitCategory.None));
    }
}
