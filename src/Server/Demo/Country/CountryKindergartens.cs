using System.Globalization;
using Kezek.Core.Iins;
using Kezek.Core.Identity;
using Kezek.Core.Regions;

namespace Kezek.Server.Demo.Country;

/// <summary>A kindergarten of the country, and the member of its staff who enrols the children that come with a direction.</summary>
public sealed record CountryKindergarten(Kindergarten Kindergarten, Actor Staff);

/// <summary>
/// The kindergartens of every region, as many as its quota: seven in ten state ones, numbered, most teaching in
/// Kazakh and Russian; each with a unique BIN (registration month, legal entity, serial, check digit).
/// </summary>
public static class CountryKindergartens
{
    private static readonly (string Ru, string Kk)[] Names =
    [
        ("Балапан", "Балапан"), ("Айгөлек", "Айгөлек"), ("Ақбота", "Ақбота"), ("Құлыншақ", "Құлыншақ"), ("Балдәурен", "Балдәурен"),
        ("Еркетай", "Еркетай"), ("Солнышко", "Күнсәуле"), ("Ласточка", "Қарлығаш"), ("Бөбек", "Бөбек"), ("Нұрсәт", "Нұрсәт"),
        ("Звёздочка", "Жұлдызша"), ("Колокольчик", "Қоңыраугүл"), ("Айналайын", "Айналайын"), ("Шұғыла", "Шұғыла"),
        ("Радуга", "Кемпірқосақ"), ("Еркемай", "Еркемай"), ("Теремок", "Ертегі үй"), ("Мерей", "Мерей"),
    ];

    private static readonly string[] Streets =
    [
        "ул. Абая", "ул. Сейфуллина", "ул. Кенесары", "ул. Толе би", "ул. Жамбыла", "ул. Байтурсынова", "ул. Ауэзова",
        "ул. Момышулы", "ул. Сатпаева", "пр. Республики", "ул. Гагарина", "мкр. Самал", "мкр. Жулдыз", "ул. Пушкина", "пр. Достык",
    ];

    /// <summary>Per region, in the order of the plan.</summary>
    public static IReadOnlyList<IReadOnlyList<CountryKindergarten>> Draw(CountryPlan plan, IinSlots slots)
    {
        var index = 0;
        var regions = new List<IReadOnlyList<CountryKindergarten>>();
        foreach (var quota in plan.Regions)
        {
            var kindergartens = new List<CountryKindergarten>();
            var stateNumber = 0;
            for (var k = 0; k < quota.Kindergartens; k++, index++)
            {
                var dice = Dice.For(plan.Seed, DiceSubject.Kindergarten, index);
                var (ru, kk) = dice.Pick(Names);
                var ownership = dice.Chance(0.7) ? Ownership.State : Ownership.Private;
                if (ownership == Ownership.State)
                    stateNumber++;
                var nameRu = ownership == Ownership.State ? string.Create(CultureInfo.InvariantCulture, $"Ясли-сад № {stateNumber} «{ru}»") : $"Детский сад «{ru}»";
                var nameKk = ownership == Ownership.State ? string.Create(CultureInfo.InvariantCulture, $"№ {stateNumber} «{kk}» бөбекжай-бақшасы") : $"«{kk}» балабақшасы";
                var address = string.Create(CultureInfo.InvariantCulture, $"{quota.Region.NameRu}, {dice.Pick(Streets)}, {1 + dice.Below(180)}");
                var roll = dice.Fraction();
                var languages = roll < 0.5 ? "kk,ru" : roll < 0.85 ? "kk" : "ru";
                var bin = Bin(dice, index);
                var names = dice.Chance(0.75) ? FakePeople.Kazakh : FakePeople.Russian;
                var staff = names.Person(dice.Pick(names.Surnames), dice.Pick(names.Women), dice.Pick(names.Men), Sex.Female,
                    dice.Between(FakePeople.FirstAdultBirth, FakePeople.LastAdultBirth));
                kindergartens.Add(new CountryKindergarten(
                    new Kindergarten(dice.NextGuid(), quota.Region.Code, bin, nameRu, nameKk, address, languages, ownership),
                    new Actor(FakePeople.IinOf(staff, slots.Next(staff)), staff.FullName, Role.KindergartenStaff)));
            }

            regions.Add(kindergartens);
        }

        return regions;
    }

    /// <summary>YYMM of registration, 4 (a resident legal entity), 0 (head office), a serial of this kindergarten's own, a check digit.</summary>
    private static string Bin(Dice dice, int index)
    {
        var registered = string.Create(CultureInfo.InvariantCulture, $"{(1996 + dice.Below(28)) % 100:D2}{1 + dice.Below(12):D2}40");
        for (var serial = index * FakePeople.SerialsPerSlot; ; serial++)
        {
            var first11 = string.Create(CultureInfo.InvariantCulture, $"{registered}{serial:D5}");
            if (Iin.CheckDigit([.. first11.Select(c => c - '0')]) is { } check)
                return first11 + check.ToString(CultureInfo.InvariantCulture);
        }
    }
}
