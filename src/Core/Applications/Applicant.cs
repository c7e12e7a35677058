using System.Net.Mail;
using System.Text.RegularExpressions;
using Kezek.Core.Iins;
using Kezek.Core.People;
using Kezek.Core.Results;

namespace Kezek.Core.Applications;

/// <summary>The person who submitted the application: the signer of the registration.</summary>
public sealed partial class Applicant
{
    private Applicant(string iin, string fullName, DateOnly? birthDate, string phone, string email)
    {
        Iin = iin;
        FullName = fullName;
        NameKey = PersonName.Normalize(fullName);
        BirthDate = birthDate;
        Phone = phone;
        Email = email;
    }

    public string Iin { get; private set; }

    public string FullName { get; private set; }

    /// <summary>The name as searched: <see cref="PersonName.Normalize"/>.</summary>
    public string NameKey { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>Normalised to +7XXXXXXXXXX.</summary>
    public string Phone { get; private set; }

    public string Email { get; private set; }

    /// <summary>The address the family gives (seed 000's card); null until given.</summary>
    public string? Address { get; private set; }

    /// <summary>Another mobile number to reach the family, normalised like <see cref="Phone"/>.</summary>
    public string? AdditionalPhone { get; private set; }

    public string? AdditionalEmail { get; private set; }

    public const int MaxAddressLength = 500;

    /// <summary>The same applicant, as a value of its own for another application (a move to another region).</summary>
    internal Applicant Copy() => new(Iin, FullName, BirthDate, Phone, Email)
    {
        Address = Address,
        AdditionalPhone = AdditionalPhone,
        AdditionalEmail = AdditionalEmail,
    };

    /// <summary>
    /// Sets the address and the additional contacts (an empty value clears one): a phone as <see cref="Create"/> takes it,
    /// an e-mail of the usual shape, an address of at most <see cref="MaxAddressLength"/> characters. Nothing changes
    /// when one is wrong.
    /// </summary>
    internal Result<Applicant> ChangeContacts(string? address, string? additionalPhone, string? additionalEmail)
    {
        var trimmedAddress = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (trimmedAddress is { Length: > MaxAddressLength })
            return Error.Of(ErrorCodes.InvalidInput, ("field", "address"));
        if (FreeText.Refusal(trimmedAddress, "address") is { } unprintable)
            return unprintable;
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(additionalPhone) && (phone = NormalizePhone(additionalPhone)) is null)
            return Error.Of(ErrorCodes.InvalidPhone);
        var email = string.IsNullOrWhiteSpace(additionalEmail) ? null : additionalEmail.Trim();
        if (email is not null && !IsEmail(email))
            return Error.Of(ErrorCodes.InvalidEmail);
        Address = trimmedAddress;
        AdditionalPhone = phone;
        AdditionalEmail = email;
        return this;
    }

    public static Result<Applicant> Create(Iin iin, string fullName, string phone, string email)
    {
        if (NormalizePhone(phone) is not { } normalizedPhone)
            return Error.Of(ErrorCodes.InvalidPhone);
        if (!IsEmail(email))
            return Error.Of(ErrorCodes.InvalidEmail);
        return new Applicant(iin.Value, fullName, iin.BirthDate, normalizedPhone, email.Trim());
    }

    /// <summary>
    /// A Kazakhstan mobile number in any usual spelling (+7 7xx…, 8 7xx…, 7xx…) as +77XXXXXXXXX; with a
    /// leading + the country code 7 must be written, so a digit missing after "+7" is not silently filled in.
    /// </summary>
    public static string? NormalizePhone(string? phone)
    {
        var text = phone?.Trim() ?? "";
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.StartsWith('+'))
            digits = digits.Length == 11 && digits[0] == '7' ? digits[1..] : "";
        else if (digits.Length == 11 && digits[0] is '8' or '7')
            digits = digits[1..];
        return digits.Length == 10 && digits[0] == '7' ? "+7" + digits : null;
    }

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !EmailShape().IsMatch(email.Trim()))
            return false;
        return MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim();
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
