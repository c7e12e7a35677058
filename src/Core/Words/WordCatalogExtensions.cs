using Kezek.Core.Applications;
using Kezek.Core.Documents;

namespace Kezek.Core.Words;

public static class WordCatalogExtensions
{
    /// <summary>The message of an error code with its arguments put in; a <c>status</c> argument that names an
    /// application status is shown by its name in the same language, and a <c>problem</c> argument that names an error
    /// code (an import's bad line) by that error's message. Null when the code has no message.</summary>
    public static string? Message(this IWordCatalog words, string code, Language language, IReadOnlyDictionary<string, string>? arguments)
    {
        if (words.Find(WordSection.Errors, code, language) is not { } text)
            return null;
        foreach (var (name, value) in arguments ?? new Dictionary<string, string>())
        {
            var shown = name switch
            {
                "status" => words.Find(WordSection.Statuses, value, language) ?? value,
                "problem" => words.Message(value, language, arguments!.Where(a => a.Key != "problem").ToDictionary(a => a.Key, a => a.Value)) ?? value,
                _ => value,
            };
            text = text.Replace("{" + name + "}", shown, StringComparison.Ordinal);
        }

        return text;
    }

    public static string StatusName(this IWordCatalog words, ApplicationStatus status, Language language) =>
        words.Find(WordSection.Statuses, status.ToString(), language) ?? status.ToString();

    public static string DirectionStatusName(this IWordCatalog words, DirectionStatus status, Language language) =>
        words.Find(WordSection.DirectionStatuses, status.ToString(), language) ?? status.ToString();

    public static string BenefitName(this IWordCatalog words, BenefitCategory category, Language language) =>
        words.Find(WordSection.Benefits, category.ToString(), language) ?? category.ToString();

    public static string DocumentTitle(this IWordCatalog words, DocumentKind kind, Language language) =>
        words.Find(WordSection.Documents, kind.ToString(), language) ?? kind.ToString();
    /// <summary>A success message by its key (<see cref="WordSection.Messages"/>); the key itself when the catalog lacks it.</summary>
    public static string SuccessMessage(this IWordCatalog words, string key, Language language) =>
        words.Find(WordSection.Messages, key, language) ?? key;

    /// <summary>A history action's name; an action the catalog does not know (a trigger of a newer workflow) shows as it is.</summary>
    public static string ActionName(this IWordCatalog words, string action, Language language) =>
        words.Find(WordSection.Actions, action, language) ?? action;
}

/// <summary>The keys of <see cref="WordSection.Messages"/>: what a use case answers when it succeeded.</summary>
public static class SuccessMessages
{
    /// <summary>Seed 002: «Родство подтвердилось, данные успешно обновлены».</summary>
    public const string Attached = "ATTACHED";

    public const string ContactsUpdated = "CONTACTS_UPDATED";

    /// <summary>An allocation run's outcome in words (docs/allocation.md): a missed choice and who holds its seats, by category.</summary>
    public const string AllocationReason = "ALLOCATION_REASON";
    public const string AllocationTakenOutOfTurn = "ALLOCATION_TAKEN_OutOfTurn";
    public const string AllocationTakenPriority = "ALLOCATION_TAKEN_Priority";
    public const string AllocationTakenGeneral = "ALLOCATION_TAKEN_None";
    public const string AllocationPlaced = "ALLOCATION_PLACED";
    public const string AllocationNotPlaced = "ALLOCATION_NOT_PLACED";

    /// <summary>A transfer run's outcome in words: moved to a choice, or staying; each choice above with its free seats and the children moved in.</summary>
    public const string TransferMoved = "TRANSFER_MOVED";
    public const string TransferStayed = "TRANSFER_STAYED";
    public const string TransferReason = "TRANSFER_REASON";

    /// <summary>An intake run's holders, counted by the criterion that put each before the family (<c>ALLOCATION_DECIDED_</c> + criterion).</summary>
    public const string AllocationDecidedByBenefit = "ALLOCATION_DECIDED_benefit";
    public const string AllocationDecidedBySibling = "ALLOCATION_DECIDED_sibling";
    public const string AllocationDecidedByQueuedAt = "ALLOCATION_DECIDED_queuedAt";
    public const string AllocationDecidedByLottery = "ALLOCATION_DECIDED_lottery";
}
