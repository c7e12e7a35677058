namespace Kezek.Core.Forecast;

/// <summary>How many turns came in one past month of a queue (a region and group year, or one kindergarten's share of it).</summary>
public readonly record struct MonthOfTurns(int Year, int Month, int Turns);

/// <summary>
/// A likely interval, in whole months from now, until a child's turn: the 10th, 50th and 90th percentile of simulated
/// futures. <see cref="Latest"/> is null when even the slow futures do not reach the child within the horizon. Never a
/// promise: the interval says how the queue moved, not how it will.
/// </summary>
public sealed record MonthsUntilTurn(int Earliest, int Likely, int? Latest, int MonthsOfHistory);

/// <summary>
/// The waiting-time forecast: a seasonal bootstrap over the queue's own history. Each simulated future month draws the
/// turns of a past month of the same calendar month (seats are released mostly for the August intake), and the child's
/// turn comes in the month the drawn turns first cover the children ahead of it. The same history, seed and position give
/// the same interval. <c>month</c> is the calendar month it is now (1–12).
/// </summary>
public static class WaitingForecast
{
    public const int HorizonMonths = 120;
    private const int Futures = 1_000;

    public static MonthsUntilTurn? Estimate(int ahead, IReadOnlyList<MonthOfTurns> history, int month, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(ahead);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (history.Count == 0 || history.All(past => past.Turns == 0))
            return null;
        if (ahead == 0)
            return new MonthsUntilTurn(0, 0, 0, history.Count);

        var byCalendarMonth = Enumerable.Range(1, 12)
            .Select(calendar => history.Where(past => past.Month == calendar).Select(past => past.Turns).ToArray())
            .ToArray();
        var everyMonth = history.Select(past => past.Turns).ToArray();
        var waits = new int[Futures];
        for (var future = 0; future < Futures; future++)
        {
            // Each future draws from its own sequence, so a child further back walks the very same futures, only longer.
            var random = new Random(unchecked(seed * 1_000_003 + future));
            var covered = 0L;
            var wait = HorizonMonths + 1;
            for (var step = 1; step <= HorizonMonths; step++)
            {
                var calendar = (month - 1 + step) % 12;
                var pool = byCalendarMonth[calendar].Length > 0 ? byCalendarMonth[calendar] : everyMonth;
                covered += pool[random.Next(pool.Length)];
                if (covered >= ahead)
                {
                    wait = step;
                    break;
                }
            }
            waits[future] = wait;
        }
        Array.Sort(waits);
        int Percentile(double p) => waits[(int)Math.Min(Futures - 1, Math.Floor(p * Futures))];
        var latest = Percentile(0.9);
        return new MonthsUntilTurn(Math.Min(Percentile(0.1), HorizonMonths), Math.Min(Percentile(0.5), HorizonMonths),
            latest > HorizonMonths ? null : latest, history.Count);
    }
}
