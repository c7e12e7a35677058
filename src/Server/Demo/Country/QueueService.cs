using Kezek.Core.Queue;

namespace Kezek.Server.Demo.Country;

/// <summary>One application of a queue as the first pass of the layout drew it alone.</summary>
public readonly record struct QueueEntry(int Index, int QueueRank, DateTime RegisteredAt, DateOnly Birth, Outcome Drawn, DateTime? WithdrawnAt);

/// <summary>
/// Serves one queue (a region and group year) the way a region does: in queue order, benefit order first, then queued-at.
/// The queue gets as many turns as its applications drew outcomes with a direction (so the country's mix stays), spread over
/// the years from the group's first birthday to now: each year's number varies (a year's intake is larger or smaller, a
/// log-normal spread of about 35 %), and most of a year's seats come in the August intake, a few through the year. Each
/// seat, in time order, goes to the first application in queue order that may take it then: registered two weeks before,
/// a year old, not yet at school age, not withdrawn. Those served end in a drawn outcome with a direction (enrolled, revoked,
/// expired, removed); the others keep waiting (or withdraw, as drawn). Queue order is today's (benefit, queued-at).
/// </summary>
public static class QueueService
{
    /// <summary>The share of a year's seats given in the August intake (комплектование); the rest come through the year.</summary>
    public const double AugustShare = 0.8;

    /// <summary>The spread of a year's seats around the queue's mean (the sigma of a log-normal factor).</summary>
    public const double YearSpread = 0.35;

    private const int RestDays = 40;
    private const int RemovedRestDays = 100;

    public static Served[] Serve(int seed, long queueKey, int groupYear, IReadOnlyList<QueueEntry> entries)
    {
        var served = entries.Select(e => new Served(e.Drawn is Outcome.Withdrawn ? Outcome.Withdrawn : Outcome.Waiting, null)).ToArray();
        var outcomes = entries.Select(e => e.Drawn).Where(IsServed).ToList();
        if (outcomes.Count == 0)
            return served;

        var dice = Dice.For(seed, DiceSubject.Queue, queueKey);
        // Outcomes in a drawn order: each seat takes the next one that its date allows.
        for (var i = outcomes.Count - 1; i > 0; i--)
        {
            var j = dice.Below(i + 1);
            (outcomes[i], outcomes[j]) = (outcomes[j], outcomes[i]);
        }

        var today = DateOnly.FromDateTime(CountryPlan.Now);
        var lastDay = today.AddDays(-RestDays);
        var years = Enumerable.Range(groupYear + 1, Math.Max(0, lastDay.Year - groupYear)).ToList();
        if (years.Count == 0)
            return served;
        var weights = years.Select(_ => Math.Exp(YearSpread * Normal(dice))).ToArray();
        var perYear = CountryPlan.Apportion(outcomes.Count, weights);
        var days = new List<DateOnly>(outcomes.Count);
        for (var y = 0; y < years.Count; y++)
        {
            var year = years[y];
            for (var seat = 0; seat < perYear[y]; seat++)
            {
                DateOnly day;
                if (dice.Chance(AugustShare))
                    day = dice.Between(new DateOnly(year, 8, 1), new DateOnly(year, 8, 25));
                else
                {
                    // Through the year, outside the intake: a seat that came free.
                    do
                        day = dice.Between(new DateOnly(year, 1, 10), new DateOnly(year, 12, 20));
                    while (day.Month == 8);
                }

                days.Add(day > lastDay ? lastDay : day);
            }
        }

        days.Sort();

        // Waiting to be eligible (by the day they may first take a seat), and eligible in queue order.
        var order = Enumerable.Range(0, entries.Count).OrderBy(i => entries[i].QueueRank).ThenBy(i => entries[i].RegisteredAt).ThenBy(i => entries[i].Index).ToArray();
        var position = new int[entries.Count];
        for (var p = 0; p < order.Length; p++)
            position[order[p]] = p;
        var byEligibility = Enumerable.Range(0, entries.Count).OrderBy(i => EligibleFrom(entries[i])).ToArray();
        var eligible = new SortedSet<int>();
        var next = 0;
        var outcome = 0;
        foreach (var day in days)
        {
            while (next < byEligibility.Length && EligibleFrom(entries[byEligibility[next]]) <= day)
                eligible.Add(position[byEligibility[next++]]);
            while (eligible.Count > 0)
            {
                var first = order[eligible.Min];
                var entry = entries[first];
                if (day > LatestFor(entry, RestDays) || (entry.WithdrawnAt is { } withdrawn && day.ToDateTime(TimeOnly.MinValue) >= withdrawn.AddDays(-1)))
                {
                    // Past school age, or gone: no longer in the queue.
                    eligible.Remove(eligible.Min);
                    continue;
                }

                eligible.Remove(eligible.Min);
                var given = outcomes[outcome++ % outcomes.Count];
                if (given == Outcome.Removed && (day > LatestFor(entry, RemovedRestDays) || day > today.AddDays(-RemovedRestDays)))
                    given = Outcome.Enrolled;
                served[first] = new Served(given, day);
                break;
            }

            if (outcome == outcomes.Count)
                break;
        }

        return served;
    }

    private static bool IsServed(Outcome outcome) => outcome is Outcome.Enrolled or Outcome.BackAfterRevoke or Outcome.BackAfterExpiry or Outcome.Removed;

    /// <summary>The first day a seat may be given: a year old, and registered two weeks before.</summary>
    private static DateOnly EligibleFrom(QueueEntry entry)
    {
        var registered = DateOnly.FromDateTime(entry.RegisteredAt).AddDays(15);
        var oneYearOld = entry.Birth.AddYears(1);
        return registered > oneYearOld ? registered : oneYearOld;
    }

    /// <summary>The last day a seat may be given for the rest of the story to happen before school age.</summary>
    private static DateOnly LatestFor(QueueEntry entry, int restDays) => entry.Birth.AddMonths(CountryPlan.SchoolAgeMonths).AddDays(-restDays);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Dice dice) => Math.Sqrt(-2 * Math.Log(1 - dice.Fraction())) * Math.Cos(2 * Math.PI * dice.Fraction());

    /// <summary>The key of a queue's dice: its region's place in the plan and its group year.</summary>
    public static long KeyOf(int region, int groupYear) => (long)region * 10_000 + groupYear;

    /// <summary>Today's queue rank of a benefit (as the application rows store it).</summary>
    public static int RankOf(Kezek.Core.Applications.BenefitCategory benefit) => QueueOrder.RankOf(benefit);
}
