using CsCheck;
using Kezek.Core.Allocation;
using Kezek.UnitTests.Fuzzing;

namespace Kezek.UnitTests.Allocation;

/// <summary>
/// The properties docs/allocation.md promises, over generated markets (CsCheck; <c>KEZEK_FUZZ_ITERATIONS</c> runs more):
/// no seat given twice, no blocking pair, no gain from misreporting, nobody worse off by a transfer run, and reruns equal.
/// </summary>
public sealed class AllocationPropertyTests
{
    private static readonly long Cases = Fuzz.Cases(2_000);

    [Fact]
    public void Serial_dictatorship_fills_each_choice_in_queue_order_and_never_over_seats() =>
        GeneratedMarket.Any.Sample(generated =>
        {
            var market = generated.Build();
            var placement = SerialDictatorship.Allocate(market);
            AssertWithinSeats(market, placement);
            for (var family = 0; family < market.Families.Count; family++)
            {
                foreach (var better in BetterThanOutcome(market, placement, family))
                {
                    // Every seat of a kindergarten it preferred went to a family before it in the queue.
                    var takenEarlier = Enumerable.Range(0, family).Count(other => placement.Kindergarten[other] == better);
                    Assert.Equal(market.Seats[better], takenEarlier);
                }
            }
        }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void Deferred_acceptance_leaves_no_blocking_pair() =>
        GeneratedMarket.Any.Sample(generated =>
        {
            var market = generated.Build();
            var placement = DeferredAcceptance.Allocate(market);
            AssertWithinSeats(market, placement);
            for (var family = 0; family < market.Families.Count; family++)
            {
                foreach (var better in BetterThanOutcome(market, placement, family))
                {
                    var held = Enumerable.Range(0, market.Families.Count).Where(other => placement.Kindergarten[other] == better).ToList();
                    Assert.Equal(market.Seats[better], held.Count);
                    var claim = Claim(market, family, better);
                    Assert.All(held, other => Assert.True(Claim(market, other, better).CompareTo(claim) < 0,
                        $"family {family} and kindergarten {better} block: it holds family {other} with a weaker claim"));
                }
            }
        }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void Deferred_acceptance_with_one_priority_for_all_is_serial_dictatorship() =>
        GeneratedMarket.Any.Sample(generated =>
        {
            var oneOrder = generated with
            {
                PriorityTable = [.. generated.PriorityTable.Select(row => new long[row.Length])],
                Lotteries = new long[generated.Lotteries.Length],
            };
            var market = oneOrder.Build();
            Assert.Equal(SerialDictatorship.Allocate(market).Kindergarten, DeferredAcceptance.Allocate(market).Kindergarten);
        }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void Deferred_acceptance_does_not_depend_on_who_proposes_first() =>
        Gen.Select(GeneratedMarket.Any, Gen.Int).Sample((generated, shuffleSeed) =>
        {
            // With distinct lotteries every claim is strict, and the family-optimal stable matching is unique.
            var distinct = generated with { Lotteries = [.. generated.Lotteries.Select((_, index) => (long)index * 7 % 101 + 1000L * index)] };
            var order = Enumerable.Range(0, distinct.Rankings.Length).OrderBy(index => HashCode.Combine(shuffleSeed, index)).ToArray();
            var shuffled = new GeneratedMarket(distinct.Seats, [.. order.Select(index => distinct.Rankings[index])],
                [.. order.Select(index => distinct.PriorityTable[index])], [.. order.Select(index => distinct.Lotteries[index])],
                [.. order.Select(index => distinct.Tags[index])]);
            var original = DeferredAcceptance.Allocate(distinct.Build()).Kindergarten;
            var reordered = DeferredAcceptance.Allocate(shuffled.Build()).Kindergarten;
            for (var position = 0; position < order.Length; position++)
                Assert.Equal(original[order[position]], reordered[position]);
        }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void No_family_gains_by_misreporting_in_either_run() =>
        GeneratedMarket.Any.SelectMany(market => market.Rankings.Length == 0
                ? Gen.Const((market, family: -1, lie: Array.Empty<int>()))
                : from family in Gen.Int[0, market.Rankings.Length - 1]
                  from lie in GeneratedMarket.Ranking(market.Seats.Length)
                  select (market, family, lie))
            .Sample(sample =>
            {
                var (generated, family, lie) = sample;
                if (family < 0)
                    return;
                foreach (var run in Runs)
                {
                    var truthful = run(generated.Build()).Kindergarten[family];
                    var lying = run(generated.WithRanking(family, lie)).Kindergarten[family];
                    Assert.True(generated.TrueRank(family, truthful) <= generated.TrueRank(family, lying),
                        $"family {family} gains by ranking [{string.Join(",", lie)}] instead of [{string.Join(",", generated.Rankings[family])}]");
                }
            }, iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void Reruns_give_the_same_outcome_and_the_same_reasons() =>
        GeneratedMarket.Any.Sample(generated =>
        {
            foreach (var run in Runs)
            {
                var first = run(generated.Build());
                var second = run(generated.Build());
                Assert.Equal(first.Kindergarten, second.Kindergarten);
                Assert.Equal(first.Choice, second.Choice);
                var market = generated.Build();
                var reasons = new Reasons(market, first);
                for (var family = 0; family < market.Families.Count; family++)
                {
                    // A reason for each choice above the outcome; each of those kindergartens is full with families served first.
                    var given = reasons.For(family);
                    Assert.Equal(BetterThanOutcome(market, first, family).ToArray(), given.Select(reason => reason.Kindergarten).ToArray());
                    Assert.All(given, reason => Assert.Equal(reason.Seats, reason.TakenByTag.Values.Sum()));
                }
            }
        }, iter: Cases / 4, seed: Fuzz.Seed);

    private static readonly Func<Market, Placement>[] Runs = [SerialDictatorship.Allocate, DeferredAcceptance.Allocate];

    internal static IEnumerable<int> BetterThanOutcome(Market market, Placement placement, int family)
    {
        var ranking = market.Families[family].Ranking;
        var choice = placement.Choice[family] == Placement.Unplaced ? ranking.Length : placement.Choice[family];
        return ranking.Take(choice);
    }

    internal static void AssertWithinSeats(Market market, Placement placement)
    {
        for (var kindergarten = 0; kindergarten < market.Seats.Count; kindergarten++)
            Assert.True(placement.Kindergarten.Count(placed => placed == kindergarten) <= market.Seats[kindergarten], "a seat was given twice");
        for (var family = 0; family < market.Families.Count; family++)
            Assert.True(placement.Kindergarten[family] == Placement.Unplaced
                || market.Families[family].Ranking.Contains(placement.Kindergarten[family]), "a family was placed where it did not ask");
    }

    private static DeferredAcceptance.Claim Claim(Market market, int family, int kindergarten)
    {
        var at = Array.IndexOf(market.Families[family].Ranking, kindergarten);
        return new DeferredAcceptance.Claim(market.Families[family].Priorities[at], market.Families[family].Lottery, family);
    }
}
