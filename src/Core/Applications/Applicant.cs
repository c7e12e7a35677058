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
