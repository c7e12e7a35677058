using Kezek.Rules.Calendar;
using NJsonSchema;

namespace Kezek.UnitTests.Rules;

/// <summary>The real calendar files, <c>rules/calendar/kz-2024…2027.json</c>, on dates whose answers are known.</summary>
public sealed class KazakhstanCalendarTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    public static string Folder => Path.Combine(RepositoryRoot(), "rules", "calendar");

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(Folder);

    private static DateTimeOffset Local(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public async Task Every_calendar_file_follows_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot(), "rules", "schema", "calendar.schema.json"));
        var files = Directory.GetFiles(Folder, "kz-*.json");

        Assert.Equal(4, files.Length);
        foreach (var file in files)
            Assert.Empty(schema.Validate(await File.ReadAllTextAsync(file)));
    }

    [Fact]
    public void The_calendar_covers_2024_to_2027_and_says_its_sources() =>
        Assert.All(Enumerable.Range(2024, 4), year =>
        {
            Assert.True(Calendar.Covers(year));
            Assert.Contains("Labour Code", Calendar.Years.Single(y => y.Year == year).Source, StringComparison.Ordinal);
        });

    [Fact]
    public void Nauryz_week_2025_three_working_days_from_the_Thursday_before()
    {
        // 21 March (Fri) is Nauryz; 22–23 fall on the weekend and move to Monday 24 and Tuesday 25.
        Assert.Equal(Local(2025, 3, 29), Calendar.DeadlineAfter(Local(2025, 3, 20, 15), 3, Almaty));
    }

    [Fact]
    public void New_Year_2025_with_a_transferred_Friday_off_and_a_working_Sunday()
    {
        // 31 Dec 2024 (Tue) → 1–2 Jan holidays, 3 Jan a transferred day off, Sunday 5 Jan a working day,
        // Monday 6 Jan, Tuesday 7 Jan Orthodox Christmas, Wednesday 8 Jan.
        Assert.Equal(new DateOnly(2025, 1, 5), Calendar.AddWorkingDays(new DateOnly(2024, 12, 31), 1));
        Assert.Equal(Local(2025, 1, 9), Calendar.DeadlineAfter(Local(2024, 12, 31, 11), 3, Almaty));
    }

    [Fact]
    public void May_holidays_2024_with_a_working_Saturday()
    {
        // Saturday 4 May 2024 was worked for Wednesday 8 May; 7 and 9 May are holidays.
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 5, 4)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2024, 5, 8)));
        Assert.Equal(Local(2024, 5, 11), Calendar.DeadlineAfter(Local(2024, 5, 3, 9), 3, Almaty));
    }

    [Fact]
    public void Over_the_year_boundary_2026_to_2027()
    {
        // 1 January 2027 is a Friday, 2 January a Saturday: the holiday moves to Monday 4 January.
        Assert.Equal(Local(2027, 1, 7), Calendar.DeadlineAfter(Local(2026, 12, 30, 10), 3, Almaty));
    }

    [Fact]
    public void Ten_working_days_of_stop_list_from_the_Friday_before_Nauryz_2026()
    {
        // 20 Mar 2026 (Fri): 21–22 weekend, 23–25 holidays; then 26, 27, 30, 31 Mar, 1, 2, 3, 6, 7, 8 Apr.
        Assert.Equal(new DateOnly(2026, 4, 8), Calendar.AddWorkingDays(new DateOnly(2026, 3, 20), 10));
    }

    [Fact]
    public void Beyond_the_published_years_no_deadline_is_invented() =>
        Assert.Throws<CalendarNotAvailableException>(() => Calendar.DeadlineAfter(Local(2027, 12, 27, 10), 5, Almaty));

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kezek.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Kezek.slnx was not found above the test folder.");
    }
}
