using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kezek.Identity.Certificates.Revocation;

/// <summary>The small pieces of X.509 that OCSP and CRLs share, read with <see cref="AsnReader"/> (no third-party crypto).</summary>
internal static class Pkix
{
    public const string OcspSigningOid = "1.3.6.1.5.5.7.3.9";
    private const string CrlDistributionPointsOid = "2.5.29.31";
    private const string FreshestCrlOid = "2.5.29.46";

    /// <summary>A serial number as upper-case hex without leading zero bytes, for comparing.</summary>
    public static string Serial(ReadOnlySpan<byte> bigEndian)
    {
        var start = 0;
        while (start < bigEndian.Length - 1 && bigEndian[start] == 0)
            start++;
        return Convert.ToHexString(bigEndian[start..]);
    }

    public static string Serial(X509Certificate2 certificate) => Serial(certificate.SerialNumberBytes.Span);

    /// <summary>The subject key identifier (hex) of a CA, when it has one.</summary>
    public static string? KeyIdentifier(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifier;

    /// <summary>Reads a UTCTime or a GeneralizedTime.</summary>
    public static DateTime ReadTime(AsnReader reader) =>
        (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime()).UtcDateTime;

    /// <summary>Whether <paramref name="signature"/> over <paramref name="data"/> verifies with the certificate's key (RSA or ECDSA).</summary>
    public static bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlyMemory<byte> algorithm, ReadOnlySpan<byte> signature, X509Certificate2 signer)
    {
        var reader = new AsnReader(algorithm, AsnEncodingRules.DER).ReadSequence();
        var oid = reader.ReadObjectIdentifier();
        switch (oid)
        {
            case "1.2.840.113549.1.1.5":
            case "1.2.840.113549.1.1.11":
            case "1.2.840.113549.1.1.12":
            case "1.2.840.113549.1.1.13":
            {
                using var rsa = signer.GetRSAPublicKey();
                return rsa is not null && rsa.VerifyData(data, signature, RsaHash(oid), RSASignaturePadding.Pkcs1);
            }
            case "1.2.840.10045.4.3.2":
            case "1.2.840.10045.4.3.3":
            case "1.2.840.10045.4.3.4":
            {
                using var ecdsa = signer.GetECDsaPublicKey();
                var hash = oid.EndsWith(".2", StringComparison.Ordinal) ? HashAlgorithmName.SHA256
                    : oid.EndsWith(".3", StringComparison.Ordinal) ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA512;
                return ecdsa is not null && ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
            }
            default:
                // GOST and RSASSA-PSS answers are not understood: the caller treats them as no answer.
                return false;
        }
    }

    private static HashAlgorithmName RsaHash(string oid) => oid switch
    {
        "1.2.840.113549.1.1.5" => HashAlgorithmName.SHA1,
        "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
        "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>Whether a certificate (DER) was signed by the issuer's key: its TBS part verified with the issuer's public key.</summary>
    public static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
            return false;
        var outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
        var tbs = outer.ReadEncodedValue();
        var algorithm = outer.ReadEncodedValue();
        var signature = outer.ReadBitString(out _);
        return VerifySignature(tbs.Span, algorithm, signature, issuer);
    }

    /// <summary>The URIs of the CRL distribution points (and freshest-CRL points, for delta CRLs) of a certificate.</summary>
    public static IEnumerable<string> CrlUris(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value is not (CrlDistributionPointsOid or FreshestCrlOid))
                continue;
            var points = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (!point.HasData || !point.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    continue;
                var name = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
                if (!name.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    continue;
                var fullName = name.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
                while (fullName.HasData)
                {
                    var tag = fullName.PeekTag();
                    if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 6)))
                        yield return fullName.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6));
                    else
                        fullName.ReadEncodedValue();
                }
            }
        }
    }

    /// <summary>The OCSP URLs of a certificate's authority information access.</summary>
    public static IEnumerable<string> OcspUris(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().SelectMany(a => a.EnumerateOcspUris());

    /// <summary>The issuer of a certificate among candidates: same name, and the certificate's signature verifies with its key.</summary>
    public static X509Certificate2? IssuerAmong(X509Certificate2 certificate, IEnumerable<X509Certificate2> candidates) =>
        candidates.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData) && IsSignedBy(certificate, c));
}
