using System.Globalization;
using System.Text.RegularExpressions;
using Kezek.Core.Applications;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Csv;

namespace Kezek.Workflows.Regions;

/// <summary>A region as typed in (a GraphQL input or a CSV line), before it is checked. Empty support values are none.</summary>
public sealed record RegionDraft(string Code, string NameRu, string NameKk, string NameEn, string? TimeZone, string? SupportPhone,
    string? SupportEmail, string? SupportHoursRu, string? SupportHoursKk);

/// <summary>A kindergarten's capacity for a group year and language, as typed in.</summary>
public sealed record GroupDraft(int GroupYear, string Language, int Capacity);

/// <summary>A kindergarten as typed in (a GraphQL input or a CSV line), before it is checked.</summary>
public sealed record KindergartenDraft(string Region, string Bin, string NameRu, string NameKk, string AddressRu, string AddressKk,
    double Latitude, double Longitude, IReadOnlyList<string> Languages, Ownership Ownership, IReadOnlyList<GroupDraft> Groups);

/// <summary>A checked kindergarten: its BIN, what describes it and its groups.</summary>
public sealed record CheckedKindergarten(string Region, Bin Bin, KindergartenDescription Description, IReadOnlyList<GroupDraft> Groups);

/// <summary>
/// The checks of reference data, the same for a GraphQL input and a CSV line. Every error names the <c>field</c> it is
/// about, so that an import can say which line and field were refused. Text that a spreadsheet would run as a formula
/// (=, +, -, @ first) is refused wherever it comes from.
/// </summary>
public static partial class ReferenceDrafts
{
    /// <summary>The codes of the languages kindergartens teach in ("kk", "ru"), as files and inputs write them.</summary>
    private static readonly IReadOnlyList<string> Taught = [.. Language.OfInstruction.Select(l => l.Code)];

    public const int MaxName = 300;
    public const int MaxRegionName = 200;
    public const int MaxHours = 200;

    public static Result<RegionDescription> Check(RegionDraft draft, RuleSetCatalog rules)
    {
        if (!RegionCode().IsMatch(draft.Code) || draft.Code == RuleSetCatalog.Default)
            return Invalid("code");
        foreach (var (field, value) in new[] { ("nameRu", draft.NameRu), ("nameKk", draft.NameKk), ("nameEn", draft.NameEn) })
        {
            if (Text(field, value, MaxRegionName, required: true) is { } error)
                return error;
        }

        if (Empty(draft.TimeZone) is { } timeZone)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) || !timeZone.Contains('/', StringComparison.Ordinal))
                return Invalid("timeZone");
            // The rule set is the one source of a region's time zone (ADR 13): a time zone given here is only checked.
            var inForce = rules.For(draft.Code).RuleSet.Policy.TimeZoneId;
            if (timeZone != inForce)
                return Error.Of(ErrorCodes.TimeZoneMismatch, ("field", "timeZone"), ("timeZone", timeZone), ("ruleSetTimeZone", inForce));
        }

        var phone = Empty(draft.SupportPhone);
        if (phone is not null && !SupportPhone().IsMatch(phone))
            return Invalid("supportPhone");
        var email = Empty(draft.SupportEmail);
        if (email is not null && (!Applicant.IsEmail(email) || CsvFile.LooksLikeFormula(email)))
            return Error.Of(ErrorCodes.InvalidEmail, ("field", "supportEmail"));
        foreach (var (field, value) in new[] { ("supportHoursRu", draft.SupportHoursRu), ("supportHoursKk", draft.SupportHoursKk) })
        {
            if (Text(field, value ?? "", MaxHours, required: false) is { } error)
                return error;
        }

        return new RegionDescription(draft.NameRu.Trim(), draft.NameKk.Trim(), draft.NameEn.Trim(),
            new SupportContacts(phone, email, Empty(draft.SupportHoursRu), Empty(draft.SupportHoursKk)));
    }

    public static Result<CheckedKindergarten> Check(KindergartenDraft draft)
    {
        var bin = Bin.Parse(draft.Bin);
        if (!bin.IsSuccess)
            return Error.Of(ErrorCodes.InvalidBin, ("field", "bin"), ("bin", bin.Error!.Arguments!["bin"]));
        foreach (var (field, value) in new[]
                 {
                     ("nameRu", draft.NameRu), ("nameKk", draft.NameKk), ("addressRu", draft.AddressRu), ("addressKk", draft.AddressKk),
                 })
        {
            if (Text(field, value, MaxName, required: true) is { } error)
                return error;
        }

        var location = GeoPoint.InKazakhstan(draft.Latitude, draft.Longitude);
        if (!location.IsSuccess)
            return Error.Of(ErrorCodes.CoordinatesOutOfRange, ("field", draft.Latitude is < GeoPoint.MinLatitude or > GeoPoint.MaxLatitude ? "latitude" : "longitude"),
                ("latitude", draft.Latitude.ToString(CultureInfo.InvariantCulture)), ("longitude", draft.Longitude.ToString(CultureInfo.InvariantCulture)));

        if (draft.Languages.Count == 0)
            return Invalid("languages");
        foreach (var language in draft.Languages)
        {
            if (!Taught.Contains(language))
                return UnknownLanguage("languages", language);
        }

        var languages = Taught.Where(draft.Languages.Contains).ToList();
        var groups = new List<GroupDraft>();
        foreach (var group in draft.Groups)
        {
            if (!Taught.Contains(group.Language))
                return UnknownLanguage("groups", group.Language);
            if (!languages.Contains(group.Language))
                return Error.Of(ErrorCodes.LanguageNotTaught, ("field", "groups"), ("language", group.Language));
            if (!GroupYear.Of(group.GroupYear).IsSuccess)
                return Error.Of(ErrorCodes.InvalidGroupYear, ("field", "groups"));
            if (group.Capacity is < 1 or > KindergartenGroup.MaxCapacity
                || groups.Any(g => g.GroupYear == group.GroupYear && g.Language == group.Language))
                return Invalid("groups");
            groups.Add(group);
        }

        return new CheckedKindergarten(draft.Region.Trim(), bin.Value, new KindergartenDescription(draft.NameRu.Trim(), draft.NameKk.Trim(),
            draft.AddressRu.Trim(), draft.AddressKk.Trim(), location.Value, languages, draft.Ownership), groups);
    }

    /// <summary>"kk", "ru" or both, however separated (comma, semicolon, space) and written.</summary>
    public static IReadOnlyList<string> Languages(string text) =>
        [.. text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.ToLowerInvariant()).Distinct()];

    private static Error? Text(string field, string value, int maxLength, bool required)
    {
        var text = value.Trim();
        if ((required && text.Length == 0) || text.Length > maxLength)
            return Invalid(field);
        if (FreeText.Refusal(text, field, multiline: false) is { } unprintable)
            return unprintable;
        return CsvFile.LooksLikeFormula(text) ? Error.Of(ErrorCodes.FormulaLikeValue, ("field", field)) : null;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Error Invalid(string field) => Error.Of(ErrorCodes.InvalidInput, ("field", field));

    private static Error UnknownLanguage(string field, string language) =>
        Error.Of(ErrorCodes.UnknownLanguage, ("field", field), ("language", language.Length > 10 ? language[..10] : language));

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex RegionCode();

    /// <summary>A short number (1308), or a full one with +, spaces, brackets and hyphens: nothing a spreadsheet would compute.</summary>
    [GeneratedRegex(@"^(\+7|8)?[ (]*\d[\d ()-]{2,18}\d$")]
    private static partial Regex SupportPhone();
}
