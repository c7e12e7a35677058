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
