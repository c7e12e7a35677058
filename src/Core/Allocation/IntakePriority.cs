namespace Kezek.Core.Allocation;

/// <summary>One criterion a kindergarten ranks families by in the annual intake (the rule value <c>intakePriority</c>).</summary>
public enum IntakeCriterion
{
    /// <summary>The benefit category: out of turn, then priority, then general.</summary>
    Benefit,

    /// <summary>A brother or sister already there: another child of the same applicant directed to or enrolled in that kindergarten.</summary>
    Sibling,

    /// <summary>The queued-at time: earlier first.</summary>
    QueuedAt,
}

/// <summary>
/// What the intake's priority reads of one family: its benefit (0 out of turn, 1 priority, 2 general), its queued-at rank among
/// the run's families (0 earliest; equal times share a rank), and the kindergartens (indices) where a sibling is.
/// </summary>
public sealed record IntakeStanding(int Benefit, long QueuedAt, IReadOnlySet<int> Siblings);

/// <summary>
/// The order a kindergarten ranks families by in the annual intake: the region's criteria, first decides first, composed into
/// one number per family and kindergarten (<see cref="Family.Priorities"/>: lower is served first). What the criteria leave
/// equal, the run's lottery decides.
/// </summary>
public sealed class IntakePriority
{
    /// <summary>The criteria's names, as a rule set writes them.</summary>
    public static readonly IReadOnlyDictionary<string, IntakeCriterion> Names = new Dictionary<string, IntakeCriterion>(StringComparer.Ordinal)
    {
        ["benefit"] = IntakeCriterion.Benefit,
        ["sibling"] = IntakeCriterion.Sibling,
        ["queuedAt"] = IntakeCriterion.QueuedAt,
    };

    /// <summary>A criterion the issue names but Kezek cannot apply: it keeps no location of the family (only a free-text address).</summary>
    public const string Distance = "distance";

    public const string DefaultText = "benefit, sibling, queuedAt";

    public static readonly IntakePriority Default = Parse(DefaultText).Priority!;

    // Bits each criterion takes in the composed number: 3 categories, yes/no, a rank below 2^40.
    private const int QueuedAtBits = 40;

    private IntakePriority(IReadOnlyList<IntakeCriterion> criteria) => Criteria = criteria;

    public IReadOnlyList<IntakeCriterion> Criteria { get; }

    /// <summary>The criteria as a rule set writes them ("benefit, sibling, queuedAt").</summary>
    public IReadOnlyList<string> Words => [.. Criteria.Select(NameOf)];

    public static string NameOf(IntakeCriterion criterion) => Names.Single(n => n.Value == criterion).Key;

    /// <summary>
    /// "benefit, sibling, queuedAt" → the criteria in that order; each known and at most once, at least one. The problem, in
    /// words for the policy officer, when the text is not such a list.
    /// </summary>
    public static (IntakePriority? Priority, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
            return (null, "A comma-separated list of benefit, sibling, queuedAt, e.g. \"benefit, sibling, queuedAt\".");
        var criteria = new List<IntakeCriterion>();
        foreach (var name in names)
        {
            if (name == Distance)
                return (null, "\"distance\" cannot be used yet: Kezek keeps no location of the family (its address is free text). Use benefit, sibling, queuedAt.");
            if (!Names.TryGetValue(name, out var criterion))
                return (null, $"\"{name}\" is not a criterion. Use benefit, sibling, queuedAt.");
            if (criteria.Contains(criterion))
                return (null, $"\"{name}\" is named twice.");
            criteria.Add(criterion);
        }

        return (new IntakePriority(criteria), null);
    }

    /// <summary>Parses a list already checked (the rule-set schema check refused any other).</summary>
    public static IntakePriority Of(IEnumerable<string> names) =>
        Parse(string.Join(",", names)).Priority ?? throw new ArgumentException("Not an intake priority.", nameof(names));

