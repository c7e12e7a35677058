using Kezek.Core.Words;

namespace Kezek.Core.People;

/// <summary>
/// How a person wants to hear from Kezek (seed 001: "При первом входе в систему, необходимо указать электронную
/// почту"): their e-mail and the language of messages, Russian or Kazakh.
/// </summary>
public sealed class ContactPreferences
{
    public ContactPreferences(string iin, string email, Language language, DateTime updatedAt)
    {
        Iin = iin;
        Email = email;
        Language = language;
        Update(email, language, updatedAt);
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private ContactPreferences()
    {
    }
#pragma warning restore CS8618

    public string Iin { get; private set; }

    public string Email { get; private set; }

    public Language Language { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Update(string email, Language language, DateTime now)
    {
        if (!Language.OfMessages.Contains(language))
            throw new ArgumentOutOfRangeException(nameof(language), "Messages are in Russian or Kazakh.");
        Email = email;
        Language = language;
        UpdatedAt = now;
    }
}
