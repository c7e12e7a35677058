namespace Kezek.Core.Allocation;

/// <summary>
/// A family in a transfer run: the kindergarten where its child holds a seat now (<see cref="Placement.Unplaced"/> for a
/// family still in the queue) and the kindergartens it would rather have, best first (never the current one).
/// </summary>
public sealed record Mover(int Current, int[] Ranking, int Tag);

/// <summary>
/// Transfers (перевод) by exchange: "you request my seat, I get your turn" (Abdulkadiroğlu and Sönmez's top trading cycles
/// with existing tenants and free seats). Families are taken in queue order; each points at its best kindergarten that has
/// a free seat or a seat held by a family still in the run. A free seat ends the chain: everyone on it moves one step and
/// the first family's old seat becomes free. A seat held by another family makes that family next in turn, and a cycle of
/// such families swaps seats. Nobody ends anywhere they ranked below their current seat, a family with no seat keeps its
/// place in the queue, and no family gains by ranking untruthfully.
/// </summary>
public static class TopTradingCycles
{
    public static int[] Exchange(IReadOnlyList<int> freeSeats, IReadOnlyList<Mover> movers)
    {
        ArgumentNullException.ThrowIfNull(freeSeats);
        ArgumentNullException.ThrowIfNull(movers);
        foreach (var mover in movers)
        {
            if (mover.Current >= freeSeats.Count || mover.Current < Placement.Unplaced
                || mover.Ranking.Any(kindergarten => (uint)kindergarten >= (uint)freeSeats.Count || kindergarten == mover.Current)
                || mover.Ranking.Distinct().Count() != mover.Ranking.Length)
                throw new ArgumentException("A family ranks known kindergartens other than its own, each at most once.", nameof(movers));
        }

        var vacant = freeSeats.ToArray();
        var final = movers.Select(mover => mover.Current).ToArray();
        var done = new bool[movers.Count];
        // The families still in the run holding a seat at each kindergarten, earliest in the queue first.
        var holders = new SortedSet<int>?[freeSeats.Count];
        for (var family = 0; family < movers.Count; family++)
            if (movers[family].Current != Placement.Unplaced)
                (holders[movers[family].Current] ??= []).Add(family);

        var path = new List<int>();
        var onPath = new int[movers.Count];
        Array.Fill(onPath, -1);
        var nextInQueue = 0;
        while (true)
        {
            if (path.Count == 0)
            {
                while (nextInQueue < movers.Count && done[nextInQueue])
                    nextInQueue++;
                if (nextInQueue == movers.Count)
                    return final;
                Push(nextInQueue);
            }

            var family = path[^1];
            var best = Array.FindIndex(movers[family].Ranking, kindergarten => vacant[kindergarten] > 0 || holders[kindergarten] is { Count: > 0 });
            if (best < 0)
            {
                // Nothing it ranked can be had: it keeps its seat (or its place in the queue).
                Leave(family);
                path.RemoveAt(path.Count - 1);
                continue;
            }
            var target = movers[family].Ranking[best];
            if (vacant[target] > 0)
            {
                // A chain ending at a free seat: each family takes the next one's seat, the last the free one.
                vacant[target]--;
                if (movers[path[0]].Current != Placement.Unplaced)
                    vacant[movers[path[0]].Current]++;
                for (var step = 0; step < path.Count - 1; step++)
                    Move(path[step], movers[path[step + 1]].Current);
                Move(family, target);
                path.Clear();
                continue;
            }
            var holder = holders[target]!.Min;
            if (onPath[holder] < 0)
            {
                Push(holder);
                continue;
            }
            // A cycle: from the holder on, each family takes the next one's seat and the last takes the holder's.
            var start = onPath[holder];
            for (var step = start; step < path.Count - 1; step++)
                Move(path[step], movers[path[step + 1]].Current);
            Move(family, target);
            path.RemoveRange(start, path.Count - start);
        }

        void Push(int family)
        {
            onPath[family] = path.Count;
            path.Add(family);
        }

        void Move(int family, int kindergarten)
        {
            final[family] = kindergarten;
            Leave(family);
        }

        void Leave(int family)
        {
            done[family] = true;
            onPath[family] = -1;
            if (movers[family].Current != Placement.Unplaced)
                holders[movers[family].Current]!.Remove(family);
        }
    }
}
