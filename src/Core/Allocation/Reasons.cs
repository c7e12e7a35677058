namespace Kezek.Core.Allocation;

/// <summary>
/// Why a family did not get one of the kindergartens it ranked above its outcome: how many seats that kindergarten offered
/// and who holds them, counted by <see cref="Family.Tag"/>. In both runs everyone placed there was served before the family
/// (serial dictatorship: earlier in the queue; deferred acceptance: higher in that kindergarten's priority), so the counts
/// are the whole reason: "your first choice's 15 seats went to 12 out-of-turn and 3 earlier-queued children".
/// </summary>
public sealed record ChoiceReason(int Choice, int Kindergarten, int Seats, IReadOnlyDictionary<int, int> TakenByTag);

/// <summary>The reasons of one run's outcomes, counted once per kindergarten.</summary>
public sealed class Reasons
{
    private readonly Market market;
    private readonly Placement placement;
    private readonly SortedDictionary<int, int>[] takenByTag;

    public Reasons(Market market, Placement placement)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(placement);
        this.market = market;
        this.placement = placement;
        takenByTag = new SortedDictionary<int, int>[market.Seats.Count];
        for (var kindergarten = 0; kindergarten < takenByTag.Length; kindergarten++)
            takenByTag[kindergarten] = [];
        for (var family = 0; family < placement.Kindergarten.Count; family++)
            if (placement.Kindergarten[family] is var kindergarten && kindergarten != Placement.Unplaced)
            {
                var tag = market.Families[family].Tag;
                takenByTag[kindergarten][tag] = takenByTag[kindergarten].GetValueOrDefault(tag) + 1;
            }
    }

    /// <summary>One reason per kindergarten the family ranked above where it ended (all of them when not placed).</summary>
    public IReadOnlyList<ChoiceReason> For(int family)
    {
        var ranking = market.Families[family].Ranking;
        var missed = placement.Choice[family] == Placement.Unplaced ? ranking.Length : placement.Choice[family];
        return [.. Enumerable.Range(0, missed).Select(choice =>
            new ChoiceReason(choice, ranking[choice], market.Seats[ranking[choice]], takenByTag[ranking[choice]]))];
    }
}