    /// <summary>The family's priority at <paramref name="kindergarten"/>: the criteria composed, first one most significant.</summary>
    public long At(IntakeStanding family, int kindergarten)
    {
        ArgumentNullException.ThrowIfNull(family);
        long priority = 0;
        foreach (var criterion in Criteria)
        {
            var (bits, value) = criterion switch
            {
                IntakeCriterion.Benefit => (2, (long)family.Benefit),
                IntakeCriterion.Sibling => (1, family.Siblings.Contains(kindergarten) ? 0L : 1L),
                _ => (QueuedAtBits, Math.Min(family.QueuedAt, (1L << QueuedAtBits) - 1)),
            };
            priority = (priority << bits) | value;
        }

        return priority;
    }

    /// <summary>
    /// The criterion on which <paramref name="holder"/> stands before <paramref name="refused"/> at a kindergarten: the first
    /// of the region's criteria where they differ; null when they are equal on all (the lottery decided).
    /// </summary>
    public IntakeCriterion? DecidedBy(IntakeStanding holder, IntakeStanding refused, int kindergarten)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(refused);
        foreach (var criterion in Criteria)
        {
            var differs = criterion switch
            {
                IntakeCriterion.Benefit => holder.Benefit != refused.Benefit,
                IntakeCriterion.Sibling => holder.Siblings.Contains(kindergarten) != refused.Siblings.Contains(kindergarten),
                _ => holder.QueuedAt != refused.QueuedAt,
            };
            if (differs)
                return criterion;
        }

        return null;
    }

    /// <summary>The market of an intake run: each family's priority at each kindergarten it ranked, composed from its standing.</summary>
    public Market Market(IReadOnlyList<int> seats, IReadOnlyList<(int[] Ranking, IntakeStanding Standing, long Lottery, int Tag)> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        return new Market(seats, [.. families.Select(f => new Family(f.Ranking, [.. f.Ranking.Select(k => At(f.Standing, k))], f.Lottery, f.Tag))]);
    }
}

/// <summary>
/// Why a family did not get a kindergarten it ranked above its outcome in an intake run: everyone placed there stands before
/// it in that kindergarten's order (the run is stable), counted by the criterion that put each before it; the lottery
/// (the key <see cref="IntakeReasons.Lottery"/>) when they were equal on all.
/// </summary>
public sealed record IntakeChoiceReason(int Choice, int Kindergarten, int Seats, IReadOnlyDictionary<int, int> TakenByTag,
    IReadOnlyDictionary<string, int> Decided);

/// <summary>The reasons of an intake run's outcomes: for each missed choice, who holds its seats and by which criterion.</summary>
public sealed class IntakeReasons
{
    /// <summary>The key counting holders the lottery put first.</summary>
    public const string Lottery = "lottery";

    private readonly IReadOnlyList<IntakeStanding> standings;
    private readonly IntakePriority priority;
    private readonly List<int>[] holders;
    private readonly Reasons byTag;

    public IntakeReasons(Market market, Placement placement, IReadOnlyList<IntakeStanding> standings, IntakePriority priority)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(placement);
        this.standings = standings;
        this.priority = priority;
        byTag = new Reasons(market, placement);
        holders = new List<int>[market.Seats.Count];
        for (var kindergarten = 0; kindergarten < holders.Length; kindergarten++)
            holders[kindergarten] = [];
        for (var family = 0; family < placement.Kindergarten.Count; family++)
            if (placement.Kindergarten[family] is var kindergarten && kindergarten != Placement.Unplaced)
                holders[kindergarten].Add(family);
    }

    public IReadOnlyList<IntakeChoiceReason> For(int family) =>
        [.. byTag.For(family).Select(reason =>
        {
            var decided = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var holder in holders[reason.Kindergarten])
            {
                var key = priority.DecidedBy(standings[holder], standings[family], reason.Kindergarten) is { } criterion
                    ? IntakePriority.NameOf(criterion)
                    : Lottery;
                decided[key] = decided.GetValueOrDefault(key) + 1;
            }

            return new IntakeChoiceReason(reason.Choice, reason.Kindergarten, reason.Seats, reason.TakenByTag, decided);
        })];
}
