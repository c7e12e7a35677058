using Kezek.Core.Applications;
using Kezek.Core.Iins;
using Kezek.Core.People;
using Kezek.Core.Queue;
using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Queue;

/// <summary>
/// What the public may learn about a queued child: numbers and a masked name. Not the benefit category
/// (it can reveal disability or family circumstances) and not the status. Who stands ahead and the numbers of the past
/// are counts only. <see cref="Key"/> is for reading the past numbers, never shown.
/// </summary>
public sealed record PublicQueueEntry(string ApplicationNumber, string MaskedChildName, int GroupYear, QueuePosition? Position, QueueKey Key);

/// <summary>The queue's counts by category, and which queue they are of (for the activity of the same queue).</summary>
public sealed record QueueCounts(int Total, int OutOfTurn, int Priority, int General)
{
    public string RegionCode { get; init; } = "";
    public int? GroupYear { get; init; }

    /// <summary>The same counts per group year, oldest group year first (one year only when a group year was asked).</summary>
    public IReadOnlyList<GroupYearCounts> ByGroupYear { get; init; } = [];
}

/// <summary>The queue of one group year, by confirmed benefit category.</summary>
public sealed record GroupYearCounts(int GroupYear, int Total, int OutOfTurn, int Priority, int General);

/// <summary>Public search of a queue number (by child IIN, or full name and birth date) and queue statistics.</summary>
public sealed class PublicQueueSearch(IKezekDb db, QueuePositions positions)
{
    public const int MaxResults = 10;

    public async Task<Result<IReadOnlyList<PublicQueueEntry>>> FindAsync(string regionCode, string? childIin, string? childFullName,
        DateOnly? childBirthDate, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.RegionCode == regionCode && a.ActiveChildIin != null);
        if (!string.IsNullOrWhiteSpace(childIin))
        {
            var iin = Iin.Parse(childIin);
            if (!iin.IsSuccess)
                return iin.Error!;
            var value = iin.Value.Value;
            query = query.Where(a => a.ActiveChildIin == value);
        }
        else if (!string.IsNullOrWhiteSpace(childFullName) && childBirthDate is { } birthDate)
        {
            var key = PersonName.Normalize(childFullName);
            query = query.Where(a => a.Child.NameKey == key && a.Child.BirthDate == birthDate);
        }
        else
        {
            return Error.Of(ErrorCodes.SearchCriteriaRequired, ("fields", "childIin | childFullName + childBirthDate"));
        }

        var found = await query.OrderBy(a => a.Id).Take(MaxResults).ToListAsync(cancellationToken);
        // The region is looked up only when nothing was found: a found child proves it (one round trip fewer per search).
        if (found.Count == 0 && !await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", regionCode));
        var entries = new List<PublicQueueEntry>(found.Count);
        foreach (var application in found)
        {
            entries.Add(new PublicQueueEntry(application.Number, PersonName.Mask(application.Child.FullName), application.GroupYear,
                await positions.OfAsync(application, cancellationToken), QueueKey.Of(application)));
        }

        return entries;
    }

    public async Task<Result<QueueCounts>> CountAsync(string regionCode, int? groupYear, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", regionCode));

        var query = db.Applications.AsNoTracking().Where(a => a.RegionCode == regionCode && a.InQueue);
        if (groupYear is { } year)
            query = query.Where(a => a.GroupYear == year);
        // By rank, not benefit: the rank is in the queue index, so the count reads the index alone.
        var counts = await query.GroupBy(a => new { a.GroupYear, a.QueueRank })
            .Select(g => new { g.Key.GroupYear, Rank = g.Key.QueueRank, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int CountOf(BenefitCategory benefit, int? year = null) =>
            counts.Where(c => c.Rank == QueueOrder.RankOf(benefit) && (year is null || c.GroupYear == year)).Sum(c => c.Count);
        var byGroupYear = counts.Select(c => c.GroupYear).Distinct().Order()
            .Select(y => new GroupYearCounts(y, counts.Where(c => c.GroupYear == y).Sum(c => c.Count), CountOf(BenefitCategory.OutOfTurn, y),
                CountOf(BenefitCategory.Priority, y), CountOf(BenefitCategory.None, y)))
            .ToList();
        return new QueueCounts(counts.Sum(c => c.Count), CountOf(BenefitCategory.OutOfTurn), CountOf(BenefitCategory.Priority),
            CountOf(BenefitCategory.None)) { RegionCode = regionCode, GroupYear = groupYear, ByGroupYear = byGroupYear };
    }
}
