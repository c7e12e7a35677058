using System.Diagnostics;
using System.Globalization;
using Kezek.Core.Allocation;

namespace Kezek.Benchmarks.Allocation;

/// <summary>
/// The allocation runs in memory on a generated market: deferred acceptance (the annual intake), serial dictatorship (a
/// release window) and top trading cycles (transfers). Popular kindergartens are ranked far more often than others (a
/// Zipf-like pull), seats cover <c>--cover</c> of the families, and each kindergarten's priority is composed like a region's
/// rule (benefit category, a sibling there, distance band, then queued-at time). Each run is timed three times; the best is
/// printed with the peak memory.
/// <code>dotnet Kezek.Benchmarks.dll allocation [--families 100000] [--kindergartens 3000] [--ranks 5] [--cover 0.6] [--seed 42]</code>
/// </summary>
public static class AllocationBench
{
    public static int Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var families = int.Parse(Option("--families", "100000"), CultureInfo.InvariantCulture);
        var kindergartens = int.Parse(Option("--kindergartens", "3000"), CultureInfo.InvariantCulture);
        var ranks = int.Parse(Option("--ranks", "5"), CultureInfo.InvariantCulture);
        var cover = double.Parse(Option("--cover", "0.6"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option("--seed", "42"), CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var market = Generate(families, kindergartens, ranks, cover, seed, out var movers, out var free);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"market: {families:N0} families × {kindergartens:N0} kindergartens × {ranks} ranks, {market.Seats.Sum():N0} seats, generated in {clock.Elapsed.TotalSeconds:F1} s"));

        Measure("deferred acceptance", () => Summary(DeferredAcceptance.Allocate(market)), limitSeconds: 10);
        Measure("serial dictatorship", () => Summary(SerialDictatorship.Allocate(market)), limitSeconds: 10);
        Measure("reasons for every family", () =>
        {
            var placement = SerialDictatorship.Allocate(market);
            var reasons = new Reasons(market, placement);
            var count = 0;
            for (var family = 0; family < families; family++)
                count += reasons.For(family).Count;
            return $"{count:N0} reasons";
        }, limitSeconds: 10);
        Measure("top trading cycles (transfers)", () =>
        {
            var final = TopTradingCycles.Exchange(free, movers);
            return $"{final.Where((kindergarten, family) => kindergarten != movers[family].Current).Count():N0} of {movers.Length:N0} moved";
        }, limitSeconds: 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory: {Environment.WorkingSet / 1048576.0:F0} MiB working set, {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB allocated in all"));
        return 0;

        string Summary(Placement placement)
        {
            var first = placement.Choice.Count(choice => choice == 0);
            var placed = placement.Kindergarten.Count(kindergarten => kindergarten != Placement.Unplaced);
            return string.Create(CultureInfo.InvariantCulture, $"{placed:N0} placed, {first:N0} at their first choice");
        }
    }

    private static void Measure(string name, Func<string> run, double limitSeconds)
    {
        var best = TimeSpan.MaxValue;
        var outcome = "";
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            outcome = run();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {best.TotalSeconds:F2} s (best of 3; target < {limitSeconds} s) — {outcome}"));
    }

    private static Market Generate(int families, int kindergartens, int ranks, double cover, int seed, out Mover[] movers, out int[] free)
    {
        var random = new Random(seed);
        // Popularity: kindergarten k is picked with weight 1 / (k + 10), so the first hundred are heavily oversubscribed.
        var cumulative = new double[kindergartens];
        var total = 0.0;
        for (var k = 0; k < kindergartens; k++)
            cumulative[k] = total += 1.0 / (k + 10);
        int Pick() => Math.Min(kindergartens - 1, Array.BinarySearch(cumulative, random.NextDouble() * total) is var at && at >= 0 ? at : ~at);

        var seats = new int[kindergartens];
        var seatsInAll = (int)(families * cover);
        for (var seat = 0; seat < seatsInAll; seat++)
            seats[random.Next(kindergartens)]++;

        var list = new Family[families];
        for (var family = 0; family < families; family++)
        {
            var ranking = new List<int>(ranks);
            while (ranking.Count < ranks)
                if (Pick() is var k && !ranking.Contains(k))
                    ranking.Add(k);
            var category = random.NextDouble() switch { < 0.03 => 0, < 0.18 => 1, _ => 2 };
            var priorities = ranking.Select(k =>
            {
                var sibling = random.NextDouble() < 0.05 ? 0L : 1L;
                var distanceBand = (long)random.Next(4);
                return (((long)category * 2 + sibling) * 4 + distanceBand) * families + family; // then queued-at: market order
            }).ToArray();
            list[family] = new Family([.. ranking], priorities, random.NextInt64(), category);
        }

        // Transfers: a tenth of the families hold a seat and rank two others; a few seats are free.
        movers = [.. Enumerable.Range(0, families / 10).Select(_ =>
        {
            var current = random.Next(kindergartens);
            var wanted = new List<int>();
            while (wanted.Count < 2)
                if (Pick() is var k && k != current && !wanted.Contains(k))
                    wanted.Add(k);
            return new Mover(current, [.. wanted], 2);
        })];
        free = [.. Enumerable.Range(0, kindergartens).Select(_ => random.Next(3))];
        return new Market(seats, list);
    }
}
