using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Kezek.Core.Applications;
using Kezek.Core.Queue;
using Kezek.Rules;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Queue;

/// <summary>
/// Walks a queue (region and group year) in the region's order, page by page along the queue index: out-of-turn
/// first, then priority and general either one after the other or interleaved in blocks, as
/// <see cref="QueueOrdering.Position"/> numbers them. The applications come untracked: the caller attaches the one it
/// changes, so that a walk through ten thousand need not keep them all tracked.
/// </summary>
public static class QueueWalk
{
    private const int DefaultPageSize = 200;

    /// <summary>The queue in order; <paramref name="pageSize"/> applications a statement (a walk that reads everyone asks for more).</summary>
    public static async IAsyncEnumerable<Application> InOrderAsync(IKezekDb db, string regionCode, int groupYear, QueueOrdering order,
        Expression<Func<Application, bool>> filter, [EnumeratorCancellation] CancellationToken cancellationToken, int pageSize = DefaultPageSize)
    {
        if (!order.Interleaves)
        {
            await foreach (var application in PagesAsync(db, regionCode, groupYear, null, filter, pageSize, cancellationToken))
                yield return application;
            yield break;
        }

        await foreach (var application in PagesAsync(db, regionCode, groupYear, QueueOrder.RankOf(BenefitCategory.OutOfTurn), filter, pageSize, cancellationToken))
            yield return application;
        await using var priority = PagesAsync(db, regionCode, groupYear, QueueOrder.RankOf(BenefitCategory.Priority), filter, pageSize, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using var general = PagesAsync(db, regionCode, groupYear, QueueOrder.RankOf(BenefitCategory.None), filter, pageSize, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        bool morePriority = true, moreGeneral = true;
        while (morePriority || moreGeneral)
        {
            for (var i = 0; i < order.PriorityShare && morePriority; i++)
            {
                if (morePriority = await priority.MoveNextAsync())
                    yield return priority.Current;
            }

            for (var i = 0; i < order.GeneralShare && moreGeneral; i++)
            {
                if (moreGeneral = await general.MoveNextAsync())
                    yield return general.Current;
            }
        }
    }

    private static async IAsyncEnumerable<Application> PagesAsync(IKezekDb db, string regionCode, int groupYear, int? rank,
        Expression<Func<Application, bool>> filter, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = db.Applications.AsNoTracking().Include(a => a.Directions).Include(a => a.Parents)
            .Where(QueueOrder.SameQueue(regionCode, groupYear)).Where(filter);
        if (rank is { } only)
            queue = queue.Where(a => a.QueueRank == only);
        Application? last = null;
        while (true)
        {
            var page = last is null ? queue : queue.Where(QueueOrder.After(last.QueueRank, last.QueuedAt, last.Id));
            var items = await page.InOrder().Take(pageSize).ToListAsync(cancellationToken);
            foreach (var application in items)
                yield return application;
            if (items.Count < pageSize)
                yield break;
            last = items[^1];
        }
    }
}
