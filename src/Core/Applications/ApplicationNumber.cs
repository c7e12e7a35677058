using System.Globalization;
using System.Text.RegularExpressions;
using Kezek.Core.Results;

namespace Kezek.Core.Applications;

/// <summary>
/// The application's number, e.g. <c>UO.2018.000027.1</c>: the region's prefix, the registration year, a
/// six-digit sequence per region and year, and the revision.
/// </summary>
public sealed partial record ApplicationNumber(string Prefix, int Year, int Sequence, int Revision)
{
    public static Result<ApplicationNumber> Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
            return Error.Of(ErrorCodes.InvalidApplicationNumber);
        return new ApplicationNumber(
            match.Groups["prefix"].Value,
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["revision"].Value, CultureInfo.InvariantCulture));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}.{Year:D4}.{Sequence:D6}.{Revision}");

    [GeneratedRegex(@"^(?<prefix>[A-Z]{1,10})\.(?<year>[0-9]{4})\.(?<sequence>[0-9]{6})\.(?<revision>[1-9][0-9]{0,2})$")]
    private static partial Regex Pattern();
}
