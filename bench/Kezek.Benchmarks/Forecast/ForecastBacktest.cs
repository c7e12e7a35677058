using System.Diagnostics;
using System.Globalization;
using Kezek.Core.Forecast;
using Npgsql;

namespace Kezek.Benchmarks.Forecast;

/// <summary>
/// Backtests the waiting-time forecast on a generated country: at each cut-off (the first day of a month, Almaty time),
/// the queues' monthly turns of the 36 months before it are counted as <c>QueueTurns</c> counts them (directions issued,
/// by month in the region's time), and sampled applications that stood in the queue then and later got a direction are
/// forecast with ahead = the applications of the same queue standing before them at the cut-off. The forecast's month
/// is compared with the month of the application's first direction after the cut-off.
/// Who stood in the queue at the cut-off is approximated from what the rows keep: queued before it, no direction before
/// it, not withdrawn before it (its history); the order is today's (benefit rank, queued-at, id).
/// <code>dotnet Kezek.Benchmarks.dll forecast-backtest --postgres "Host=…;Database=kezek_country_1m" [--cutoffs 2025-03,2025-09,2026-03] [--samples 2000]</code>
/// </summary>
public static class ForecastBacktest
{
    private const string Zone = "Asia/Almaty";

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var connection = Option("--postgres", Environment.GetEnvironmentVariable("KEZEK_BENCH_POSTGRES") ?? "");
        if (connection.Length == 0)
        {
            Console.Error.WriteLine("Give the generated database: --postgres \"Host=…;Database=kezek_country_1m\".");
            return 2;
        }

        var cutoffs = Option("--cutoffs", "2025-03,2025-09,2026-03").Split(',')
            .Select(c => DateOnly.ParseExact(c + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var samples = int.Parse(Option("--samples", "2000"), CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        await using var source = NpgsqlDataSource.Create(connection);
        var all = new List<(int Error, bool Covered, int Width, int Actual)>();
        var allHindsight = new List<(int Error, bool Covered, int Width, int Actual)>();
        foreach (var cutoff in cutoffs)
        {
            var clock = Stopwatch.StartNew();
            var at = TimeZoneInfo.ConvertTimeToUtc(cutoff.ToDateTime(TimeOnly.MinValue), zone);
            var since = TimeZoneInfo.ConvertTimeToUtc(cutoff.AddMonths(-36).ToDateTime(TimeOnly.MinValue), zone);
            var histories = await HistoriesAsync(source, since, at, cutoff);
            var outcomes = new List<(int Error, bool Covered, int Width, int Actual)>();
            var hindsight = new List<(int Error, bool Covered, int Width, int Actual)>();
            var noHistory = 0;
            foreach (var (region, groupYear, inOrder, servedFirst, turn) in await SamplesAsync(source, at, samples))
            foreach (var (ahead, into) in new[] { (inOrder, outcomes), (servedFirst, hindsight) })
            {
                // "Now" is the last moment of the month before the cut-off: the forecast's first step is the cut-off's month.
                var forecast = histories.TryGetValue((region, groupYear), out var history)
                    ? WaitingForecast.Estimate(ahead, history, cutoff.AddMonths(-1).Month)
                    : null;
                if (forecast is null)
                {
                    noHistory++;
                    continue;
                }

                var actual = (turn.Year - cutoff.Year) * 12 + turn.Month - cutoff.Month + 1;
                var covered = forecast.Earliest <= actual && (forecast.Latest is not { } latest || actual <= latest);
                var width = (forecast.Latest ?? WaitingForecast.HorizonMonths) - forecast.Earliest + 1;
                into.Add((Math.Abs(forecast.Likely - actual), covered, width, actual));
            }

            all.AddRange(outcomes);
            allHindsight.AddRange(hindsight);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cut-off {cutoff:yyyy-MM}: {Report(outcomes)}, {noHistory / 2} without history, {clock.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine($"  the same, ahead = those waiting then who were in fact served first: {Report(hindsight)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all cut-offs: {Report(all)}"));
        Console.WriteLine($"  the same, ahead = those served first (hindsight): {Report(allHindsight)}");
        return 0;
    }

    private static string Report(List<(int Error, bool Covered, int Width, int Actual)> outcomes) =>
        outcomes.Count == 0
            ? "no samples"
            : string.Create(CultureInfo.InvariantCulture,
                $"{outcomes.Count} samples, coverage {100.0 * outcomes.Count(o => o.Covered) / outcomes.Count:F1} %, median |likely − actual| "
                + $"{Median(outcomes.Select(o => o.Error))} months, mean {outcomes.Average(o => o.Error):F1}, median interval {Median(outcomes.Select(o => o.Width))} months, "
                + $"median actual wait {Median(outcomes.Select(o => o.Actual))} months");

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Each queue's monthly turns before the cut-off, from its first month with a turn (as <c>QueueTurns</c>).</summary>
    private static async Task<Dictionary<(string, int), IReadOnlyList<MonthOfTurns>>> HistoriesAsync(NpgsqlDataSource source, DateTime since,
        DateTime at, DateOnly cutoff)
    {
        await using var command = source.CreateCommand("""
            SELECT a."RegionCode", a."GroupYear", date_trunc('month', d."IssuedAt" AT TIME ZONE 'Asia/Almaty')::date, count(*)::int
            FROM "Directions" d JOIN "Applications" a ON a."Id" = d."ApplicationId"
            WHERE d."IssuedAt" >= $1 AND d."IssuedAt" < $2
            GROUP BY 1, 2, 3
            """);
        command.Parameters.AddWithValue(since);
        command.Parameters.AddWithValue(at);
        var counts = new Dictionary<(string, int), Dictionary<DateOnly, int>>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetString(0), reader.GetInt32(1));
                if (!counts.TryGetValue(key, out var months))
                    counts[key] = months = [];
                months[DateOnly.FromDateTime(reader.GetDateTime(2))] = reader.GetInt32(3);
            }
        }

        return counts.ToDictionary(q => q.Key, q =>
        {
            var first = q.Value.Keys.Min();
            var history = new List<MonthOfTurns>();
            for (var month = first; month < cutoff; month = month.AddMonths(1))
                history.Add(new MonthOfTurns(month.Year, month.Month, q.Value.GetValueOrDefault(month)));
            return (IReadOnlyList<MonthOfTurns>)history;
        });
    }

