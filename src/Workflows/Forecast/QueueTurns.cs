using System.Linq.Expressions;
using Kezek.Core.Forecast;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Forecast;

/// <summary>A queue whose turns are counted: a region and group year, or one kindergarten's share of it.</summary>
public sealed record TurnsOf(string RegionCode, int GroupYear, Guid? KindergartenId = null)
{
    /// <summary>The whole queue of the region and group year this one is part of.</summary>
    public TurnsOf Whole => this with { KindergartenId = null };
}

/// <summary>
/// The monthly turns of queues: how many directions were issued each month to applications of a region and group year
/// (or, for a kindergarten, to that kindergarten), over the <see cref="Months"/> whole months before the month of the
/// given instant, months taken in the region's time zone; a direction a transfer issued is no turn
/// (<see cref="Transfers.TransferDirections"/>). One aggregate statement for every queue asked of one time zone
/// (Kazakhstan has one): the directions are grouped by queue and by month, the month told by a CASE over the months'
/// starts in UTC, so no direction is loaded. The history starts at the first month with a turn: a queue that began
/// later is not told it had empty years.
/// </summary>
public sealed class QueueTurns(IKezekDb db, RuleSetCatalog rules)
{
    public const int Months = 36;

    private sealed class Turn
    {
        public string RegionCode { get; init; } = "";
        public int GroupYear { get; init; }
        public Guid? KindergartenId { get; init; }
        public DateTime IssuedAt { get; init; }
    }

    private sealed class TurnKey
    {
        public string RegionCode { get; init; } = "";
        public int GroupYear { get; init; }
        public Guid? KindergartenId { get; init; }
        public int Month { get; init; }
    }

    private sealed class Count
    {
        public string RegionCode { get; init; } = "";
        public int GroupYear { get; init; }
        public Guid? KindergartenId { get; init; }
        public int Month { get; init; }
        public int Turns { get; init; }
    }

    /// <summary>
    /// The history of each queue before the month of <paramref name="utcNow"/>, oldest month first; empty when the
    /// queue had no turn in the window.
    /// </summary>
    public async Task<IReadOnlyDictionary<TurnsOf, IReadOnlyList<MonthOfTurns>>> BeforeAsync(IReadOnlyCollection<TurnsOf> queues,
        DateTime utcNow, CancellationToken cancellationToken)
    {
        var histories = new Dictionary<TurnsOf, IReadOnlyList<MonthOfTurns>>();
        foreach (var zoned in queues.Distinct().GroupBy(q => rules.For(q.RegionCode).RuleSet.Policy.TimeZoneId))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoned.Key);
            var (months, starts) = Window(zone, utcNow);
            var regions = zoned.Select(q => q.RegionCode).Distinct().ToList();
            var years = zoned.Select(q => q.GroupYear).Distinct().ToList();
            var kindergartens = zoned.Where(q => q.KindergartenId is not null).Select(q => q.KindergartenId!.Value).Distinct().ToList();
            var (since, until) = (starts[0], starts[^1]);
            var turns = from d in db.Directions.AsNoTracking().NotByTransfer(db)
                join a in db.Applications.AsNoTracking() on d.ApplicationId equals a.Id
                where regions.Contains(a.RegionCode) && years.Contains(a.GroupYear) && d.IssuedAt >= since && d.IssuedAt < until
                select new Turn
                {
                    RegionCode = a.RegionCode,
                    GroupYear = a.GroupYear,
                    // The kindergartens asked for are counted apart; every other direction counts for its queue only.
                    KindergartenId = kindergartens.Contains(d.KindergartenId) ? d.KindergartenId : null,
                    IssuedAt = d.IssuedAt,
                };
            var counts = await turns.GroupBy(KeyOf(starts))
                .Select(g => new Count
                {
                    RegionCode = g.Key.RegionCode, GroupYear = g.Key.GroupYear, KindergartenId = g.Key.KindergartenId, Month = g.Key.Month,
                    Turns = g.Count(),
                })
                .ToListAsync(cancellationToken);
            foreach (var queue in zoned)
            {
                var byMonth = new int[Months];
                foreach (var count in counts.Where(c => c.RegionCode == queue.RegionCode && c.GroupYear == queue.GroupYear
                                                        && (queue.KindergartenId is null || c.KindergartenId == queue.KindergartenId)))
                    byMonth[count.Month] += count.Turns;
                var first = Array.FindIndex(byMonth, turnsOfMonth => turnsOfMonth > 0);
                histories[queue] = first < 0 ? [] : [.. Enumerable.Range(first, Months - first).Select(m => new MonthOfTurns(months[m].Year, months[m].Month, byMonth[m]))];
            }
        }

        return histories;
    }

    /// <summary>The <see cref="Months"/> whole local months before the month of the instant, and their starts in UTC (one more: the end).</summary>
    public static (IReadOnlyList<(int Year, int Month)> Months, DateTime[] Starts) Window(TimeZoneInfo zone, DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var thisMonth = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var months = Enumerable.Range(0, Months).Select(m => thisMonth.AddMonths(m - Months)).Select(d => (d.Year, d.Month)).ToList();
        var starts = Enumerable.Range(0, Months + 1)
            .Select(m => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(thisMonth.AddMonths(m - Months), zone), DateTimeKind.Utc)).ToArray();
        return (months, starts);
    }

    /// <summary>
    /// The group of a turn: its queue, its kindergarten when asked for, and its month's index in the window as
    /// CASE WHEN issued_at &lt; start₁ THEN 0 WHEN issued_at &lt; start₂ THEN 1 … ELSE 35 END.
    /// </summary>
    private static Expression<Func<Turn, TurnKey>> KeyOf(DateTime[] starts)
    {
        var turn = Expression.Parameter(typeof(Turn), "t");
        var issuedAt = Expression.Property(turn, nameof(Turn.IssuedAt));
        Expression month = Expression.Constant(Months - 1);
        for (var m = Months - 2; m >= 0; m--)
            month = Expression.Condition(Expression.LessThan(issuedAt, Expression.Constant(starts[m + 1])), Expression.Constant(m), month);
        var key = Expression.MemberInit(Expression.New(typeof(TurnKey)),
            Expression.Bind(typeof(TurnKey).GetProperty(nameof(TurnKey.RegionCode))!, Expression.Property(turn, nameof(Turn.RegionCode))),
            Expression.Bind(typeof(TurnKey).GetProperty(nameof(TurnKey.GroupYear))!, Expression.Property(turn, nameof(Turn.GroupYear))),
            Expression.Bind(typeof(TurnKey).GetProperty(nameof(TurnKey.KindergartenId))!, Expression.Property(turn, nameof(Turn.KindergartenId))),
            Expression.Bind(typeof(TurnKey).GetProperty(nameof(TurnKey.Month))!, month));
        return Expression.Lambda<Func<Turn, TurnKey>>(key, turn);
    }
}
