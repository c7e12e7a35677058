using Kezek.Core.Regions;

namespace Kezek.Server.Demo.Country;

/// <summary>
/// Days and deadlines of the country, in Kazakhstan's time (every rule set in <c>rules/</c> runs on Asia/Almaty).
/// Working days are Monday to Friday: the published calendar covers 2024–2027 only, and the country's history
/// starts in 2019.
/// </summary>
public static class CountryDay
{
    /// <summary>The local day of <see cref="CountryPlan.Now"/>.</summary>
    public static DateOnly Today { get; } = DateOnly.FromDateTime(KazakhstanTime.ToLocal(CountryPlan.Now).DateTime);

    /// <summary>An instant of a local day between 09:00 and 22:00, when people sign things.</summary>
    public static DateTime DuringOfficeHours(Dice dice, DateOnly day)
    {
        var start = KazakhstanTime.StartOfDayUtc(day);
        return dice.Between(start.AddHours(9), start.AddHours(22));
    }

    /// <summary>The end of the Nth working day after the local day of an event: the local midnight that closes it.</summary>
    public static DateTime DeadlineAfter(DateTime eventAt, int workingDays)
    {
        var day = DateOnly.FromDateTime(KazakhstanTime.ToLocal(eventAt).DateTime);
        for (var found = 0; found < workingDays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                found++;
        }

        return KazakhstanTime.StartOfDayUtc(day.AddDays(1));
    }
}
