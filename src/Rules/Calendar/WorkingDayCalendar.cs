using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kezek.Rules.Calendar;

/// <summary>A year of the calendar is missing: no deadline is computed without it (fail closed).</summary>
public sealed class CalendarNotAvailableException(int year)
    : InvalidOperationException($"The working-day calendar has no data for {year.ToString(CultureInfo.InvariantCulture)}: add rules/calendar/kz-{year.ToString(CultureInfo.InvariantCulture)}.json.")
{
    public int Year { get; } = year;
}

/// <summary>One year of Kazakhstan's calendar as published: weekday days off and weekend working days.</summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlySet<DateOnly> NonWorkingWeekdays, IReadOnlySet<DateOnly> WorkingWeekends);

/// <summary>
/// Kazakhstan's working days (a five-day week, public holidays, the government's transferred days), as data
/// from <c>rules/calendar/kz-&lt;year&gt;.json</c>. "Within N working days" of an event means until the end of
/// the Nth working day after the day of the event, in the region's local time.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years) => _years = years.ToDictionary(y => y.Year);

    public IReadOnlyCollection<CalendarYear> Years => _years.Values;

    public bool Covers(int year) => _years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (!_years.TryGetValue(day.Year, out var year))
            throw new CalendarNotAvailableException(day.Year);
        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? year.WorkingWeekends.Contains(day)
            : !year.NonWorkingWeekdays.Contains(day);
    }

    /// <summary>The Nth working day after the given day (the day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var current = day;
        for (var found = 0; found < workingDays;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
                found++;
        }

        return current;
    }

    /// <summary>
    /// The end of the Nth working day after the local day of the event: the local midnight that closes it.
    /// A deadline is met by an action strictly before this instant.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset eventAt, int workingDays, TimeZoneInfo zone)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(eventAt, zone).DateTime);
        var lastDay = AddWorkingDays(localDay, workingDays);
        var end = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }

    /// <summary>Reads and checks every <c>kz-&lt;year&gt;.json</c> of a folder.</summary>
    public static WorkingDayCalendar Load(string folder)
    {
        var years = Directory.EnumerateFiles(folder, "kz-*.json").Order(StringComparer.Ordinal).Select(ReadYear).ToList();
        if (years.Count == 0)
            throw new InvalidDataException($"No calendar files (kz-<year>.json) in {folder}.");
        return new WorkingDayCalendar(years);
    }

    public static CalendarYear ReadYear(string path)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(File.ReadAllText(path), JsonOptions)
                   ?? throw new InvalidDataException($"{path} is empty.");
        var name = Path.GetFileNameWithoutExtension(path);
        if (name != $"kz-{file.Year.ToString(CultureInfo.InvariantCulture)}")
            throw new InvalidDataException($"{path} holds year {file.Year}.");
        if (string.IsNullOrWhiteSpace(file.Source))
            throw new InvalidDataException($"{path} does not say its source.");

        var nonWorking = Dates(path, file.Year, file.NonWorkingDays, weekend: false);
        var working = Dates(path, file.Year, file.WorkingDays, weekend: true);
        return new CalendarYear(file.Year, file.Source, nonWorking, working);
    }

    private static HashSet<DateOnly> Dates(string path, int year, IReadOnlyList<CalendarEntry>? entries, bool weekend)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var entry in entries ?? [])
        {
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || date.Year != year)
                throw new InvalidDataException($"{path}: {entry.Date} is not a date of {year}.");
            var isWeekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (isWeekend != weekend)
                throw new InvalidDataException(weekend
                    ? $"{path}: working day {entry.Date} is not a Saturday or Sunday."
                    : $"{path}: day off {entry.Date} is a weekend day already.");
            if (string.IsNullOrWhiteSpace(entry.Reason) || !dates.Add(date))
                throw new InvalidDataException($"{path}: {entry.Date} is repeated or has no reason.");
        }

        return dates;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private sealed record CalendarFile(
        [property: JsonPropertyName("$schema")] string? Schema,
        int Year,
        string Country,
        string Source,
        string? Notes,
        IReadOnlyList<CalendarEntry>? NonWorkingDays,
        IReadOnlyList<CalendarEntry>? WorkingDays);

    private sealed record CalendarEntry(string Date, string Reason, string? Name);
}
