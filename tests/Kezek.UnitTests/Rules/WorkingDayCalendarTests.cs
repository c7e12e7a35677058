using Kezek.Rules.Calendar;

namespace Kezek.UnitTests.Rules;

/// <summary>Deadline arithmetic on a small hand-made calendar, so each rule is seen on its own.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    private static readonly WorkingDayCalendar Calendar = new([
        new CalendarYear(2025, "test", new HashSet<DateOnly> { new(2025, 3, 10), new(2025, 12, 16) }, new HashSet<DateOnly> { new(2025, 3, 15) }),
        new CalendarYear(2026, "test", new HashSet<DateOnly> { new(2026, 1, 1), new(2026, 1, 2), new(2026, 1, 7) }, new HashSet<DateOnly>()),
    ]);

    private static DateTimeOffset Local(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(5));

    [Fact]
    public void Weekends_holidays_and_transferred_days_are_what_the_data_says()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 3, 7)));   // Friday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 3, 8)));  // Saturday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 3, 10))); // Monday, a holiday moved from the weekend
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 3, 15)));  // a working Saturday by transfer
    }

    [Fact]
    public void Three_working_days_run_over_a_holiday_weekend_to_the_end_of_the_third()
    {
        // Friday 7 March: Saturday, Sunday and the moved holiday on Monday do not count.
        var deadline = Calendar.DeadlineAfter(Local(2025, 3, 7, 16), 3, Almaty);

        Assert.Equal(Local(2025, 3, 14, 0), deadline);
    }

    [Fact]
    public void The_day_of_the_event_is_its_local_day_not_its_UTC_day()
    {
        // 20:30 UTC on Friday is 01:30 on Saturday in Almaty: counting starts after Saturday.
        var lateFriday = new DateTimeOffset(2025, 3, 7, 20, 30, 0, TimeSpan.Zero);
        var earlyFriday = new DateTimeOffset(2025, 3, 7, 18, 30, 0, TimeSpan.Zero);

        Assert.Equal(Local(2025, 3, 13, 0), Calendar.DeadlineAfter(lateFriday, 2, Almaty));
        Assert.Equal(Local(2025, 3, 13, 0), Calendar.DeadlineAfter(earlyFriday, 2, Almaty));
        Assert.Equal(Local(2025, 3, 12, 0), Calendar.DeadlineAfter(earlyFriday, 1, Almaty));
    }

    [Fact]
    public void A_working_Saturday_counts()
    {
        // Thursday 13 March + 2 working days: Friday 14, Saturday 15 (transferred working day).
        Assert.Equal(new DateOnly(2025, 3, 15), Calendar.AddWorkingDays(new DateOnly(2025, 3, 13), 2));
    }

    [Fact]
    public void Deadlines_cross_the_year_boundary_over_the_New_Year_holidays()
    {
        // Tuesday 30 December 2025: Wednesday 31, then 1–2 January are holidays and 3–4 a weekend.
        Assert.Equal(Local(2026, 1, 7, 0), Calendar.DeadlineAfter(Local(2025, 12, 30, 10), 3, Almaty));
    }

    [Fact]
    public void A_year_without_data_computes_no_deadline()
    {
        var missing = Assert.Throws<CalendarNotAvailableException>(() => Calendar.DeadlineAfter(Local(2026, 12, 28), 10, Almaty));
        Assert.Equal(2027, missing.Year);
    }

    [Fact]
    public void Zero_or_negative_working_days_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2025, 3, 3), 0));

    [Theory]
    [InlineData("{\"year\":2025,\"country\":\"KZ\",\"source\":\"x\",\"nonWorkingDays\":[{\"date\":\"2025-03-08\",\"reason\":\"holiday\"}],\"workingDays\":[]}", "weekend day already")]
    [InlineData("{\"year\":2025,\"country\":\"KZ\",\"source\":\"x\",\"nonWorkingDays\":[],\"workingDays\":[{\"date\":\"2025-03-10\",\"reason\":\"transfer\"}]}", "not a Saturday or Sunday")]
    [InlineData("{\"year\":2025,\"country\":\"KZ\",\"source\":\"x\",\"nonWorkingDays\":[{\"date\":\"2024-03-11\",\"reason\":\"holiday\"}],\"workingDays\":[]}", "not a date of 2025")]
    [InlineData("{\"year\":2025,\"country\":\"KZ\",\"source\":\"\",\"nonWorkingDays\":[],\"workingDays\":[]}", "source")]
    [InlineData("{\"year\":2025,\"country\":\"KZ\",\"source\":\"x\",\"nonWorkingDays\":[{\"date\":\"2025-03-10\",\"reason\":\"holiday\"},{\"date\":\"2025-03-10\",\"reason\":\"holiday\"}],\"workingDays\":[]}", "repeated")]
    [InlineData("{\"year\":2025,\"country\":\"KZ\",\"source\":\"x\",\"holidays\":[],\"nonWorkingDays\":[],\"workingDays\":[]}", "holidays")]
    public void A_wrong_calendar_file_is_refused_with_the_reason(string json, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("kezek-calendar-");
        try
        {
            var path = Path.Combine(folder.FullName, "kz-2025.json");
            File.WriteAllText(path, json);

            var error = Assert.ThrowsAny<Exception>(() => WorkingDayCalendar.ReadYear(path));
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
