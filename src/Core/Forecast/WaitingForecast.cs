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
/// The waiting-time forecast: a seasonal bootstrap over the queue's own history, by whole years. A region's seats come in
/// years, not in months: one year's August intake is large, the next one's small, and the months of one year go together.
/// So each simulated future year takes all twelve months of one past year of the history, drawn at random (the last twelve
/// months, the twelve before them, …), scaled to a total drawn with the spread the past years' totals show, and the
/// child's turn comes in the month the drawn turns first cover the children ahead of it. With less than a whole year of
/// history each future month draws a past month of the same calendar month instead (scaled by the year's draw). The same history, seed and position give the same interval. <c>month</c> is the calendar month it is now (1–12).
/// </summary>
public static class WaitingForecast
{
    public const int HorizonMonths = 120;

    /// <summary>
    /// The spread between years assumed for a queue with fewer than two whole years of turns (a log-normal sigma: a year's
    /// seats about 40 % above or below the last one's). Backtested on the generated country (docs/benchmarks.md); a region's
    /// own history should set it.
    /// </summary>
    public const double UnknownSpread = 0.4;

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

        // Whole past years, newest first: the last twelve months of the history, the twelve before them, and so on; each
        // indexed by calendar month (1–12 at 0–11).
        var years = new List<int[]>();
        for (var end = history.Count; end >= 12; end -= 12)
        {
            var year = new int[12];
            for (var i = end - 12; i < end; i++)
                year[history[i].Month - 1] = history[i].Turns;
            years.Add(year);
        }

        // How much one year's seats differ from another's: the spread of the years' totals on a log scale, widened as a
        // prediction of a new year from n past ones is (s·√(1 + 1/n)). With fewer than two whole years there is no spread to
        // measure, and UnknownSpread is assumed. Each future year is scaled to a total drawn with that spread, so that even
        // three alike years do not promise a fourth exactly like them.
        var totals = years.Select(year => (double)year.Sum()).ToArray();
        var logs = totals.Select(total => Math.Log(total + 1)).ToArray();
        var mean = logs.Length == 0 ? 0 : logs.Average();
        var spread = logs.Length < 2 ? UnknownSpread
            : Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Length - 1) * (1 + 1.0 / logs.Length));
        var byCalendarMonth = Enumerable.Range(1, 12)
            .Select(calendar => history.Where(past => past.Month == calendar).Select(past => past.Turns).ToArray())
            .ToArray();
        var everyMonth = history.Select(past => past.Turns).ToArray();
        var waits = new int[Futures];
        for (var future = 0; future < Futures; future++)
        {
            // Each future draws from its own sequence, so a child further back walks the very same futures, only longer.
            var random = new Random(unchecked(seed * 1_000_003 + future));
            var covered = 0.0;
            var wait = HorizonMonths + 1;
            int[]? year = null;
            var scale = 1.0;
            for (var step = 1; step <= HorizonMonths; step++)
            {
                var calendar = (month - 1 + step) % 12;
                if ((step - 1) % 12 == 0)
                {
                    // A new future year every twelve months from now: a past year's months (when there is a whole one), and
                    // its total drawn around the years' mean (around that year's own with only one).
                    var drawn = years.Count > 0 ? random.Next(years.Count) : -1;
                    // Box–Muller: a standard normal from two uniform draws (always both, so that the futures stay aligned).
                    var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    year = drawn >= 0 ? years[drawn] : null;
                    scale = spread == 0 ? 1
                        : drawn < 0 ? Math.Exp(spread * normal)
                        : totals[drawn] == 0 ? 1
                        : (Math.Exp((logs.Length >= 2 ? mean : logs[drawn]) + spread * normal) - 1) / totals[drawn];
                }

                double turns;
                if (year is not null)
                    turns = year[calendar] * scale;
                else
                {
                    var pool = byCalendarMonth[calendar].Length > 0 ? byCalendarMonth[calendar] : everyMonth;
                    turns = pool[random.Next(pool.Length)] * scale;
                }

                covered += turns;
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
