using CsCheck;
using Kezek.Core.Allocation;
using Kezek.UnitTests.Fuzzing;

namespace Kezek.UnitTests.Allocation;

/// <summary>
/// The annual intake's priority (the rule value <c>intakePriority</c>): parsed with clear refusals, composed so that the
/// composed number orders families exactly as the criteria do, and its reasons name, for every holder of a missed seat, a
/// criterion on which the holder truly stands first.
/// </summary>
public sealed class IntakePriorityTests
{
    private static readonly long Cases = Fuzz.Cases(1_000);

    [Theory]
    [InlineData("benefit, sibling, queuedAt", "benefit,sibling,queuedAt")]
    [InlineData("queuedAt", "queuedAt")]
    [InlineData(" sibling ,benefit ", "sibling,benefit")]
    public void A_list_of_known_criteria_is_read_in_order(string text, string words)
    {
        var (priority, problem) = IntakePriority.Parse(text);
        Assert.Null(problem);
        Assert.Equal(words, string.Join(",", priority!.Words));
    }

    [Theory]
    [InlineData("", "comma-separated")]
    [InlineData("benefit, distance", "Kezek keeps no location")]
    [InlineData("benefit, Benefit", "\"Benefit\" is not a criterion")]
    [InlineData("sibling, sibling", "named twice")]
    public void Anything_else_is_refused_in_words(string text, string says)
    {
        var (priority, problem) = IntakePriority.Parse(text);
        Assert.Null(priority);
        Assert.Contains(says, problem, StringComparison.Ordinal);
    }

    private static readonly Gen<IntakeStanding> Standing =
        from benefit in Gen.Int[0, 2]
        from queuedAt in Gen.Long[0, 4]
        from siblings in Gen.Bool.Array[2]
        select new IntakeStanding(benefit, queuedAt, Enumerable.Range(0, 2).Where(k => siblings[k]).ToHashSet());

    private static readonly Gen<IntakePriority> Priorities =
        from order in Gen.Shuffle(new[] { "benefit", "sibling", "queuedAt" })
        from length in Gen.Int[1, 3]
        select IntakePriority.Of(order[..length]);

    private static int Compare(IntakePriority priority, IntakeStanding a, IntakeStanding b, int kindergarten)
    {
        foreach (var criterion in priority.Criteria)
        {
            var order = criterion switch
            {
                IntakeCriterion.Benefit => a.Benefit.CompareTo(b.Benefit),
                IntakeCriterion.Sibling => b.Siblings.Contains(kindergarten).CompareTo(a.Siblings.Contains(kindergarten)),
                _ => a.QueuedAt.CompareTo(b.QueuedAt),
            };
            if (order != 0)
                return order;
        }

        return 0;
    }

    [Fact]
    public void The_composed_number_orders_families_as_the_criteria_do() =>
        Gen.Select(Priorities, Standing, Standing).Sample((priority, a, b) =>
            Assert.All(new[] { 0, 1 }, k =>
                Assert.Equal(Math.Sign(Compare(priority, a, b, k)), Math.Sign(priority.At(a, k).CompareTo(priority.At(b, k))))), iter: Cases, seed: Fuzz.Seed);

    [Fact]
    public void An_intake_run_is_stable_and_its_reasons_name_a_criterion_the_holder_wins_on() =>
        Gen.Select(Priorities, Gen.Int[0, 3].Array[2], Gen.Select(Standing, Gen.Long[0, 3], GeneratedMarket.Ranking(2)).Array[0, 12])
            .Sample((priority, seats, families) =>
            {
                var market = priority.Market(seats, [.. families.Select(f => (f.Item3, f.Item1, f.Item2, 0))]);
                var standings = families.Select(f => f.Item1).ToList();
                var placement = DeferredAcceptance.Allocate(market);
                var reasons = new IntakeReasons(market, placement, standings, priority);
                for (var family = 0; family < families.Length; family++)
                {
                    foreach (var reason in reasons.For(family))
                    {
                        var holders = Enumerable.Range(0, families.Length).Where(other => placement.Kindergarten[other] == reason.Kindergarten).ToList();
                        // Stable: the kindergarten is full, with families before this one by the criteria or, equal on all, by the lottery.
                        Assert.Equal(seats[reason.Kindergarten], holders.Count);
                        Assert.Equal(holders.Count, reason.Decided.Values.Sum());
                        foreach (var holder in holders)
                        {
                            var standing = Compare(priority, standings[holder], standings[family], reason.Kindergarten);
                            Assert.True(standing < 0 || (standing == 0 && (families[holder].Item2, holder).CompareTo((families[family].Item2, family)) < 0));
                            var decided = priority.DecidedBy(standings[holder], standings[family], reason.Kindergarten);
                            Assert.Equal(standing == 0, decided is null);
                        }
                    }
                }
            }, iter: Cases, seed: Fuzz.Seed);
}
