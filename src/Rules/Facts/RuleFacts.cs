using Kezek.Rules.Calendar;

namespace Kezek.Rules.Facts;

/// <summary>The child, as rule expressions see it: <c>child.AgeInMonthsAt(today)</c>.</summary>
public sealed record ChildFacts(DateOnly BirthDate, int GroupYear)
{
    public static readonly ChildFacts None = new(DateOnly.MinValue, 0);

    /// <summary>Whole months of age on a day (a child born on the 31st turns a month older on the last day of a shorter month).</summary>
    public int AgeInMonthsAt(DateOnly day)
    {
        var months = ((day.Year - BirthDate.Year) * 12) + day.Month - BirthDate.Month;
        var anniversary = BirthDate.AddMonths(months);
        return anniversary > day ? months - 1 : months;
    }
}

/// <summary>The application: <c>application.Status</c>, <c>application.Expirations</c>, <c>application.StopListedUntil</c>.</summary>
public sealed record ApplicationFacts(string Status, string BenefitCategory, int Expirations, DateOnly? StopListedUntil, bool Restored)
{
    public static readonly ApplicationFacts None = new("", "", 0, null, false);

    public bool InStopListOn(DateOnly day) => StopListedUntil is { } until && day < until;
}

/// <summary>A direction: <c>direction.IssuedAt</c>, <c>direction.ExpiresAt</c>, <c>direction.Extensions</c>, <c>direction.RevokeUntil</c>.</summary>
public sealed record DirectionFacts(DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, int Extensions)
{
    public static readonly DirectionFacts None = new(DateTimeOffset.MinValue, DateTimeOffset.MinValue, 0);

    /// <summary>The revoke window the family was given at issue (a later rule change never shortens it); MinValue when none was recorded.</summary>
    public DateTimeOffset RevokeUntil { get; init; } = DateTimeOffset.MinValue;
}

/// <summary>
/// Places of the child's group year: <c>places.Free</c>, <c>places.FreeChoice</c>, <c>places.Offered</c>. The free seats
/// of each mode are counted up to <see cref="CountedUpTo"/>: enough for any rule about whether, or how few, seats remain.
/// </summary>
public sealed record PlaceFacts(int Free, int FreeChoice, bool Offered)
{
    /// <summary>Free seats of one mode are counted up to this many.</summary>
    public const int CountedUpTo = 1000;

    public static readonly PlaceFacts None = new(0, 0, false);

    /// <summary>
    /// Free seats of either mode, whether or not this application may take them (null: not counted). Not for rules: it
    /// tells a refusal's true reason apart — every seat taken, or seats left for those whose turn has come.
    /// </summary>
    public int? AnyMode { get; init; }
}

/// <summary>
/// Deadline arithmetic for expressions, in the region's time zone:
/// <c>calendar.WorkingDaysAfter(now, daysToChoose)</c>, <c>calendar.CalendarDaysAfter(direction.ExpiresAt, 30)</c>.
/// </summary>
public sealed class CalendarFunctions(WorkingDayCalendar calendar, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>The end of the Nth working day after the local day of <paramref name="at"/>.</summary>
    public DateTimeOffset WorkingDaysAfter(DateTimeOffset at, int days) => calendar.DeadlineAfter(at, days, zone);

    /// <summary>The end of the Nth calendar day after the local day of <paramref name="at"/>.</summary>
    public DateTimeOffset CalendarDaysAfter(DateTimeOffset at, int days)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).AddDays(days + 1);
        var end = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }

    public DateTimeOffset HoursAfter(DateTimeOffset at, int hours) => TimeZoneInfo.ConvertTime(at.AddHours(hours), zone);
}

/// <summary>Everything one evaluation may read; what does not apply is its <c>None</c>.</summary>
public sealed record RuleFacts(DateTimeOffset Now, ChildFacts Child, ApplicationFacts Application, DirectionFacts Direction, PlaceFacts Places)
{
    public static RuleFacts At(DateTimeOffset now) => new(now, ChildFacts.None, ApplicationFacts.None, DirectionFacts.None, PlaceFacts.None);
}
