using System.Diagnostics;
using System.Globalization;

namespace Kezek.Benchmarks.Load;

/// <summary>What one load run measured: answers per second and latency percentiles over the measured window.</summary>
public sealed record LoadFigures(string What, int Clients, int Requests, int Failures, double Seconds, double[] SortedLatenciesMs)
{
    public double PerSecond => Requests / Seconds;

    public double Percentile(double p) => SortedLatenciesMs.Length == 0 ? double.NaN
        : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{What,-44} {PerSecond,8:F0}/s  p50 {Percentile(0.50),7:F2} ms  p99 {Percentile(0.99),7:F2} ms  max {SortedLatenciesMs.LastOrDefault(),7:F1} ms  ({Requests} in {Seconds:F1} s, {Clients} clients{(Failures > 0 ? $", {Failures} FAILED" : "")})");
}

/// <summary>
/// A closed-loop load: <c>clients</c> workers each send the next request as soon as their previous one is answered,
/// first for a warm-up, then for the measured duration. A request that throws or answers wrongly counts as a failure.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadFigures> RunAsync(string what, int clients, TimeSpan warmUp, TimeSpan duration,
        Func<int, CancellationToken, Task<bool>> request)
    {
        await RunPhaseAsync(clients, warmUp, request, record: null);
        var latencies = new List<double>[clients];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await RunPhaseAsync(clients, duration, request, (client, ms, ok) =>
        {
            (latencies[client] ??= new List<double>(4096)).Add(ms);
            if (!ok)
                Interlocked.Increment(ref failures);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadFigures(what, clients, all.Length, failures, seconds, all);
    }

    private static async Task RunPhaseAsync(int clients, TimeSpan duration, Func<int, CancellationToken, Task<bool>> request,
        Action<int, double, bool>? record)
    {
        using var stop = new CancellationTokenSource(duration);
        var sequence = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(Interlocked.Increment(ref sequence), CancellationToken.None);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException
                                                  or Npgsql.NpgsqlException or System.Text.Json.JsonException)
                {
                    ok = false;
                }

                record?.Invoke(client, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }
}
