using System.Globalization;

namespace Kezek.Core.Results;

/// <summary>
/// What a person may type into Kezek (reasons, names, addresses, evidence): printable text. Control characters (but the line
/// breaks and tabs of a text area) and format characters — the bidirectional overrides such as U+202E that make a text
/// read differently from what is stored, zero-width characters — are refused with a clear error, never stored.
/// </summary>
public static class FreeText
{
    /// <summary>Why the text may not be stored (<see cref="ErrorCodes.TextCharactersInvalid"/> naming the field); null when it may.</summary>
    public static Error? Refusal(string? value, string field, bool multiline = true)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        foreach (var character in value)
        {
            var category = char.GetUnicodeCategory(character);
            var allowedBreak = multiline && character is '\n' or '\r' or '\t';
            if ((category == UnicodeCategory.Control && !allowedBreak) || category == UnicodeCategory.Format)
                return Error.Of(ErrorCodes.TextCharactersInvalid, ("field", field));
        }

        return null;
    }
}

/// <summary>The reason a person gives for an action (required, at most <see cref="MaxLength"/> characters, printable).</summary>
public static class Reason
{
    public const int MaxLength = 2000;

    /// <summary>Why the reason may not be taken; null when it may.</summary>
    public static Error? Refusal(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return Error.Of(ErrorCodes.ReasonRequired);
        if (reason.Length > MaxLength)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "reason"));
        return FreeText.Refusal(reason, "reason");
    }
}
