using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Kezek.Core.Results;
using Kezek.Identity.Certificates;
using Kezek.Identity.Certificates.Revocation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kezek.Identity.Signatures;

/// <summary>What a key may be used for: AUTH keys sign logins, SIGN keys sign actions.</summary>
public enum KeyPurpose
{
    Authentication,
    Signing,
}

/// <summary>
/// A document whose signature held: the parsed document, the signer's subject and what showed that the signer's
/// certificate was not revoked (<see cref="RevocationVerdict.Evidence"/>: the OCSP answer or the CRL; null when revocation
/// is off or not checked yet).
/// </summary>
public sealed record VerifiedDocument(XmlDocument Document, NcaSubject Signer)
{
    public string? RevocationEvidence { get; init; }

    /// <summary>The signer's certificate (owned by the verifier's memory: not to be disposed).</summary>
    internal X509Certificate2? Certificate { get; init; }
}

/// <summary>
/// Checks an enveloped XMLDSig as NCALayer makes it, failing closed at every step: no DTD, exactly one
/// Signature (a child of the root) with exactly one Reference to the whole document (<c>URI=""</c>),
/// allow-listed algorithms and transforms, the signer's certificate in KeyInfo, validity at the injected
/// clock's now, the key usage of the purpose, a chain to the configured trusted roots only and, last, the signer's
/// certificate not revoked (<see cref="RevocationChecker"/>: OCSP, then CRL, refused when neither answers).
/// </summary>
public sealed class XmlSignatureVerifier(TrustedRoots roots, TimeProvider clock, IOptions<SignatureOptions> options,
    RevocationChecker revocation, SignatureRefusals refusals, ILogger<XmlSignatureVerifier> logger)
{
    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    private readonly SignerCertificates _signers = new();

    /// <summary>How many signers' certificates are remembered (only those whose signature and chain held are).</summary>
    public int RememberedSigners => _signers.Count;

    /// <summary>
    /// The whole check: <see cref="VerifySignature"/>, then the signer's certificate's revocation status — revoked is
    /// <c>CERTIFICATE_REVOKED</c>, no answer from OCSP nor CRL is <c>CERTIFICATE_REVOCATION_UNKNOWN</c>.
    /// </summary>
    public async Task<Result<VerifiedDocument>> VerifyAsync(string? signedXml, KeyPurpose purpose, CancellationToken cancellationToken)
    {
        var verified = VerifySignature(signedXml, purpose);
        if (!verified.IsSuccess)
            return verified;
        var certificate = verified.Value.Certificate!;
        var verdict = await revocation.CheckAsync(certificate, roots.IssuerOf(certificate), cancellationToken);
        return verdict.Status switch
        {
            RevocationStatus.Good => Kezek.Core.Observability.KezekMetrics.SignatureValid(verified.Value with { RevocationEvidence = verdict.Evidence }),
            RevocationStatus.Revoked => Refuse(ErrorCodes.CertificateRevoked, "revoked"),
            _ => Refuse(ErrorCodes.CertificateRevocationUnknown, "revocation unknown"),
        };
    }

    /// <summary>
    /// Everything but revocation: the document, the signature, the certificate's validity, key usage and chain. Callers that
    /// accept a signature use <see cref="VerifyAsync"/>.
    /// </summary>
    public Result<VerifiedDocument> VerifySignature(string? signedXml, KeyPurpose purpose)
    {
        try
        {
            return VerifyOrRefuse(signedXml, purpose);
        }
        catch (Exception exception) when (exception is CryptographicException or XmlException or InvalidOperationException
                                              or ArgumentException or FormatException or NotSupportedException)
        {
            // Whatever the parser or the crypto library cannot handle is refused, never let through.
            return Refuse("malformed: " + exception.GetType().Name);
        }
    }

    private Result<VerifiedDocument> VerifyOrRefuse(string? signedXml, KeyPurpose purpose)
    {
        if (string.IsNullOrWhiteSpace(signedXml) || Encoding.UTF8.GetByteCount(signedXml) > options.Value.MaxDocumentBytes)
            return Refuse("size");

        var document = Load(signedXml);
        var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (signatures.Count != 1 || signatures[0] is not XmlElement signatureElement
            || signatureElement.ParentNode != document.DocumentElement)
            return Refuse("signature-count");

        // The signer's certificate is read from KeyInfo here, and KeyInfo is taken out before SignedXml reads the
        // signature: KeyInfo is outside what is signed (the enveloped transform drops the whole Signature from the digest,
        // and the signature covers SignedInfo only), and SignedXml would parse the certificate again on every check.
        var keyInfo = signatureElement.GetElementsByTagName("KeyInfo", SignedXml.XmlDsigNamespaceUrl);
        var certificates = keyInfo.Count == 1 && keyInfo[0] is XmlElement info0
            ? info0.GetElementsByTagName("X509Certificate", SignedXml.XmlDsigNamespaceUrl)
            : null;
        if (certificates is not { Count: 1 } || keyInfo[0]!.ParentNode != signatureElement
            || certificates[0]!.ParentNode is not XmlElement { LocalName: "X509Data", NamespaceURI: SignedXml.XmlDsigNamespaceUrl } data
            || data.ParentNode != keyInfo[0])
            return Refuse("key-info");
        // Nothing unsigned rides along: the Signature holds SignedInfo, SignatureValue and KeyInfo only (a ds:Object, a
        // second <action> or a comment in it would be stored in the history as if it had been signed).
        if (signatureElement.ChildNodes.Cast<XmlNode>().Any(node => node switch
            {
                XmlElement element => element.NamespaceURI != SignedXml.XmlDsigNamespaceUrl
                                      || element.LocalName is not ("SignedInfo" or "SignatureValue" or "KeyInfo"),
                XmlWhitespace or XmlSignificantWhitespace => false,
                _ => true,
            }))
            return Refuse("unsigned-content");
        var signer = _signers.Of(Convert.FromBase64String(certificates[0]!.InnerText), out var remembered);
        signatureElement.RemoveChild(keyInfo[0]!);
        var verified = Check(document, signatureElement, signer, purpose);
        if (remembered)
            return verified;
        if (!verified.IsSuccess)
        {
            // Only a signature that holds fills the memory; a refused certificate is let go at once.
            signer.Dispose();
            return verified;
        }

        var kept = _signers.Remember(signer);
        return verified.Value with { Certificate = kept.Certificate };
    }

    private Result<VerifiedDocument> Check(XmlDocument document, XmlElement signatureElement, SignerCertificate signer, KeyPurpose purpose)
    {
        if (signer.PublicKey is null)
            return Refuse("key-algorithm");
        if (EnvelopedSignature.Check(document, signatureElement, signer.PublicKey) is { } refused)
            return Refuse(refused);

        var certificate = signer.Certificate;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            return Refuse(ErrorCodes.CertificateExpired, "validity");
        if (!HasKeyUsage(certificate, purpose))
            return Refuse(ErrorCodes.CertificateKeyUsage, purpose.ToString());
        if (!Chains(certificate, now))
            return Refuse(ErrorCodes.CertificateUntrusted, "chain");

        var subject = signer.Subject;
        if (subject is null)
            return Refuse("subject");
        return new VerifiedDocument(document, subject) { Certificate = certificate };
    }

    private static readonly XmlReaderSettings LoadSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1_000_000,
    };

    private static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), LoadSettings);
        document.Load(reader);
        return document;
    }

    /// <summary>
    /// An end-entity certificate (not a CA) with the usage of its purpose: AUTH keys digitalSignature and the
    /// clientAuth EKU, SIGN keys nonRepudiation.
    /// </summary>
    private static bool HasKeyUsage(X509Certificate2 certificate, KeyPurpose purpose)
    {
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
            return false;
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault();
        if (usage is null)
            return false;
        if (purpose == KeyPurpose.Signing)
            return usage.KeyUsages.HasFlag(X509KeyUsageFlags.NonRepudiation);

        var extended = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SingleOrDefault();
        return usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature)
               && extended is not null && extended.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ClientAuthenticationOid);
    }

    private bool Chains(X509Certificate2 certificate, DateTime now)
    {
        if (roots.Chains(certificate, now, out var status))
            return true;
        logger.LogDebug("Certificate chain refused: {Status}", status);
        return false;
    }

    private Error Refuse(string reason) => Refuse(ErrorCodes.SignatureInvalid, reason);

    /// <summary>Every refusal is counted with its reason (never with the document, which holds personal data).</summary>
    private Error Refuse(string code, string reason)
    {
        refusals.Count(code, reason);
        return Error.Of(code, ("reason", reason));
    }
}
