using Kezek.Core.Applications;

namespace Kezek.Core.Words;

public static class WordCatalogExtensions
{
    /// <summary>The message of an error code with its arguments put in; a <c>status</c> argument that names an
    /// application status is shown by its name in the same language. Null when the code has no message.</summary>
    public static string? Message(this IWordCatalog words, string code, string language, IReadOnlyDictionary<string, string>? arguments)
    {
        if (words.Find(WordSection.Errors, code, language) is not { } text)
            return null;
        foreach (var (name, value) in arguments ?? new Dictionary<string, string>())
        {
            var shown = name == "status" ? words.Find(WordSection.Statuses, value, language) ?? value : value;
            text = text.Replace("{" + name + "}", shown, StringComparison.Ordinal);
        }

        return text;
    }

    public static string StatusName(this IWordCatalog words, ApplicationStatus status, string language) =>
        words.Find(WordSection.Statuses, status.ToString(), language) ?? status.ToString();

    public static string DirectionStatusName(this IWordCatalog words, DirectionStatus status, string language) =>
        words.Find(WordSection.DirectionStatuses, status.ToString(), language) ?? status.ToString();

    /// <summary>A success message by its key (<see cref="WordSection.Messages"/>); the key itself when the catalog lacks it.</summary>
    public static string SuccessMessage(this IWordCatalog words, string key, string language) =>
        words.Find(WordSection.Messages, key, language) ?? key;

    /// <summary>A history action's name; an action the catalog does not know (a trigger of a newer workflow) shows as it is.</summary>
    public static string ActionName(this IWordCatalog words, string action, string language) =>
        words.Find(WordSection.Actions, action, language) ?? action;
}

/// <summary>The keys of <see cref="WordSection.Messages"/>: what a use case answers when it succeeded.</summary>
public static class SuccessMessages
{
    /// <summary>Seed 002: «Родство подтвердилось, данные успешно обновлены».</summary>
    public const string Attached = "ATTACHED";

    public const string ContactsUpdated = "CONTACTS_UPDATED";
}
