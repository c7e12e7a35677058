using Kezek.Core.Applications;
using Kezek.Core.Queue;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Queue;

/// <summary>How many applications stand ahead, by category: counts only, nothing of who they are.</summary>
public sealed record QueueAhead(int OutOfTurn, int Priority, int General)
{
    public int Total => OutOfTurn + Priority + General;
}

/// <summary>An application's place in its queue: overall and within its benefit category, and who stands ahead by category.</summary>
public sealed record QueuePosition(int QueueNumber, int BenefitQueueNumber, QueueAhead Ahead);

/// <summary>
/// Queue numbers by the region's ordering rule, from index range counts over (region, group year, in queue,
/// rank, queued-at, id): nothing of the queue is loaded into memory. Within a category the order is
/// <see cref="QueueOrder"/>'s; how categories follow each other is the region's <c>queueOrder</c>.
/// </summary>
public sealed class QueuePositions(IKezekDb db, RuleSetCatalog rules)
{
    /// <summary>The application's place; null when it does not stand in the queue.</summary>
    public async Task<QueuePosition?> OfAsync(Application application, CancellationToken cancellationToken) =>
        (await OfManyAsync([application], cancellationToken)).GetValueOrDefault(application.Id);

    /// <summary>
    /// The places of several applications (a journal page) in one statement: each application's three index ranges of
    /// <see cref="AheadOf"/>, with its own values as parameters, joined by UNION ALL — the page costs one round trip
    /// and each application what it cost alone. Applications not in the queue are left out (and cost nothing). A region
    /// that interleaves its categories adds one statement of counts for all its queues on the page.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, QueuePosition>> OfManyAsync(IReadOnlyCollection<Application> applications,
        CancellationToken cancellationToken)
    {
        var standing = applications.Where(a => a.InQueue).DistinctBy(a => a.Id).ToList();
        if (standing.Count == 0)
            return new Dictionary<long, QueuePosition>();

        IQueryable<Ahead>? union = null;
        foreach (var application in standing)
        {
            var ahead = AheadOf(application);
            union = union is null ? ahead : union.Concat(ahead);
        }

        var counts = await union!.ToListAsync(cancellationToken);
        var interleaved = standing.Where(a => rules.For(a.RegionCode).RuleSet.Policy.QueueOrder.Interleaves)
            .Select(a => (a.RegionCode, a.GroupYear)).Distinct().ToList();
        var categories = await CategoryCountsAsync(interleaved, cancellationToken);
        var positions = new Dictionary<long, QueuePosition>();
        foreach (var a in standing)
        {
            var count = counts.Single(c => c.Id == a.Id);
            var sameRankAhead = count.Earlier + count.Tied;
            var order = rules.For(a.RegionCode).RuleSet.Policy.QueueOrder;
            // Strictly ordered, the categories before stand ahead whole (their counts are the index ranges before the rank);
            // interleaved, the region's blocks decide, from the counts of each category in the queue.
            var (outOfTurn, priority, general) = order.Interleaves && categories.TryGetValue((a.RegionCode, a.GroupYear), out var byCategory)
                ? byCategory
                : (count.BeforeOutOfTurn, count.BeforePriority, 0);
            var (o, p, g) = order.Ahead(a.QueueRank, sameRankAhead, outOfTurn, priority, general);
            positions[a.Id] = new QueuePosition(o + p + g + 1, sameRankAhead + 1, new QueueAhead(o, p, g));
        }

        return positions;
    }

    private sealed class Ahead
    {
        public long Id { get; init; }

        public int BeforeOutOfTurn { get; init; }

        public int BeforePriority { get; init; }

        public int Earlier { get; init; }

        public int Tied { get; init; }
    }

    /// <summary>How many of each category stand in each of the queues, in one statement.</summary>
    private async Task<Dictionary<(string RegionCode, int GroupYear), (int OutOfTurn, int Priority, int General)>> CategoryCountsAsync(
        List<(string RegionCode, int GroupYear)> queues, CancellationToken cancellationToken)
    {
        if (queues.Count == 0)
            return [];
        var regions = queues.Select(q => q.RegionCode).Distinct().ToList();
        var years = queues.Select(q => q.GroupYear).Distinct().ToList();
        var counts = await db.Applications.AsNoTracking()
            .Where(a => a.InQueue && regions.Contains(a.RegionCode) && years.Contains(a.GroupYear))
            .GroupBy(a => new { a.RegionCode, a.GroupYear, a.QueueRank })
            .Select(g => new { g.Key.RegionCode, g.Key.GroupYear, g.Key.QueueRank, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return queues.ToDictionary(q => q, q =>
        {
            int Of(BenefitCategory benefit) => counts.FirstOrDefault(c => c.RegionCode == q.RegionCode && c.GroupYear == q.GroupYear
                                                                          && c.QueueRank == QueueOrder.RankOf(benefit))?.Count ?? 0;
            return (Of(BenefitCategory.OutOfTurn), Of(BenefitCategory.Priority), Of(BenefitCategory.None));
        });
    }

    /// <summary>
    /// How many stand ahead, as one row of index ranges over (region, group year, in queue, rank, queued-at, id): each rank
    /// before (out-of-turn, priority), the same rank queued earlier, the same instant with a lower id. Each range ends where the
    /// application stands, so only the entries ahead are read; a single condition ORing the three would read the whole
    /// queue of the group year.
    /// </summary>
    private IQueryable<Ahead> AheadOf(Application application)
    {
        var queue = db.Applications.AsNoTracking().Where(QueueOrder.SameQueue(application.RegionCode, application.GroupYear));
        var (id, rank, queuedAt) = (application.Id, application.QueueRank, application.QueuedAt);
        var (outOfTurnRank, priorityRank) = (QueueOrder.RankOf(BenefitCategory.OutOfTurn), QueueOrder.RankOf(BenefitCategory.Priority));
        return db.Regions.AsNoTracking().Where(r => r.Code == application.RegionCode).Select(_ => new Ahead
        {
            Id = id,
            BeforeOutOfTurn = queue.Count(a => a.QueueRank == outOfTurnRank && a.QueueRank < rank),
            BeforePriority = queue.Count(a => a.QueueRank == priorityRank && a.QueueRank < rank),
            Earlier = queue.Count(a => a.QueueRank == rank && a.QueuedAt < queuedAt),
            Tied = queue.Count(a => a.QueueRank == rank && a.QueuedAt == queuedAt && a.Id < id),
        });
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

        var (outOfTurn, priority, general) = (await CategoryCountsAsync([(regionCode, groupYear)], cancellationToken)).Values.Single();
        if (order.At(queueNumber, outOfTurn, priority, general) is not var (rank, index))
            return null;
        return await queue.Where(a => a.QueueRank == rank).InOrder().Skip(index).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }

}
