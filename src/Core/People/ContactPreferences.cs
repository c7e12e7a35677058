namespace Kezek.Core.People;

/// <summary>
/// How a person wants to hear from Kezek (seed 001: "При первом входе в систему, необходимо указать электронную
/// почту"): their e-mail and the language of messages, "ru" or "kk".
/// </summary>
public sealed class ContactPreferences
{
    public static readonly IReadOnlyList<string> Languages = ["ru", "kk"];

    public ContactPreferences(string iin, string email, string language, DateTime updatedAt)
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

    public string Language { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Update(string email, string language, DateTime now)
    {
        if (!Languages.Contains(language))
            throw new ArgumentOutOfRangeException(nameof(language), "ru or kk");
        Email = email;
        Language = language;
        UpdatedAt = now;
    }
}
