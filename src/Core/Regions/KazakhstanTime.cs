namespace Kezek.Core.Regions;

/// <summary>Dates people type (a journal's "created from") are Kazakhstan dates: UTC+5 since 2024-03-01.</summary>
public static class KazakhstanTime
{
    public const string ZoneId = "Asia/Almaty";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>A stored UTC instant as people in Kazakhstan read it (for times that belong to no one region).</summary>
    public static DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>The UTC instant at which a local calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
