using Kezek.Core.Applications;
using Kezek.Core.Forecast;
using Kezek.Core.Queue;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Forecast;

/// <summary>
/// A likely interval until a turn, as months from now and as the region's calendar days: from the first day of the
/// earliest month, likely from the first day of the likely month, until the last day of the latest month (null: later
/// than the forecast reaches). <see cref="Ahead"/> is how many turns must come first. Counts only, nothing of anyone.
/// </summary>
public sealed record WaitingForecastAnswer(int Ahead, MonthsUntilTurn Months, DateOnly EarliestFrom, DateOnly LikelyFrom, DateOnly? LatestUntil);

/// <summary>
/// The waiting-time forecast (<see cref="WaitingForecast"/>) over the queue's monthly turns (<see cref="QueueTurns"/>):
/// for a child joining a queue now (the whole queue of the group year ahead of it), or for applications standing in it
/// (those before them ahead). For one kindergarten, only the children ahead who would take a seat there count: the
/// queue's length times the kindergarten's share of the queue's turns in the window. Null without history.
/// </summary>
public sealed class ForecastWaiting(IKezekDb db, QueueTurns turns, QueuePositions positions, RuleSetCatalog rules, TimeProvider clock)
{
    public async Task<Result<WaitingForecastAnswer?>> ForNewcomerAsync(string regionCode, int groupYear, Guid? kindergartenId,
        CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", regionCode));
        var policy = rules.For(regionCode).RuleSet.Policy;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = policy.Today(now);
        if (groupYear > today.Year || groupYear < Child.OldestGroupYear(today, policy.MaxAgeMonths))
            return Error.Of(ErrorCodes.InvalidGroupYear);
        if (kindergartenId is { } id && !await db.Kindergartens.AnyAsync(k => k.Id == id && k.RegionCode == regionCode, cancellationToken))
            return Error.Of(ErrorCodes.KindergartenNotInRegion);

        var queue = new TurnsOf(regionCode, groupYear, kindergartenId);
        var standing = await db.Applications.AsNoTracking().CountAsync(QueueOrder.SameQueue(regionCode, groupYear), cancellationToken);
        var histories = await turns.BeforeAsync([queue, queue.Whole], now, cancellationToken);
        var ahead = kindergartenId is null ? standing : ShareOf(standing, histories[queue], histories[queue.Whole]);
        return Result<WaitingForecastAnswer?>.Success(Answer(ahead, histories[queue], policy, now));
    }

    /// <summary>Each application standing in its queue, with those before it ahead; the others are left out.</summary>
    public async Task<IReadOnlyDictionary<long, WaitingForecastAnswer?>> ForApplicationsAsync(IReadOnlyCollection<Application> applications,
        CancellationToken cancellationToken)
    {
        var standing = await positions.OfManyAsync(applications, cancellationToken);
        if (standing.Count == 0)
            return new Dictionary<long, WaitingForecastAnswer?>();
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = applications.Where(a => standing.ContainsKey(a.Id)).DistinctBy(a => a.Id).ToList();
        var histories = await turns.BeforeAsync([.. queued.Select(a => new TurnsOf(a.RegionCode, a.GroupYear)).Distinct()], now, cancellationToken);
        return queued.ToDictionary(a => a.Id, a => Answer(standing[a.Id].QueueNumber - 1, histories[new TurnsOf(a.RegionCode, a.GroupYear)],
            rules.For(a.RegionCode).RuleSet.Policy, now));
    }

    /// <summary>The children ahead who would take a seat at a kindergarten: in proportion to its share of the queue's turns.</summary>
    private static int ShareOf(int standing, IReadOnlyList<MonthOfTurns> kindergarten, IReadOnlyList<MonthOfTurns> whole)
    {
        var all = whole.Sum(m => m.Turns);
        return all == 0 ? standing : (int)Math.Ceiling((double)standing * kindergarten.Sum(m => m.Turns) / all);
    }

    private static WaitingForecastAnswer? Answer(int ahead, IReadOnlyList<MonthOfTurns> history, Kezek.Rules.RegionPolicy policy, DateTime now)
    {
        var today = policy.Today(now);
        if (WaitingForecast.Estimate(ahead, history, today.Month) is not { } months)
            return null;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return new WaitingForecastAnswer(ahead, months, thisMonth.AddMonths(months.Earliest), thisMonth.AddMonths(months.Likely),
            months.Latest is { } latest ? thisMonth.AddMonths(latest + 1).AddDays(-1) : null);
    }
}