    /// <summary>
    /// Sampled applications standing in the queue at the cut-off that got a direction later: queue, how many stood before them
    /// in queue order, how many of those waiting then were in fact served first (hindsight), the month of the turn.
    /// </summary>
    private static async Task<List<(string Region, int GroupYear, int Ahead, int ServedFirst, DateOnly Turn)>> SamplesAsync(NpgsqlDataSource source, DateTime at, int samples)
    {
        await using var command = source.CreateCommand("""
            WITH first_direction AS (
                SELECT "ApplicationId" AS id, min("IssuedAt") AS issued FROM "Directions" GROUP BY 1),
            waiting AS (
                SELECT a."Id", a."RegionCode", a."GroupYear", f.issued,
                       row_number() OVER (PARTITION BY a."RegionCode", a."GroupYear" ORDER BY a."QueueRank", a."QueuedAt", a."Id") - 1 AS ahead,
                       row_number() OVER (PARTITION BY a."RegionCode", a."GroupYear", f.issued IS NULL ORDER BY f.issued, a."Id") - 1 AS served_first
                FROM "Applications" a LEFT JOIN first_direction f ON f.id = a."Id"
                WHERE a."QueuedAt" < $1 AND (f.issued IS NULL OR f.issued >= $1)
                  AND NOT (a."Status" = 'Withdrawn' AND EXISTS (SELECT 1 FROM "HistoryEntries" h
                      WHERE h."ApplicationId" = a."Id" AND h."ToStatus" = 'Withdrawn' AND h."At" < $1)))
            SELECT "RegionCode", "GroupYear", ahead::int, served_first::int, date_trunc('month', issued AT TIME ZONE 'Asia/Almaty')::date
            FROM waiting WHERE issued IS NOT NULL
            ORDER BY md5("Id"::text) LIMIT $2
            """);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(samples);
        command.CommandTimeout = 600;
        var found = new List<(string, int, int, int, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), DateOnly.FromDateTime(reader.GetDateTime(4))));
        return found;
    }
}
