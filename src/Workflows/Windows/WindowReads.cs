using Kezek.Core.Allocation;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Windows;

/// <summary>The seats one kindergarten holds in an open release window.</summary>
public sealed record WindowSeats(Kindergarten Kindergarten, int Seats);

/// <summary>An open release window as a queued family sees it: when it closes and which kindergartens have seats in it.</summary>
public sealed record OpenWindowView(string RegionCode, int GroupYear, DateTime OpensAt, DateTime ClosesAt, IReadOnlyList<WindowSeats> Seats);

/// <summary>One run of a region's history, without its outcomes or extract (the run history's row).</summary>
public sealed record AllocationRunSummary(Guid Id, string RegionCode, int GroupYear, string Mode, string RuleSetName, int RuleSetVersion,
    DateTime StartedAt, DateTime FinishedAt, int Families, int Seats, int Placed);

/// <summary>A page of a region's runs, newest first; <see cref="EndCursor"/> is passed as <c>after</c> for the next page.</summary>
public sealed record AllocationRunPage(IReadOnlyList<AllocationRunSummary> Items, bool HasNextPage, string? EndCursor);

/// <summary>
/// Reads for the faces of allocation: the open window a queued family stands in (the application card), and a region's
/// run history (Kezek Studio).
/// </summary>
public sealed class WindowReads(IKezekDb db)
{
    public const int MaxPage = 100;

    /// <summary>
    /// The open window of each queued application's region and group year, with the seats per kindergarten in it; one read
    /// for the windows and one for their seats, however many applications are asked.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, OpenWindowView>> OpenWindowsOfAsync(IReadOnlyCollection<Application> applications,
        CancellationToken cancellationToken)
    {
        var queued = applications.Where(a => a.Status == ApplicationStatus.Queued).ToList();
        if (queued.Count == 0)
            return new Dictionary<long, OpenWindowView>();
        var regions = queued.Select(a => a.RegionCode).Distinct().ToList();
        var years = queued.Select(a => a.GroupYear).Distinct().ToList();
        var windows = (await db.ReleaseWindows.AsNoTracking()
                .Where(w => w.Status == ReleaseWindowStatus.Open && regions.Contains(w.RegionCode) && years.Contains(w.GroupYear))
                .ToListAsync(cancellationToken))
            .ToDictionary(w => (w.RegionCode, w.GroupYear));
        if (windows.Count == 0)
            return new Dictionary<long, OpenWindowView>();
        var seats = await db.Places.AsNoTracking()
            .Where(p => p.Mode == PlaceMode.Window && p.TakenByApplicationId == null && regions.Contains(p.RegionCode) && years.Contains(p.GroupYear))
            .GroupBy(p => new { p.RegionCode, p.GroupYear, p.KindergartenId })
            .Select(g => new { g.Key.RegionCode, g.Key.GroupYear, g.Key.KindergartenId, Seats = g.Count() })
            .ToListAsync(cancellationToken);
        var kindergartenIds = seats.Select(s => s.KindergartenId).Distinct().ToList();
        var kindergartens = await db.Kindergartens.AsNoTracking().Where(k => kindergartenIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        var views = windows.ToDictionary(w => w.Key, w => new OpenWindowView(w.Value.RegionCode, w.Value.GroupYear, w.Value.OpensAt, w.Value.ClosesAt,
            [.. seats.Where(s => s.RegionCode == w.Key.RegionCode && s.GroupYear == w.Key.GroupYear && kindergartens.ContainsKey(s.KindergartenId))
                .Select(s => new WindowSeats(kindergartens[s.KindergartenId], s.Seats))
                .OrderByDescending(s => s.Seats).ThenBy(s => s.Kindergarten.NameRu, StringComparer.Ordinal)]));
        return queued.Where(a => views.ContainsKey((a.RegionCode, a.GroupYear)))
            .ToDictionary(a => a.Id, a => views[(a.RegionCode, a.GroupYear)]);
    }

    /// <summary>
    /// A region's allocation runs, newest first (of one group year when asked), for its operators and administrators;
    /// anyone else is refused. <paramref name="after"/> is the cursor of the page before.
    /// </summary>
    public async Task<Result<AllocationRunPage>> RunsAsync(Viewer viewer, string region, int? groupYear, int? first, string? after,
        CancellationToken cancellationToken)
    {
        var allowed = AccessPolicy.ForAllocationRuns(viewer, region);
        if (!allowed.IsSuccess)
            return allowed.Error!;
        var take = Math.Clamp(first ?? 20, 1, MaxPage);
        var skip = 0;
        if (after is not null && (!int.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out skip) || skip < 0))
            return Error.Of(ErrorCodes.InvalidInput);
        var runs = db.AllocationRuns.AsNoTracking().Where(r => r.RegionCode == region);
        if (groupYear is { } year)
            runs = runs.Where(r => r.GroupYear == year);
        var rows = await runs.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.StartedAt).ThenBy(r => r.Id)
            .Select(r => new AllocationRunSummary(r.Id, r.RegionCode, r.GroupYear, r.Mode, r.RuleSetName, r.RuleSetVersion, r.StartedAt, r.FinishedAt,
                r.Families, r.Seats, r.Placed))
            .Skip(skip).Take(take + 1).ToListAsync(cancellationToken);
        var more = rows.Count > take;
        var items = rows.Take(take).ToList();
        return new AllocationRunPage(items, more, more ? (skip + take).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
