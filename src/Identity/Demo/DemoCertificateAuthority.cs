using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kezek.Identity.Certificates;
using Kezek.Identity.Signatures;

namespace Kezek.Identity.Demo;

/// <summary>A person a demo certificate is issued to, named as NCA RK names people.</summary>
public sealed record DemoPerson(string Iin, string Surname, string Name, string? Patronymic, string? Bin = null, string? Organization = null)
{
    public string CommonName => $"{Surname} {Name}";

    public string FullName => Patronymic is null ? CommonName : $"{CommonName} {Patronymic}";
}

/// <summary>
/// A certificate authority for the demo and the tests: a self-signed RSA root that issues NCA-shaped
/// AUTH and SIGN certificates. Production never trusts it: only Development adds its folder to the roots.
/// </summary>
public sealed class DemoCertificateAuthority : IDisposable
{
    private readonly RSA _key;

    private DemoCertificateAuthority(X509Certificate2 certificate, RSA key)
    {
        Certificate = certificate;
        _key = key;
    }

    /// <summary>The root certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    public static DemoCertificateAuthority Create(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("KZ");
        subject.AddCommonName(name);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var selfSigned = request.CreateSelfSigned(notBefore, notAfter);
        return new DemoCertificateAuthority(X509CertificateLoader.LoadCertificate(selfSigned.RawData), key);
    }

    /// <summary>Loads a root saved by <see cref="Save"/>.</summary>
    public static DemoCertificateAuthority Load(string pkcs12Path, string password)
    {
        var withKey = X509CertificateLoader.LoadPkcs12FromFile(pkcs12Path, password, X509KeyStorageFlags.Exportable);
        var key = withKey.GetRSAPrivateKey() ?? throw new InvalidOperationException("The demo CA file holds no RSA key.");
        return new DemoCertificateAuthority(X509CertificateLoader.LoadCertificate(withKey.RawData), key);
    }

    /// <summary>Writes the root with its key (PKCS#12) and its public certificate (.crt, for the trusted roots folder).</summary>
    public void Save(string pkcs12Path, string certificatePath, string password)
    {
        using var withKey = Certificate.CopyWithPrivateKey(_key);
        File.WriteAllBytes(pkcs12Path, withKey.Export(X509ContentType.Pkcs12, password));
        File.WriteAllText(certificatePath, Certificate.ExportCertificatePem());
    }

    /// <summary>An AUTH certificate (clientAuth) as NCALayer's AUTH_RSA256 keys have.</summary>
    public X509Certificate2 IssueAuthentication(DemoPerson person, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(person, notBefore, notAfter, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            [XmlSignatureVerifier.ClientAuthenticationOid]);

    /// <summary>A SIGN certificate (non-repudiation) as NCALayer's RSA256 keys have.</summary>
    public X509Certificate2 IssueSigning(DemoPerson person, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(person, notBefore, notAfter, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            ["1.3.6.1.5.5.7.3.4"]);

    /// <summary>A certificate with any key usage, for tests of refusals.</summary>
    public X509Certificate2 Issue(DemoPerson person, DateTimeOffset notBefore, DateTimeOffset notAfter,
        X509KeyUsageFlags keyUsage, IReadOnlyList<string> extendedKeyUsages, IEnumerable<X509Extension>? extensions = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(SubjectOf(person), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(keyUsage, true));
        if (extendedKeyUsages.Count > 0)
        {
            var usages = new OidCollection();
            foreach (var oid in extendedKeyUsages)
                usages.Add(new Oid(oid));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        foreach (var extension in extensions ?? [])
            request.CertificateExtensions.Add(extension);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfterWithinRoot = notAfter < Certificate.NotAfter ? notAfter : new DateTimeOffset(Certificate.NotAfter);
        using var issued = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForRSA(_key, RSASignaturePadding.Pkcs1),
            notBefore, notAfterWithinRoot, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so that the key is usable on every platform, as a loaded key file is.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12, ""), "", X509KeyStorageFlags.Exportable);
    }

    /// <summary>
    /// A CRL (DER) of this CA listing the given serial numbers (hex) as revoked, so that Kezek's revocation check answers for
    /// the demo and the tests as it does for NCA RK's certificates.
    /// </summary>
    public byte[] PublishCrl(System.Numerics.BigInteger number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate,
        IEnumerable<string>? revokedSerials = null)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var serial in revokedSerials ?? [])
            builder.AddEntry(Convert.FromHexString(serial), thisUpdate, X509RevocationReason.KeyCompromise);
        return builder.Build(Certificate.SubjectName, X509SignatureGenerator.CreateForRSA(_key, RSASignaturePadding.Pkcs1), number,
            nextUpdate, HashAlgorithmName.SHA256, X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false),
            thisUpdate);
    }

    public void Dispose() => _key.Dispose();

    private static X500DistinguishedName SubjectOf(DemoPerson person)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(person.CommonName);
        subject.Add(NcaSubject.SurnameOid, person.Surname, UniversalTagNumber.UTF8String);
        subject.Add(NcaSubject.SerialNumberOid, "IIN" + person.Iin, UniversalTagNumber.PrintableString);
        subject.AddCountryOrRegion("KZ");
        if (person.Organization is not null)
            subject.AddOrganizationName(person.Organization);
        if (person.Bin is not null)
            subject.Add(NcaSubject.OrganizationalUnitOid, "BIN" + person.Bin, UniversalTagNumber.UTF8String);
        if (person.Patronymic is not null)
            subject.Add(NcaSubject.GivenNameOid, person.Patronymic, UniversalTagNumber.UTF8String);
        return subject.Build();
    }
}
