using System.Globalization;
using Kezek.Core.Iins;

namespace Kezek.Server.Demo.Country;

/// <summary>A made-up person before an IIN is issued: the IIN needs a serial no one else of that birth day and sex has.</summary>
public sealed record FakePerson(string FullName, DateOnly BirthDate, Sex Sex);

/// <summary>A man's name and the stem his children's patronymic is made of (Russian names change it; Kazakh ones do not).</summary>
public sealed record MaleName(string Name, string PatronymicStem);

/// <summary>The names of one people, upper case as the civil registry writes them, and how they make a full name.</summary>
public sealed record FakeNames(
    IReadOnlyList<string> Surnames,
    IReadOnlyList<MaleName> Men,
    IReadOnlyList<string> Women,
    IReadOnlyList<string> Boys,
    IReadOnlyList<string> Girls,
    string SonSuffix,
    string DaughterSuffix)
{
    /// <summary>Surname, given name and patronymic: "АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ", "ИВАНОВА АННА СЕРГЕЕВНА".</summary>
    public FakePerson Person(string surname, string givenName, MaleName father, Sex sex, DateOnly birthDate) =>
        new($"{(sex == Sex.Female ? surname + "А" : surname)} {givenName} {father.PatronymicStem}{(sex == Sex.Female ? DaughterSuffix : SonSuffix)}",
            birthDate, sex);

    public string ChildName(Dice dice, Sex sex) => dice.Pick(sex == Sex.Female ? Girls : Boys);
}

/// <summary>
/// Made-up Kazakh and Russian people (every letter of the Kazakh alphabet occurs) and their IINs, built by
/// <see cref="Iin.Create"/>: distinct because each (birth day, sex) hands out its serials one slot at a time.
/// </summary>
public static class FakePeople
{
    public static readonly DateOnly FirstAdultBirth = new(1975, 1, 1);
    public static readonly DateOnly LastAdultBirth = new(2002, 12, 31);

    /// <summary>
    /// Serials of a slot: 10·slot to 10·slot + 9. The last serial digit has weight 11 in the first checksum, so it
    /// never changes that sum, and one of two neighbouring digits always passes the second: a slot never runs out.
    /// </summary>
    public const int SerialsPerSlot = 10;

    public const int SlotsPerDay = 1000;

    private static readonly MaleName[] KazakhMen =
    [
        .. new[]
        {
            "АСҚАР", "ДӘУРЕН", "ҚАНАТ", "СЕРІК", "НҰРЛАН", "ЕРЛАН", "БОЛАТ", "ҒАЛЫМ", "ТӨЛЕГЕН", "ЖАНДОС", "МҰХТАР", "ЕРБОЛ",
            "АЙДОС", "ТАЛҒАТ", "БАУЫРЖАН", "ЕРҒАЛИ", "ДАНИЯР", "ӨМІРБЕК", "ҮСЕН", "ИБРАҺИМ", "ШАҺМАРДАН", "АРМАН", "ЕРЖАН",
            "НҰРЖАН", "ҚАЙРАТ", "МАРАТ", "АЙБЕК", "ЕЛДОС", "ТЕҢІЗБАЙ", "ӘДІЛЕТ",
        }.Select(name => new MaleName(name, name)),
    ];

    private static readonly MaleName[] RussianMen =
    [
        new("АЛЕКСАНДР", "АЛЕКСАНДРОВ"), new("СЕРГЕЙ", "СЕРГЕЕВ"), new("ДМИТРИЙ", "ДМИТРИЕВ"), new("АНДРЕЙ", "АНДРЕЕВ"),
        new("АЛЕКСЕЙ", "АЛЕКСЕЕВ"), new("ИВАН", "ИВАНОВ"), new("МАКСИМ", "МАКСИМОВ"), new("НИКОЛАЙ", "НИКОЛАЕВ"),
        new("ВЛАДИМИР", "ВЛАДИМИРОВ"), new("ЕВГЕНИЙ", "ЕВГЕНЬЕВ"), new("ПАВЕЛ", "ПАВЛОВ"), new("АРТЁМ", "АРТЁМОВ"),
        new("МИХАИЛ", "МИХАЙЛОВ"), new("ИГОРЬ", "ИГОРЕВ"), new("ДЕНИС", "ДЕНИСОВ"), new("ВИКТОР", "ВИКТОРОВ"),
        new("ОЛЕГ", "ОЛЕГОВ"), new("РОМАН", "РОМАНОВ"),
    ];

