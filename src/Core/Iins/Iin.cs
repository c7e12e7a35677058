using System.Globalization;
using Kezek.Core.Results;

namespace Kezek.Core.Iins;

public enum Sex
{
    Male,
    Female,
}

/// <summary>
/// Individual identification number (ИИН): YYMMDD, a century-and-sex digit, four serial digits and a
/// check digit. Typed-in numbers go through <see cref="Parse"/>; a number read from a trusted
/// certificate is taken as it is through <see cref="FromTrustedSource"/>.
/// </summary>
public sealed record Iin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Iin(string value, DateOnly? birthDate, Sex? sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    public string Value { get; }

    /// <summary>The birth date encoded in the number; null only for an unvalidated certificate IIN.</summary>
    public DateOnly? BirthDate { get; }

    public Sex? Sex { get; }

    public static Result<Iin> Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
            return Error.Of(ErrorCodes.InvalidIin, ("iin", Mask(value)));

        var digits = value.Select(c => c - '0').ToArray();
        var (century, sex) = digits[6] switch
        {
            1 => (1800, Iins.Sex.Male),
            2 => (1800, Iins.Sex.Female),
            3 => (1900, Iins.Sex.Male),
            4 => (1900, Iins.Sex.Female),
            5 => (2000, Iins.Sex.Male),
            6 => (2000, Iins.Sex.Female),
            _ => (0, Iins.Sex.Male),
        };
        if (century == 0)
            return Error.Of(ErrorCodes.InvalidIin, ("iin", Mask(value)));

        var year = century + (digits[0] * 10) + digits[1];
        var month = (digits[2] * 10) + digits[3];
        var day = (digits[4] * 10) + digits[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return Error.Of(ErrorCodes.InvalidIin, ("iin", Mask(value)));

        if (CheckDigit(digits) is not { } check || check != digits[11])
            return Error.Of(ErrorCodes.InvalidIin, ("iin", Mask(value)));

        return new Iin(value, new DateOnly(year, month, day), sex);
    }

    /// <summary>An IIN from a verified certificate: twelve digits, no date or checksum rule (test certificates break them).</summary>
    public static Iin FromTrustedSource(string value)
    {
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
            throw new ArgumentException("A certificate IIN has twelve digits.", nameof(value));
        var parsed = Parse(value);
        return parsed.IsSuccess ? parsed.Value : new Iin(value, null, null);
    }

    /// <summary>The check digit for the first eleven digits, or null when the number cannot have one.</summary>
    public static int? CheckDigit(IReadOnlyList<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += digits[i] * FirstWeights[i];
        var check = sum % 11;
        if (check != 10) return check;

        sum = 0;
        for (var i = 0; i < 11; i++) sum += digits[i] * SecondWeights[i];
        check = sum % 11;
        return check == 10 ? null : check;
    }

    /// <summary>Builds a valid IIN for a birth date, sex and serial (demo data and tests).</summary>
    public static Iin Create(DateOnly birthDate, Sex sex, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        for (var s = serial; s < serial + 10_000; s++)
        {
            var centuryDigit = (birthDate.Year / 100) switch
            {
                18 => 1,
                19 => 3,
                20 => 5,
                _ => throw new ArgumentOutOfRangeException(nameof(birthDate)),
            } + (sex == Iins.Sex.Female ? 1 : 0);
            var first11 = string.Create(CultureInfo.InvariantCulture,
                $"{birthDate:yyMMdd}{centuryDigit}{s % 10_000:D4}");
            var check = CheckDigit(first11.Select(c => c - '0').ToArray());
            if (check is not null)
                return Parse(first11 + check.Value.ToString(CultureInfo.InvariantCulture)).Value;
        }

        throw new InvalidOperationException("No valid serial found.");
    }

    /// <summary>Only the first six digits, for messages and logs: never print a whole IIN.</summary>
    public static string Mask(string value) =>
        value.Length <= 6 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 6);

    public override string ToString() => Mask(Value);
}
