using Kezek.Core.Applications;
using Kezek.Core.Queue;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Queue;

/// <summary>What places an application in its queue: its queue (region and group year), its queued-at time and id.</summary>
public sealed record QueueKey(long Id, string RegionCode, int GroupYear, DateTime QueuedAt)
{
    public static QueueKey Of(Application application) => new(application.Id, application.RegionCode, application.GroupYear, application.QueuedAt);
}

/// <summary>The queue number an application had some days ago; null when it did not stand in the queue then.</summary>
public sealed record PastQueueNumber(int DaysAgo, DateTime At, int? QueueNumber);

/// <summary>
/// Queue numbers of the past, read from the history (docs/decisions/0012): at an instant, an application stood in the
/// queue when the status its last history entry up to then left it in was a queue status, with the benefit its last
/// benefit entry up to then left in force (none before any), at its queued-at time; the numbers are counted by the
/// region's order rule in force now. One statement for a page of applications and the three instants: each (queue,
/// instant) is one part of a UNION ALL that reads only the applications that may stand ahead of the page's ones then.
/// </summary>
public sealed class PastQueuePositions(IKezekDb db, RuleSetCatalog rules, TimeProvider clock)
{
    /// <summary>How far back a family is shown its number.</summary>
    public static readonly IReadOnlyList<int> DaysAgo = [30, 90, 365];

    private sealed class Row
    {
        public int Part { get; init; }

        public long Id { get; init; }

        public DateTime QueuedAt { get; init; }

        public BenefitCategory? Benefit { get; init; }
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<PastQueueNumber>>> OfManyAsync(IReadOnlyCollection<QueueKey> applications,
        CancellationToken cancellationToken)
    {
        if (applications.Count == 0)
            return new Dictionary<long, IReadOnlyList<PastQueueNumber>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var queues = applications.GroupBy(a => (a.RegionCode, a.GroupYear)).ToList();
        var parts = new List<((string RegionCode, int GroupYear) Queue, int DaysAgo, DateTime At)>();
        IQueryable<Row>? union = null;
        foreach (var queue in queues)
        {
            var interleaves = rules.For(queue.Key.RegionCode).RuleSet.Policy.QueueOrder.Interleaves;
            foreach (var days in DaysAgo)
            {
                var at = now.AddDays(-days);
                var part = StoodAt(parts.Count, queue.Key.RegionCode, queue.Key.GroupYear, at,
                    interleaves ? null : queue.Max(a => a.QueuedAt));
                parts.Add((queue.Key, days, at));
                union = union is null ? part : union.Concat(part);
            }
        }

        var rows = (await union!.ToListAsync(cancellationToken)).ToLookup(r => r.Part);
        var answer = new Dictionary<long, IReadOnlyList<PastQueueNumber>>();
        foreach (var application in applications.DistinctBy(a => a.Id))
        {
            var order = rules.For(application.RegionCode).RuleSet.Policy.QueueOrder;
            var numbers = new List<PastQueueNumber>();
            for (var index = 0; index < parts.Count; index++)
            {
                var (queue, days, at) = parts[index];
                if (queue != (application.RegionCode, application.GroupYear))
                    continue;
                var stood = rows[index].ToList();
                var mine = stood.FirstOrDefault(r => r.Id == application.Id);
                if (mine is null)
                {
                    numbers.Add(new PastQueueNumber(days, at, null));
                    continue;
                }

                int RankOf(Row row) => QueueOrder.RankOf(row.Benefit ?? BenefitCategory.None);
                var rank = RankOf(mine);
                int Count(int r) => stood.Count(row => RankOf(row) == r);
                var sameRankAhead = stood.Count(row => RankOf(row) == rank
                                                       && (row.QueuedAt < mine.QueuedAt || (row.QueuedAt == mine.QueuedAt && row.Id < mine.Id)));
                numbers.Add(new PastQueueNumber(days, at, order.Position(rank, sameRankAhead, Count(0), Count(1), Count(2))));
            }

            answer[application.Id] = numbers;
        }

        return answer;
    }

    /// <summary>
    /// The applications of a queue that stood in it at an instant, with the benefit then in force. With
    /// <paramref name="notAfter"/> (a strictly ordered queue), only those that may stand ahead of an application queued
    /// by then: queued no later, or holding a benefit (which may put them ahead of an earlier general application).
    /// </summary>
    private IQueryable<Row> StoodAt(int part, string regionCode, int groupYear, DateTime at, DateTime? notAfter)
    {
        var history = db.HistoryEntries.AsNoTracking();
        var stood = db.Applications.AsNoTracking()
            .Where(a => a.RegionCode == regionCode && a.GroupYear == groupYear && a.CreatedAt <= at)
            .Select(a => new
            {
                a.Id,
                a.QueuedAt,
                Status = history.Where(h => h.ApplicationId == a.Id && h.At <= at)
                    .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => h.ToStatus).FirstOrDefault(),
                Benefit = history.Where(h => h.ApplicationId == a.Id && h.At <= at && h.Benefit != null)
                    .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => h.Benefit).FirstOrDefault(),
            })
            .Where(a => a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified);
        if (notAfter is { } last)
            stood = stood.Where(a => a.QueuedAt <= last || (a.Benefit != null && a.Benefit != BenefitCategory.None));
        return stood.Select(a => new Row { Part = part, Id = a.Id, QueuedAt = a.QueuedAt, Benefit = a.Benefit });
    }
}