    public static readonly FakeNames Kazakh = new(
        [
            "АХМЕТОВ", "НҰРЛАНОВ", "СЕЙТОВ", "ОМАРОВ", "ЖАНҰЗАҚОВ", "СМАҒҰЛОВ", "ТӨЛЕУОВ", "ҚАЙРАТОВ", "ӘБІЛОВ", "НҰРҒАЛИЕВ",
            "ИСАЕВ", "ҚАСЫМОВ", "ЖҰМАБАЕВ", "ӨТЕПОВ", "ҮСЕНОВ", "БАЙМҰХАМЕДОВ", "ЕСЕНОВ", "ДҮЙСЕНОВ", "ШАҺАНОВ", "ІЗБАСАРОВ",
            "ҚҰНАНБАЕВ", "ОРАЗБЕКОВ", "МЫРЗАХМЕТОВ", "СӘРСЕНБАЕВ", "ТҰРСЫНОВ", "АМАНЖОЛОВ", "БЕКМҰРАТОВ", "ҒАББАСОВ",
            "ЕҢСЕПОВ", "ҚОЖАХМЕТОВ", "ЕРМЕКОВ", "ӘЛІМЖАНОВ",
        ],
        KazakhMen,
        [
            "АЙГЕРІМ", "ГҮЛНАР", "ДИНАРА", "ӘСЕЛ", "ЖАНАР", "МӨЛДІР", "ҚАРЛЫҒАШ", "АЙНҰР", "ГҮЛМИРА", "СӘУЛЕ", "ЖҰЛДЫЗ",
            "ЕҢЛІК", "ЗӘҺИРА", "ШАҺИДА", "АҚМАРАЛ", "ҮМІТ", "ДӘМЕЛІ", "БОТАГӨЗ", "ГҮЛЖАН", "НАЗЫМ", "САНДУҒАШ", "ІҢКӘР",
        ],
        [
            "АЛИХАН", "ӘМІР", "НҰРАЛЫ", "ДИНМҰХАММЕД", "РАМАЗАН", "ТАМЕРЛАН", "АЙСҰЛТАН", "ЕРНҰР", "БЕКАРЫС", "МҰХАММЕД",
            "ИБРАҺИМ", "ӘЛІ", "ҰЛАН", "МЕЙІРЖАН", "НҰРДӘУЛЕТ", "ЕРАСЫЛ", "ДӘНИЯЛ", "АЛДИЯР", "ІЛИЯС", "ӨРКЕН", "ТЕҢІЗ",
        ],
        [
            "АРУЖАН", "ӘЛИЯ", "АЙША", "ІҢКӘР", "МЕРЕЙ", "КӨРКЕМ", "НАЗЕРКЕ", "АЙЫМ", "АҚБОТА", "ДАНА", "АЙЛИН", "ТОМИРИС",
            "ЖАНСАЯ", "ӘСЕМ", "НҰРАЙ", "ҰЛПАН", "МАДИНА", "ЗӘҺРА", "ҮРЖАН",
        ],
        "ҰЛЫ",
        "ҚЫЗЫ");

    public static readonly FakeNames Russian = new(
        [
            "ИВАНОВ", "ПЕТРОВ", "СМИРНОВ", "КУЗНЕЦОВ", "ПОПОВ", "ВАСИЛЬЕВ", "СОКОЛОВ", "МИХАЙЛОВ", "НОВИКОВ", "ФЁДОРОВ",
            "МОРОЗОВ", "ВОЛКОВ", "АЛЕКСЕЕВ", "ЛЕБЕДЕВ", "СЕМЁНОВ", "ЕГОРОВ", "ПАВЛОВ", "КОЗЛОВ", "СТЕПАНОВ", "НИКОЛАЕВ",
            "ОРЛОВ", "АНДРЕЕВ", "МАКАРОВ", "НИКИТИН", "ЗАХАРОВ", "ГРИШИН",
        ],
        RussianMen,
        [
            "АННА", "МАРИЯ", "ЕЛЕНА", "ОЛЬГА", "НАТАЛЬЯ", "ЕКАТЕРИНА", "ТАТЬЯНА", "ЮЛИЯ", "ИРИНА", "СВЕТЛАНА", "АНАСТАСИЯ",
            "ОКСАНА", "ЕВГЕНИЯ", "КРИСТИНА",
        ],
        [
            "АРТЁМ", "МАКСИМ", "АЛЕКСАНДР", "МИХАИЛ", "ИВАН", "ДАНИИЛ", "МАТВЕЙ", "ТИМОФЕЙ", "ЛЕВ", "МАРК", "ЕГОР", "КИРИЛЛ",
            "ДМИТРИЙ", "РОМАН", "ФЁДОР",
        ],
        [
            "СОФИЯ", "АЛИСА", "ВАРВАРА", "ВЕРОНИКА", "КСЕНИЯ", "ЕВА", "ПОЛИНА", "ДАРЬЯ", "ВИКТОРИЯ", "АННА", "МАРИЯ",
            "ВАСИЛИСА", "МИЛАНА", "УЛЬЯНА",
        ],
        "ИЧ",
        "НА");

    /// <summary>A parent's birth day: aged between the bounds when the elder child was born, within 1975–2002.</summary>
    public static DateOnly ParentBirth(Dice dice, DateOnly childBirth, int youngestAge, int oldestAge)
    {
        var earliest = childBirth.AddYears(-oldestAge);
        var latest = childBirth.AddYears(-youngestAge);
        return dice.Between(earliest < FirstAdultBirth ? FirstAdultBirth : earliest, latest > LastAdultBirth ? LastAdultBirth : latest);
    }

    /// <summary>The civil registry writes most names in capitals and some as typed, in mixed case.</summary>
    public static string AsRegistryWrites(Dice dice, string fullName) =>
        dice.Chance(0.2) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(fullName.ToLowerInvariant()) : fullName;

    public static string IinOf(FakePerson person, int slot) => Iin.Create(person.BirthDate, person.Sex, slot * SerialsPerSlot).Value;
}

/// <summary>Hands out serial slots per birth day and sex, in the order people are drawn.</summary>
public sealed class IinSlots
{
    private readonly Dictionary<(DateOnly, Sex), int> _next = [];

    public short Next(FakePerson person)
    {
        var key = (person.BirthDate, person.Sex);
        var slot = _next.GetValueOrDefault(key);
        if (slot >= FakePeople.SlotsPerDay)
            throw new InvalidOperationException($"More than {FakePeople.SlotsPerDay} people of one sex born on {person.BirthDate:yyyy-MM-dd}: the country is too big for distinct IINs.");
        _next[key] = slot + 1;
        return (short)slot;
    }
}
