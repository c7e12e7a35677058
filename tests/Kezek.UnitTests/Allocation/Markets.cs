using CsCheck;
using Kezek.Core.Allocation;

namespace Kezek.UnitTests.Allocation;

/// <summary>
/// Generated markets for the allocation properties. A family's priority at a kindergarten belongs to the pair (a sibling
/// there, the distance), not to what the family reports, so it is drawn as a whole table and a ranking only picks from it.
/// Small numbers on purpose: few seats and many equal priorities are where allocation goes wrong.
/// </summary>
internal sealed record GeneratedMarket(int[] Seats, int[][] Rankings, long[][] PriorityTable, long[] Lotteries, int[] Tags)
{
    public static readonly Gen<GeneratedMarket> Any =
        from kindergartens in Gen.Int[1, 6]
        from families in Gen.Int[0, 14]
        from seats in Gen.Int[0, 3].Array[kindergartens]
        from rankings in Ranking(kindergartens).Array[families]
        from table in Gen.Long[0, 3].Array[kindergartens].Array[families]
        from lotteries in Gen.Long[0, 5].Array[families]
        from tags in Gen.Int[0, 2].Array[families]
        select new GeneratedMarket(seats, rankings, table, lotteries, tags);

    /// <summary>Some of the kindergartens, each at most once, in a random order.</summary>
    public static Gen<int[]> Ranking(int kindergartens) =>
        from order in Gen.Shuffle(Enumerable.Range(0, kindergartens).ToArray())
        from length in Gen.Int[0, Math.Min(kindergartens, 4)]
        select order[..length];

    public Market Build() => WithRanking(-1, []);

    /// <summary>The same market with one family's ranking replaced (a misreport).</summary>
    public Market WithRanking(int family, int[] ranking) =>
        new(Seats, [.. Rankings.Select((own, index) =>
        {
            var reported = index == family ? ranking : own;
            return new Family(reported, [.. reported.Select(kindergarten => PriorityTable[index][kindergarten])], Lotteries[index], Tags[index]);
        })]);

    /// <summary>Where an outcome stands in the family's true ranking: 0 best, the ranking's length when not ranked or not placed.</summary>
    public int TrueRank(int family, int kindergarten) =>
        Array.IndexOf(Rankings[family], kindergarten) is var at && at >= 0 ? at : Rankings[family].Length;
}
