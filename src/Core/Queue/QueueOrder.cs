using System.Linq.Expressions;
using Kezek.Core.Applications;

namespace Kezek.Core.Queue;

/// <summary>
/// The order of a queue, in one place: categories ranked out-of-turn, priority, general, and within a
/// category by queued-at time (ties by id). Whether priority and general follow each other or interleave
/// is the region's rule (<c>queueOrder</c>); everything that numbers or walks the queue uses these members.
/// </summary>
public static class QueueOrder
{
    public static int RankOf(BenefitCategory benefit) => benefit switch
    {
        BenefitCategory.OutOfTurn => 0,
        BenefitCategory.Priority => 1,
        _ => 2,
    };

    /// <summary>The applications of the same queue (region and group year) that stand in it.</summary>
    public static Expression<Func<Application, bool>> SameQueue(string regionCode, int groupYear) =>
        a => a.RegionCode == regionCode && a.GroupYear == groupYear && a.InQueue;

    /// <summary>Applications that stand after a position: the keyset of a walk along the queue.</summary>
    public static Expression<Func<Application, bool>> After(int rank, DateTime queuedAt, long id) =>
        a => a.QueueRank > rank
             || (a.QueueRank == rank && (a.QueuedAt > queuedAt || (a.QueuedAt == queuedAt && a.Id > id)));

    public static IOrderedQueryable<Application> InOrder(this IQueryable<Application> applications) =>
        applications.OrderBy(a => a.QueueRank).ThenBy(a => a.QueuedAt).ThenBy(a => a.Id);
}
