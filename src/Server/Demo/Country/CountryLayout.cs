using System.Runtime.InteropServices;
using Kezek.Core.Applications;
using Kezek.Core.Identity;

namespace Kezek.Server.Demo.Country;

/// <summary>An application as written: its row id and number, its family and child, and the IINs issued to them.</summary>
public sealed record CountryApplication(long Id, string Number, CountryFamily Family, CountryChild Child, string ChildIin, string ApplicantIin,
    string? SecondParentIin)
{
    public RegionQuota Region => Family.Region;

    public ApplicationStory Story => Child.Story;

    /// <summary>The person a step of the story is recorded for, as <see cref="HistoryEntry"/> keeps it.</summary>
    public Actor ActorOf(Step step) => step.Actor switch
    {
        StepActor.Applicant => new Actor(ApplicantIin, Family.Applicant.FullName, Role.Applicant),
        StepActor.SecondParent => new Actor(SecondParentIin!, Family.SecondParent!.FullName, Role.Applicant),
        StepActor.KindergartenStaff => step.Kindergarten!.Staff,
        _ => Actor.System,
    };
}

/// <summary>
/// The country laid out once, a few bytes per application: which family lives in which region, the IIN serial slot
/// of each person, and the order in which the applications were registered (row ids and numbers follow it, as they
/// do in Kezek). Everything else is drawn again from the dice whenever a table is written.
/// </summary>
public sealed class CountryLayout
{
    private readonly PlannedFamily[] _families;
    private readonly PlannedApplication[] _applications;

    /// <summary>What the queue gave each child, by family × 2 + child (<see cref="QueueService"/>).</summary>
    private readonly Served[] _served;

    private CountryLayout(CountryPlan plan, IReadOnlyList<IReadOnlyList<CountryKindergarten>> kindergartens, PlannedFamily[] families,
        PlannedApplication[] applications, Served[] served)
    {
        Plan = plan;
        Kindergartens = kindergartens;
        _families = families;
        _applications = applications;
        _served = served;
    }

    public CountryPlan Plan { get; }

    /// <summary>Per region, in the order of <see cref="CountryPlan.Regions"/>.</summary>
    public IReadOnlyList<IReadOnlyList<CountryKindergarten>> Kindergartens { get; }

    public int Families => _families.Length;

    public static CountryLayout LayOut(CountryPlan plan)
    {
        var slots = new IinSlots();
        var kindergartens = CountryKindergartens.Draw(plan, slots);
        var families = new List<PlannedFamily>();
        var applications = new PlannedApplication[plan.Applications];
        var count = 0;
        // The first pass draws each story alone: who registered when, and what outcome it drew. The queues then decide who is
        // served, and when, in queue order; every later drawing of a family asks them.
        var queues = new Dictionary<(int Region, int GroupYear), List<QueueEntry>>();
        for (var region = 0; region < plan.Regions.Count; region++)
        {
            for (var left = plan.Regions[region].Applications; left > 0;)
            {
                var family = CountryFamilies.Draw(plan, families.Count, plan.Regions[region], Math.Min(2, left), kindergartens[region]);
                var applicantSlot = slots.Next(family.Applicant);
                var secondParentSlot = family.SecondParent is { } secondParent ? slots.Next(secondParent) : (short)-1;
                for (var child = 0; child < family.Children.Count; child++)
                {
                    var drawn = family.Children[child];
                    applications[count++] = new PlannedApplication(drawn.Story.RegisteredAt.Ticks, families.Count, (byte)child,
                        slots.Next(drawn.Person));
                    var groupYear = Kezek.Core.Applications.GroupYear.ForChildBornOn(drawn.Person.BirthDate).Year;
                    if (!queues.TryGetValue((region, groupYear), out var queue))
                        queues[(region, groupYear)] = queue = [];
                    queue.Add(new QueueEntry(families.Count * 2 + child, QueueService.RankOf(drawn.Benefit), drawn.Story.RegisteredAt, drawn.Person.BirthDate,
                        drawn.Story.Outcome, drawn.Story.Outcome == Outcome.Withdrawn ? drawn.Story.Steps[^1].At : null));
                }

                families.Add(new PlannedFamily((byte)region, (byte)family.Children.Count, applicantSlot, secondParentSlot));
                left -= family.Children.Count;
            }
        }

        Array.Sort(applications);
        var served = new Served[families.Count * 2];
        foreach (var ((region, groupYear), queue) in queues)
        {
            var given = QueueService.Serve(plan.Seed, QueueService.KeyOf(region, groupYear), groupYear, queue);
            for (var i = 0; i < queue.Count; i++)
                served[queue[i].Index] = given[i];
        }

        return new CountryLayout(plan, kindergartens, [.. families], applications, served);
    }

    /// <summary>Every application in the order of registration, drawn again: ids from 1, numbers per region and local year.</summary>
    public IEnumerable<CountryApplication> Applications()
    {
        var sequences = new Dictionary<(string Region, int Year), int>();
        for (var i = 0; i < _applications.Length; i++)
        {
            var planned = _applications[i];
            var family = _families[planned.Family];
            var region = Plan.Regions[family.Region];
            var drawn = CountryFamilies.Draw(Plan, planned.Family, region, family.Children, Kindergartens[family.Region],
                child => _served[planned.Family * 2 + child]);
            var child = drawn.Children[planned.Child];
            var policy = region.RuleSet.Policy;
            var year = policy.ToLocal(child.Story.RegisteredAt).Year;
            var sequence = ++CollectionsMarshal.GetValueRefOrAddDefault(sequences, (region.Region.Code, year), out _);
            yield return new CountryApplication(i + 1, new ApplicationNumber(policy.NumberPrefix, year, sequence, 1).ToString(), drawn, child,
                FakePeople.IinOf(child.Person, planned.ChildSlot), FakePeople.IinOf(drawn.Applicant, family.ApplicantSlot),
                drawn.SecondParent is { } secondParent ? FakePeople.IinOf(secondParent, family.SecondParentSlot) : null);
        }
    }

    /// <summary>The last number given per region and year, so that the next registration continues after it.</summary>
    public IEnumerable<NumberSequence> NumberSequences() =>
        _applications
            .Select(a => (Region: Plan.Regions[_families[a.Family].Region], a.RegisteredTicks))
            .GroupBy(a => (a.Region.Region.Code, a.Region.RuleSet.Policy.ToLocal(new DateTime(a.RegisteredTicks, DateTimeKind.Utc)).Year))
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new NumberSequence(g.Key.Code, g.Key.Year, g.Count()));

    private readonly record struct PlannedFamily(byte Region, byte Children, short ApplicantSlot, short SecondParentSlot);

    /// <summary>Sorted by registration time; a tie (same millisecond) goes by family and child.</summary>
    private readonly record struct PlannedApplication(long RegisteredTicks, int Family, byte Child, short ChildSlot)
        : IComparable<PlannedApplication>
    {
        public int CompareTo(PlannedApplication other) =>
            RegisteredTicks != other.RegisteredTicks ? RegisteredTicks.CompareTo(other.RegisteredTicks)
            : Family != other.Family ? Family.CompareTo(other.Family)
            : Child.CompareTo(other.Child);
    }
}
