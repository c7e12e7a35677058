using Kezek.Core.Results;

namespace Kezek.Core.Applications;

/// <summary>The birth year that a kindergarten group admits; a child belongs to the group of its birth year.</summary>
public readonly record struct GroupYear
{
    public const int Earliest = 2010;
    public const int Latest = 2100;

    private GroupYear(int year) => Year = year;

    public int Year { get; }

    public static Result<GroupYear> Of(int year) =>
        year is < Earliest or > Latest
            ? Error.Of(ErrorCodes.InvalidGroupYear, ("groupYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : new GroupYear(year);

    public static GroupYear ForChildBornOn(DateOnly birthDate) => new(birthDate.Year);

    public override string ToString() => Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
