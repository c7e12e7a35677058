using CsCheck;
using Kezek.Core.Allocation;
using Kezek.UnitTests.Fuzzing;

namespace Kezek.UnitTests.Allocation;

/// <summary>Transfers by exchange (top trading cycles with free seats) over generated markets.</summary>
public sealed class TransferPropertyTests
{
    private static readonly long Cases = Fuzz.Cases(3_000);

    /// <summary>Families holding seats (or none), free seats, and rankings of other kindergartens.</summary>
    private static readonly Gen<(int[] Free, Mover[] Movers)> Markets =
        from kindergartens in Gen.Int[1, 5]
        from free in Gen.Int[0, 2].Array[kindergartens]
        from count in Gen.Int[0, 10]
        from movers in Mover(kindergartens).Array[count]
        select (free, movers);

    private static Gen<Mover> Mover(int kindergartens) =>
        from current in Gen.Int[-1, kindergartens - 1]
        from ranking in GeneratedMarket.Ranking(kindergartens)
        from tag in Gen.Int[0, 2]
        select new Mover(current, [.. ranking.Where(kindergarten => kindergarten != current)], tag);

    [Fact]
    public void Nobody_ends_worse_off_and_no_seat_is_given_twice() =>
        Markets.Sample(market =>
        {
            var (free, movers) = market;
            var final = TopTradingCycles.Exchange(free, movers);
            for (var family = 0; family < movers.Length; family++)
                Assert.True(final[family] == movers[family].Current || movers[family].Ranking.Contains(final[family]),
                    $"family {family} ended at {final[family]}, neither its seat {movers[family].Current} nor a kindergarten it ranked");
            for (var kindergarten = 0; kindergarten < free.Length; kindergarten++)
            {
                var before = movers.Count(mover => mover.Current == kindergarten) + free[kindergarten];
                Assert.True(final.Count(placed => placed == kindergarten) <= before, $"kindergarten {kindergarten} gave more seats than it had");
            }
        }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void No_family_gains_by_misreporting_and_reruns_are_equal() =>
        Markets.SelectMany(market => market.Movers.Length == 0
                ? Gen.Const((market, family: -1, lie: Array.Empty<int>()))
                : from family in Gen.Int[0, market.Movers.Length - 1]
                  from lie in GeneratedMarket.Ranking(market.Free.Length)
                  select (market, family, lie))
            .Sample(sample =>
            {
                var ((free, movers), family, lie) = sample;
                var truthful = TopTradingCycles.Exchange(free, movers);
                Assert.Equal(truthful, TopTradingCycles.Exchange(free, movers));
                if (family < 0)
                    return;
                var lying = movers.ToArray();
                lying[family] = movers[family] with { Ranking = [.. lie.Where(kindergarten => kindergarten != movers[family].Current)] };
                var outcome = TopTradingCycles.Exchange(free, lying)[family];
                Assert.True(Rank(movers[family], truthful[family]) <= Rank(movers[family], outcome),
                    $"family {family} gains by ranking [{string.Join(",", lie)}] instead of [{string.Join(",", movers[family].Ranking)}]");
            }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void Two_families_who_want_each_others_seats_swap_and_a_free_seat_goes_first_in_queue()
    {
        // 0 holds a seat at A and wants B; 1 holds B and wants A; 2 (in the queue, no seat) and 3 (at A) both want C's one free seat.
        var final = TopTradingCycles.Exchange([0, 0, 1], [new(0, [1], 0), new(1, [0], 0), new(-1, [2], 0), new(0, [2], 0)]);
        Assert.Equal([1, 0, 2, 0], final);
    }

    /// <summary>Where a family ends in its own eyes: its ranked kindergartens 0, 1…, then its own seat, then nothing.</summary>
    private static int Rank(Mover mover, int kindergarten) =>
        Array.IndexOf(mover.Ranking, kindergarten) is var at && at >= 0 ? at
        : kindergarten == mover.Current && kindergarten != Placement.Unplaced ? mover.Ranking.Length : mover.Ranking.Length + 1;
}
