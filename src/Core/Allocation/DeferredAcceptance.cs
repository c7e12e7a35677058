namespace Kezek.Core.Allocation;

/// <summary>
/// The annual intake's run (Gale–Shapley, families proposing): each family proposes along its ranking; a kindergarten holds
/// the best proposals its seats allow by its priority (the region's criteria composed into
/// <see cref="Family.Priorities"/>, then the lottery, then the market order) and turns the worst away, who proposes to their
/// next choice. The result is stable (no family and kindergarten would both rather have each other) and no family gains by
/// ranking untruthfully. Cost: each family proposes at most once per ranked kindergarten, each proposal a heap step.
/// </summary>
public static class DeferredAcceptance
{
    public static Placement Allocate(Market market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var families = market.Families;
        var next = new int[families.Count];
        var placed = new int[families.Count];
        Array.Fill(placed, Placement.Unplaced);
        // Each kindergarten's held families, the one it would turn away first on top.
        var held = new PriorityQueue<int, Claim>[market.Seats.Count];
        var waiting = new Stack<int>(Enumerable.Range(0, families.Count).Reverse());
        while (waiting.Count > 0)
        {
            var family = waiting.Pop();
            var ranking = families[family].Ranking;
            while (next[family] < ranking.Length)
            {
                var choice = next[family]++;
                var kindergarten = ranking[choice];
                var seats = market.Seats[kindergarten];
                if (seats == 0)
                    continue;
                var claim = new Claim(families[family].Priorities[choice], families[family].Lottery, family);
                var queue = held[kindergarten] ??= new PriorityQueue<int, Claim>(Math.Min(seats, 1024), Claim.WorstFirst);
                if (queue.Count < seats)
                {
                    queue.Enqueue(family, claim);
                    placed[family] = kindergarten;
                    break;
                }
                queue.TryPeek(out var worst, out var worstClaim);
                if (Claim.WorstFirst.Compare(claim, worstClaim) <= 0)
                    continue; // Not better than anyone held there.
                queue.DequeueEnqueue(family, claim);
                placed[family] = kindergarten;
                placed[worst] = Placement.Unplaced;
                waiting.Push(worst);
                break;
            }
        }
        return Placement.Of(market, placed);
    }

    /// <summary>A family's standing at one kindergarten: lower priority first, then lower lottery, then earlier in the market.</summary>
    internal readonly record struct Claim(long Priority, long Lottery, int Family) : IComparable<Claim>
    {
        public static readonly IComparer<Claim> WorstFirst = Comparer<Claim>.Create((a, b) => b.CompareTo(a));

        public int CompareTo(Claim other)
        {
            var byPriority = Priority.CompareTo(other.Priority);
            if (byPriority != 0)
                return byPriority;
            var byLottery = Lottery.CompareTo(other.Lottery);
            return byLottery != 0 ? byLottery : Family.CompareTo(other.Family);
        }
    }
}
