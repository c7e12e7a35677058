using Kezek.Core.Applications;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Windows;

/// <summary>
/// What an intake run's priority reads of its families (docs/allocation.md): the queued-at rank, the kindergartens where a
/// sibling already is, and the joint application of siblings in the same run. The category is the family's confirmed benefit.
/// </summary>
internal static class IntakeStandings
{
    /// <summary>
    /// The families of the extract with their standings: <see cref="ExtractFamily.QueuedAt"/> (rank among the run's families by
    /// queued-at; equal times share one) and <see cref="ExtractFamily.Siblings"/> (kindergartens of the run where another child
    /// of the same applicant holds a direction or is enrolled). Children of one applicant in the same run apply jointly: each
    /// takes the lowest queued-at rank and lottery number among them, so that every kindergarten ranks them side by side.
    /// </summary>
    public static async Task<List<ExtractFamily>> WithStandingsAsync(IKezekDb db, IReadOnlyList<Application> families, IReadOnlyList<ExtractFamily> extract,
        IReadOnlyList<Guid> kindergartenIds, CancellationToken cancellationToken)
    {
        var times = families.Select(f => f.QueuedAt).Distinct().Order().Select((time, rank) => (time, rank)).ToDictionary(x => x.time, x => (long)x.rank);
        var parents = families.Select(f => f.Applicant.Iin).Distinct().ToList();
        var there = await db.Directions.AsNoTracking()
            .Where(d => (d.Status == DirectionStatus.Issued || d.Status == DirectionStatus.Enrolled) && kindergartenIds.Contains(d.KindergartenId))
            .Join(db.Applications.Where(a => parents.Contains(a.Applicant.Iin)), d => d.ApplicationId, a => a.Id,
                (d, a) => new { Parent = a.Applicant.Iin, Child = a.Child.Iin, d.KindergartenId })
            .ToListAsync(cancellationToken);
        var siblingsOf = there.ToLookup(x => x.Parent);

        // The joint application: the lowest queued-at rank and lottery number among one applicant's children in the run.
        var joint = families.Select((f, position) => (f.Applicant.Iin, Rank: times[f.QueuedAt], extract[position].Lottery))
            .GroupBy(x => x.Iin)
            .ToDictionary(g => g.Key, g => (Rank: g.Min(x => x.Rank), Lottery: g.Min(x => x.Lottery)));
        return [.. families.Select((f, position) =>
        {
            var shared = joint[f.Applicant.Iin];
            var siblings = siblingsOf[f.Applicant.Iin].Where(x => x.Child != f.Child.Iin).Select(x => x.KindergartenId).Distinct().Order().ToArray();
            return extract[position] with { Lottery = shared.Lottery, QueuedAt = shared.Rank, Siblings = siblings.Length == 0 ? null : siblings };
        })];
    }
}
