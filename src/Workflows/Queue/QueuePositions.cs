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
        var ahead = queue.Where(QueueOrder.Ahead(application.QueueRank, application.QueuedAt, application.Id));
        if (!order.Interleaves)
        {
            var counts = await ahead.GroupBy(_ => 1)
                .Select(g => new { Ahead = g.Count(), SameRankAhead = g.Count(a => a.QueueRank == application.QueueRank) })
                .SingleOrDefaultAsync(cancellationToken);
            return new QueuePosition((counts?.Ahead ?? 0) + 1, (counts?.SameRankAhead ?? 0) + 1);
        }

        var index = await ahead.CountAsync(a => a.QueueRank == application.QueueRank, cancellationToken);
        var (outOfTurn, priority, general) = await CategoryCountsAsync(queue, cancellationToken);
        return new QueuePosition(order.Position(application.QueueRank, index, outOfTurn, priority, general), index + 1);
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
