namespace Kezek.Server.Demo.Country;

/// <summary>
/// A city with its own queue. <paramref name="NumberPrefix"/> is null for the three regions the migration seeds
/// (their rule sets ship in <c>rules/</c>); every other city gets the default rule set under its own name with this
/// prefix, because application numbers are unique across regions and two regions on "UO" would collide.
/// <paramref name="PerMille"/> is its share of the applications, in tenths of a percent.
/// </summary>
public sealed record CountryRegion(string Code, string NameRu, string NameKk, string NameEn, string? NumberPrefix, int PerMille)
{
    public bool IsSeeded => NumberPrefix is null;
}

/// <summary>The twenty cities of the generated country: Almaty first (a tenth of all applications), the rest unevenly.</summary>
public static class CountryRegions
{
    public static readonly IReadOnlyList<CountryRegion> All =
    [
        new("almaty", "г. Алматы", "Алматы қ.", "Almaty", null, 100),
        new("astana", "г. Астана", "Астана қ.", "Astana", null, 95),
        new("shymkent", "г. Шымкент", "Шымкент қ.", "Shymkent", "SHM", 85),
        new("aktobe", "г. Актобе", "Ақтөбе қ.", "Aktobe", null, 65),
        new("karaganda", "г. Караганда", "Қарағанды қ.", "Karaganda", "KRG", 60),
        new("taraz", "г. Тараз", "Тараз қ.", "Taraz", "TRZ", 55),
        new("pavlodar", "г. Павлодар", "Павлодар қ.", "Pavlodar", "PVL", 50),
        new("oskemen", "г. Усть-Каменогорск", "Өскемен қ.", "Oskemen", "OSK", 50),
        new("atyrau", "г. Атырау", "Атырау қ.", "Atyrau", "ATR", 48),
        new("kyzylorda", "г. Кызылорда", "Қызылорда қ.", "Kyzylorda", "KZO", 46),
        new("semey", "г. Семей", "Семей қ.", "Semey", "SEM", 44),
        new("kostanay", "г. Костанай", "Қостанай қ.", "Kostanay", "KST", 42),
        new("oral", "г. Уральск", "Орал қ.", "Oral", "ORL", 42),
        new("aktau", "г. Актау", "Ақтау қ.", "Aktau", "AKU", 40),
        new("turkistan", "г. Туркестан", "Түркістан қ.", "Turkistan", "TRK", 40),
        new("petropavl", "г. Петропавловск", "Петропавл қ.", "Petropavl", "PTR", 34),
        new("taldykorgan", "г. Талдыкорган", "Талдықорған қ.", "Taldykorgan", "TDK", 34),
        new("kokshetau", "г. Кокшетау", "Көкшетау қ.", "Kokshetau", "KOK", 31),
        new("konaev", "г. Конаев", "Қонаев қ.", "Konaev", "KNV", 19),
        new("zhezkazgan", "г. Жезказган", "Жезқазған қ.", "Zhezkazgan", "ZHZ", 20),
    ];

    public static IReadOnlyList<CountryRegion> Generated => [.. All.Where(r => !r.IsSeeded)];
}
