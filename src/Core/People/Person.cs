using System.Text.RegularExpressions;

namespace Kezek.Core.People;

/// <summary>Full name as the civil registry or a certificate writes it (Cyrillic, upper or mixed case).</summary>
public static class PersonName
{
    /// <summary>Masks a full name for public answers: the first letter of each part, e.g. "А*** Б***".</summary>
    public static string Mask(string fullName) =>
        string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part[..1] + "***"));

    /// <summary>The form names are compared and searched in: trimmed, single-spaced, upper case.</summary>
    public static string Normalize(string fullName) =>
        string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToUpperInvariant();
}

/// <summary>Text that may reach a log: every twelve-digit run (an IIN or a BIN) is masked.</summary>
public static partial class PersonalData
{
    public static string Redact(string? text) =>
        text is null ? "" : TwelveDigits().Replace(text, match => match.Value[..6] + "******");

    [GeneratedRegex("(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex TwelveDigits();
}
