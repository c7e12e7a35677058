namespace Kezek.Core.Regions;

/// <summary>
/// Kazakhstan's time (UTC+5 since 2024-03-01), for times that belong to no one region: a session, a role, a lifecycle
/// shared by regions, a journal's dates across regions. A region's own times are in the zone its rule set names.
/// </summary>
public static class KazakhstanTime
{
    public const string ZoneId = "Asia/Almaty";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>A stored UTC instant as people in Kazakhstan read it (for times that belong to no one region).</summary>
    public static DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>Kazakhstan's calendar day at a UTC instant.</summary>
    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>
    /// The UTC bounds of the local days from <paramref name="from"/> through <paramref name="to"/> (the end is exclusive):
    /// null for a missing bound, and for the calendar's first and last days, which have no day before or after them.
    /// </summary>
    public static (DateTime? Start, DateTime? End) DaysUtc(DateOnly? from, DateOnly? to) =>
        (from is { } first && first > DateOnly.MinValue.AddDays(1) ? StartOfDayUtc(first) : null,
         to is { } last && last < DateOnly.MaxValue.AddDays(-1) ? StartOfDayUtc(last.AddDays(1)) : null);

    /// <summary>The UTC instant at which a local calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
