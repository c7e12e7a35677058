namespace Kezek.Core.Allocation;

/// <summary>
/// One family in an allocation run: the kindergartens it ranked, best first (indices into <see cref="Market.Seats"/>), and
/// for each ranked kindergarten the family's priority there (lower is served first; deferred acceptance only). The
/// <see cref="Lottery"/> number breaks exact ties in priority; <see cref="Tag"/> is what reasons count families by (for
/// Kezek the benefit category: out of turn, priority, general).
/// </summary>
public sealed record Family(int[] Ranking, long[] Priorities, long Lottery, int Tag)
{
    public static Family Ranked(int tag, params int[] ranking) => new(ranking, new long[ranking.Length], 0, tag);
}

/// <summary>
/// The seats of one allocation run: how many each kindergarten offers (by index), and the families, in the order the run
/// serves them (serial dictatorship: queue order, benefit order first). Each family ranks a kindergarten at most once.
/// </summary>
public sealed class Market
{
    public Market(IReadOnlyList<int> seats, IReadOnlyList<Family> families)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(families);
        if (seats.Any(count => count < 0))
            throw new ArgumentException("A kindergarten cannot offer fewer than no seats.", nameof(seats));
        foreach (var family in families)
        {
            if (family.Priorities.Length != family.Ranking.Length)
                throw new ArgumentException("Each ranked kindergarten needs the family's priority there.", nameof(families));
            if (family.Ranking.Any(kindergarten => (uint)kindergarten >= (uint)seats.Count) || family.Ranking.Distinct().Count() != family.Ranking.Length)
                throw new ArgumentException("A family ranks known kindergartens, each at most once.", nameof(families));
        }
        Seats = seats;
        Families = families;
    }

    public IReadOnlyList<int> Seats { get; }
    public IReadOnlyList<Family> Families { get; }
}

/// <summary>
/// Where each family ended: the kindergarten index (or <see cref="Unplaced"/>) and which of its choices that was (0 is the
/// first choice; <see cref="Unplaced"/> when not placed).
/// </summary>
public sealed class Placement
{
    public const int Unplaced = -1;

    internal Placement(int[] kindergarten, int[] choice)
    {
        Kindergarten = kindergarten;
        Choice = choice;
    }

    public IReadOnlyList<int> Kindergarten { get; }
    public IReadOnlyList<int> Choice { get; }

    internal static Placement Of(Market market, int[] kindergarten)
    {
        var choice = new int[kindergarten.Length];
        for (var family = 0; family < kindergarten.Length; family++)
            choice[family] = kindergarten[family] == Unplaced ? Unplaced : Array.IndexOf(market.Families[family].Ranking, kindergarten[family]);
        return new Placement(kindergarten, choice);
    }
}
