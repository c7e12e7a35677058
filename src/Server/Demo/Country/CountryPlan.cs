using Kezek.Core.Applications;

namespace Kezek.Server.Demo.Country;

/// <summary>A region with its rule set and its share of the country: applications and kindergartens.</summary>
public sealed record RegionQuota(RegionRuleSet RuleSet, int Applications, int Kindergartens)
{
    public CountryRegion Region => RuleSet.Region;
}

/// <summary>What has become of an application by now.</summary>
public enum Outcome
{
    /// <summary>In the queue, never given a direction.</summary>
    Waiting,

    /// <summary>Back in the queue: a direction was revoked by the family.</summary>
    BackAfterRevoke,

    /// <summary>Back in the queue: a direction expired, the stop-list is over.</summary>
    BackAfterExpiry,

    Enrolled,

    /// <summary>Removed by the rules: two directions expired (or, with vouchers, the voucher was refused).</summary>
    Removed,

    Withdrawn,
}

/// <summary>
/// How big the generated country is and how its families behave. Sizes scale linearly with the number of
/// applications (3,000 kindergartens at 1,000,000); the mixes are fixed: each region's share (a tenth in Almaty),
/// 30 % of applicants with a second child, 40 % of applications with a second parent attached, benefits 3 %
/// out of turn and 15 % priority, and what has become of each application by the child's age.
/// </summary>
public sealed class CountryPlan
{
    /// <summary>The fixed "now" of the country: everything happened before it.</summary>
    public static readonly DateTime Now = new(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc);

    public const double KindergartensPerApplication = 0.003;
    public const int MinKindergartensPerRegion = 3;
    public const double SecondChildShare = 0.30;
    public const double SecondParentShare = 0.40;
    public const double OutOfTurnShare = 0.03;
    public const double PriorityShare = 0.15;

    /// <summary>Children are born in the group years 2019–2025.</summary>
    public static readonly DateOnly FirstBirth = new(2019, 1, 1);

    public static readonly DateOnly LastBirth = new(2025, 12, 31);

    /// <summary>A child younger than this has had no direction yet (the region's minimum age is 12 months).</summary>
    private const int DirectionsFromMonths = 18;

    /// <summary>The shipped rule sets' maxAgeMonths: children leave the queue for school at 7.</summary>
    public const int SchoolAgeMonths = 84;

    /// <summary>The share of children enrolled just before school age; fewer the younger they are.</summary>
    private const double EnrolledBySchoolAge = 0.29;

    // Births by year, 2019 to 2025: an only (or younger) child, and the elder of two.
    private static readonly double[] ChildBirthYears = [8, 14, 15, 15, 16, 16, 16];
    private static readonly double[] ElderChildBirthYears = [14, 22, 22, 22, 20, 0, 0];

    public CountryPlan(int applications, int seed, IReadOnlyList<RegionRuleSet> ruleSets)
    {
        Applications = applications;
        Seed = seed;
        var counts = Apportion(applications, [.. ruleSets.Select(r => (double)r.Region.PerMille)]);
        var kindergartens = Apportion((int)Math.Round(applications * KindergartensPerApplication), [.. counts.Select(c => (double)c)]);
        Regions = [.. ruleSets.Select((r, i) => new RegionQuota(r, counts[i], Math.Max(MinKindergartensPerRegion, kindergartens[i])))];
    }

    public int Applications { get; }

    public int Seed { get; }

    public IReadOnlyList<RegionQuota> Regions { get; }

    public static BenefitCategory BenefitFor(Dice dice)
    {
        var roll = dice.Fraction();
        return roll < OutOfTurnShare ? BenefitCategory.OutOfTurn
            : roll < OutOfTurnShare + PriorityShare ? BenefitCategory.Priority
            : BenefitCategory.None;
    }

    /// <summary>The birth dates of a family's children: the younger of two is born one to five years later, or is a twin.</summary>
    public static IReadOnlyList<DateOnly> ChildBirths(Dice dice, int children)
    {
        var first = BirthIn(dice, children == 1 ? ChildBirthYears : ElderChildBirthYears);
        if (children == 1)
            return [first];
        var room = LastBirth.DayNumber - first.DayNumber;
        var twins = dice.Chance(0.03) || room < 365;
        return [first, twins ? first : first.AddDays(365 + dice.Below(Math.Min(5 * 365, room) - 365 + 1))];
    }

    /// <summary>What has become of a child's application by now: the older the child, the likelier enrolled.</summary>
    public static Outcome OutcomeFor(Dice dice, DateOnly birth)
    {
        var age = AgeInMonths(birth);
        var roll = dice.Fraction();
        if (age >= SchoolAgeMonths)
            return roll < 0.84 ? Outcome.Enrolled : roll < 0.94 ? Outcome.Withdrawn : Outcome.Removed;
        if (age < DirectionsFromMonths)
            return roll < 0.02 ? Outcome.Withdrawn : Outcome.Waiting;

        var enrolled = EnrolledBySchoolAge * (age - DirectionsFromMonths) / (SchoolAgeMonths - DirectionsFromMonths);
        ReadOnlySpan<(Outcome Outcome, double Share)> mix =
        [
            (Outcome.Enrolled, enrolled), (Outcome.Withdrawn, 0.035), (Outcome.Removed, 0.006),
            (Outcome.BackAfterRevoke, 0.006), (Outcome.BackAfterExpiry, 0.007),
        ];
        foreach (var (outcome, share) in mix)
        {
            if (roll < share)
                return outcome;
            roll -= share;
        }

        return Outcome.Waiting;
    }

    /// <summary>
    /// When the parent registered the child: days to weeks after birth, some much later. A child who went on to a
    /// direction was registered before turning one, so that a direction could come at the region's minimum age.
    /// </summary>
    public static DateTime RegistrationOf(Dice dice, DateOnly birth, Outcome outcome)
    {
        var latestDay = outcome is Outcome.Waiting or Outcome.Withdrawn ? CountryDay.Today.DayNumber - birth.DayNumber - 2 : 330;
        var day = birth.AddDays(Math.Min(latestDay, 1 + (int)dice.Exponential(outcome is Outcome.Waiting or Outcome.Withdrawn ? 150 : 90)));
        return CountryDay.DuringOfficeHours(dice, day);
    }

    public static int AgeInMonths(DateOnly birth)
    {
        var today = CountryDay.Today;
        return ((today.Year - birth.Year) * 12) + today.Month - birth.Month - (today.Day < birth.Day ? 1 : 0);
    }

    /// <summary>Splits a total in proportion to weights, exactly (largest remainder).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(total - counts.Sum()))
            counts[i]++;
        return counts;
    }

    private static DateOnly BirthIn(Dice dice, double[] yearWeights)
    {
        var roll = dice.Fraction() * yearWeights.Sum();
        var year = 0;
        while (roll >= yearWeights[year])
            roll -= yearWeights[year++];
        var start = new DateOnly(FirstBirth.Year + year, 1, 1);
        return dice.Between(start, start.AddYears(1).AddDays(-1));
    }
}
