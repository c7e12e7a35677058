namespace Kezek.Core.Allocation;

/// <summary>
/// A release window's run: families are served one at a time in the market's order, and each takes its highest-ranked
/// kindergarten with a seat still free. No family can gain by ranking untruthfully or by acting early: its order is its
/// place in the queue, and only the families before it matter.
/// </summary>
public static class SerialDictatorship
{
    public static Placement Allocate(Market market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var free = market.Seats.ToArray();
        var placed = new int[market.Families.Count];
        for (var family = 0; family < placed.Length; family++)
        {
            placed[family] = Placement.Unplaced;
            foreach (var kindergarten in market.Families[family].Ranking)
            {
                if (free[kindergarten] == 0)
                    continue;
                free[kindergarten]--;
                placed[family] = kindergarten;
                break;
            }
        }
        return Placement.Of(market, placed);
    }
}
