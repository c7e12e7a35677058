using System.Security.Cryptography.X509Certificates;

namespace Kezek.Identity.Certificates;

/// <summary>
/// The person an NCA RK certificate names, read by OID: SERIALNUMBER carries <c>IIN</c> + 12 digits,
/// CN the surname and given name, SURNAME the surname, GIVENNAME the patronymic, OU <c>BIN</c> + 12 digits
/// for a legal entity's employee.
/// </summary>
public sealed record NcaSubject(string Iin, string CommonName, string? Surname, string? Patronymic, string? Bin, string? Organization)
{
    public const string CommonNameOid = "2.5.4.3";
    public const string SurnameOid = "2.5.4.4";
    public const string SerialNumberOid = "2.5.4.5";
    public const string CountryOid = "2.5.4.6";
    public const string OrganizationOid = "2.5.4.10";
    public const string OrganizationalUnitOid = "2.5.4.11";
    public const string GivenNameOid = "2.5.4.42";

    /// <summary>Full name as people write it: CN (surname and name) and the patronymic.</summary>
    public string FullName => Patronymic is null ? CommonName : $"{CommonName} {Patronymic}";

    /// <summary>The subject, or null when the certificate names no individual with an IIN.</summary>
    public static NcaSubject? From(X509Certificate2 certificate)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
                continue;
            var oid = rdn.GetSingleElementType().Value;
            var value = rdn.GetSingleElementValue();
            if (oid is not null && value is not null)
                attributes.TryAdd(oid, value.Trim());
        }

        if (!attributes.TryGetValue(SerialNumberOid, out var serial) || !TryDigits(serial, "IIN", out var iin))
            return null;
        if (!attributes.TryGetValue(CommonNameOid, out var commonName) || commonName.Length == 0)
            return null;

        string? bin = null;
        if (attributes.TryGetValue(OrganizationalUnitOid, out var unit) && TryDigits(unit, "BIN", out var parsedBin))
            bin = parsedBin;

        return new NcaSubject(iin, commonName, attributes.GetValueOrDefault(SurnameOid),
            attributes.GetValueOrDefault(GivenNameOid), bin, attributes.GetValueOrDefault(OrganizationOid));
    }

    private static bool TryDigits(string value, string prefix, out string digits)
    {
        digits = "";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var rest = value[prefix.Length..];
        if (rest.Length != 12 || !rest.All(char.IsAsciiDigit))
            return false;
        digits = rest;
        return true;
    }
}
