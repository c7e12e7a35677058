using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Iins;

namespace Kezek.Server.Demo.Country;

/// <summary>A child of a family and the story of the child's application.</summary>
public sealed record CountryChild(FakePerson Person, BenefitCategory Benefit, ApplicationStory Story, DateTime RegistryImportedAt);

/// <summary>
/// A family that queued its children in one region: the applicant (mostly the mother), the other parent who
/// attached the applications (or null), one or two children. Contacts are the applicant's, shared by siblings.
/// </summary>
public sealed record CountryFamily(RegionQuota Region, FakePerson Applicant, Relation ApplicantRelation, FakePerson? SecondParent,
    Relation SecondParentRelation, string Phone, string Email, IReadOnlyList<CountryChild> Children);

/// <summary>
/// Draws family number N of the country from its own throws of the dice: the same family every time, in any order,
/// so each table is written by drawing the country again rather than by holding it in memory.
/// </summary>
public static class CountryFamilies
{
    public static CountryFamily Draw(CountryPlan plan, int index, RegionQuota region, int maxChildren,
        IReadOnlyList<CountryKindergarten> kindergartens, Func<int, Served?>? served = null)
    {
        var dice = Dice.For(plan.Seed, DiceSubject.Family, index);
        // Thrown even when the quota leaves room for one child only: every later throw stays the same.
        var secondChild = dice.Chance(CountryPlan.SecondChildShare);
        var children = secondChild && maxChildren > 1 ? 2 : 1;
        var names = dice.Chance(0.75) ? FakePeople.Kazakh : FakePeople.Russian;
        var surname = dice.Pick(names.Surnames);
        var fathersName = dice.Pick(names.Men);
        var births = CountryPlan.ChildBirths(dice, children);
        var father = names.Person(surname, fathersName.Name, dice.Pick(names.Men), Sex.Male, FakePeople.ParentBirth(dice, births[0], 22, 42));
        var mother = names.Person(surname, dice.Pick(names.Women), dice.Pick(names.Men), Sex.Female, FakePeople.ParentBirth(dice, births[0], 19, 40));

        // Mostly mothers apply, some fathers, a few guardians (a grandmother) who have no second parent to attach.
        var roll = dice.Fraction();
        (FakePerson Applicant, Relation Relation, FakePerson? Other, Relation OtherRelation) people = roll < 0.83
            ? (mother, Relation.Mother, father, Relation.Father)
            : roll < 0.98 ? (father, Relation.Father, mother, Relation.Mother)
            : (names.Person(surname, dice.Pick(names.Women), dice.Pick(names.Men), Sex.Female,
                dice.Between(FakePeople.FirstAdultBirth, FakePeople.FirstAdultBirth.AddYears(5))), Relation.Guardian, null, Relation.Guardian);
        var secondParent = people.Other is not null && dice.Chance(CountryPlan.SecondParentShare / 0.98) ? people.Other : null;
        var phone = "+7701" + dice.Below(10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var email = "parent" + (index + 1).ToString(CultureInfo.InvariantCulture) + "@example.kz";
        var voucher = region.RuleSet.Policy.Lifecycle == "voucher";

        var drawn = new List<CountryChild>(children);
        for (var childIndex = 0; childIndex < births.Count; childIndex++)
        {
            var birth = births[childIndex];
            var sex = dice.Chance(0.5) ? Sex.Female : Sex.Male;
            var child = names.Person(surname, names.ChildName(dice, sex), fathersName, sex, birth);
            child = child with { FullName = FakePeople.AsRegistryWrites(dice, child.FullName) };
            var benefit = CountryPlan.BenefitFor(dice);
            // The story throws its own dice: what the queue decides for one child does not move the family's other throws.
            var story = ApplicationStories.Draw(Dice.For(plan.Seed, DiceSubject.Story, (long)index * 2 + childIndex), birth, voucher, kindergartens,
                secondParent is not null, served?.Invoke(childIndex));
            var earliestImport = birth.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            var imported = dice.Between(story.RegisteredAt.AddDays(-20), story.RegisteredAt.AddHours(-1));
            drawn.Add(new CountryChild(child, benefit, story, imported < earliestImport ? earliestImport : imported));
        }

        return new CountryFamily(region, people.Applicant, people.Relation, secondParent, people.OtherRelation, phone, email, drawn);
    }
}
