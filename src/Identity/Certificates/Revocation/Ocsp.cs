using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kezek.Identity.Certificates.Revocation;

/// <summary>What an OCSP responder said of one certificate, once its answer was verified.</summary>
public enum OcspStatus
{
    Good,
    Revoked,

    /// <summary>The responder does not know the certificate, or its answer could not be verified: no answer.</summary>
    NoAnswer,
}

/// <summary>A verified OCSP answer: the status, its window and the response's bytes (the evidence).</summary>
public sealed record OcspAnswer(OcspStatus Status, DateTime ThisUpdate, DateTime? NextUpdate, byte[] Response, string? Fault = null)
{
    public static OcspAnswer Refused(string fault) => new(OcspStatus.NoAnswer, default, null, [], fault);
}

/// <summary>
/// OCSP (RFC 6960) written with <see cref="AsnWriter"/> and <see cref="AsnReader"/>: a request for one certificate with a
/// nonce, and the full check of the answer — status successful, a BasicOCSPResponse signed by the issuer or by a responder
/// certificate the issuer delegated (id-kp-OCSPSigning), the same CertID, the same nonce and a current window.
/// </summary>
public static class Ocsp
{
    public const string ContentType = "application/ocsp-request";
    private const string BasicResponseOid = "1.3.6.1.5.5.7.48.1.1";
    private const string NonceOid = "1.3.6.1.5.5.7.48.1.2";
    private const string Sha1Oid = "1.3.14.3.2.26";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>The DER of an OCSPRequest for the certificate, with the nonce as its extension.</summary>
    public static byte[] Request(X509Certificate2 certificate, X509Certificate2 issuer, HashAlgorithmName hash, byte[] nonce)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) // OCSPRequest
        using (writer.PushSequence()) // TBSRequest
        {
            using (writer.PushSequence()) // requestList
            using (writer.PushSequence()) // Request
                WriteCertId(writer, certificate, issuer, hash);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, true))) // requestExtensions
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(NonceOid);
                var value = new AsnWriter(AsnEncodingRules.DER);
                value.WriteOctetString(nonce);
                writer.WriteOctetString(value.Encode());
            }
        }

        return writer.Encode();
    }

    private static void WriteCertId(AsnWriter writer, X509Certificate2 certificate, X509Certificate2 issuer, HashAlgorithmName hash)
    {
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(hash == HashAlgorithmName.SHA256 ? Sha256Oid : Sha1Oid);
                writer.WriteNull();
            }

            writer.WriteOctetString(Hash(hash, issuer.SubjectName.RawData));
            writer.WriteOctetString(Hash(hash, issuer.PublicKey.EncodedKeyValue.RawData));
            writer.WriteInteger(certificate.SerialNumberBytes.Span);
        }
    }

    // RFC 6960 names SHA-1 for CertID and the responder's KeyHash; it identifies, it does not sign.
#pragma warning disable CA5350
    private static byte[] Hash(HashAlgorithmName hash, byte[] data) =>
        hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data) : SHA1.HashData(data);
#pragma warning restore CA5350

    /// <summary>Reads and verifies an OCSPResponse for the certificate; anything wrong in it is no answer, with the fault named.</summary>
    public static OcspAnswer Read(byte[] response, X509Certificate2 certificate, X509Certificate2 issuer, byte[] nonce, DateTime now, TimeSpan skew)
    {
        try
        {
            return ReadOrRefuse(response, certificate, issuer, nonce, now, skew);
        }
        catch (Exception exception) when (exception is AsnContentException or CryptographicException or ArgumentException
                                              or FormatException or InvalidOperationException)
        {
            return OcspAnswer.Refused("malformed: " + exception.GetType().Name);
        }
    }

    private static OcspAnswer ReadOrRefuse(byte[] response, X509Certificate2 certificate, X509Certificate2 issuer, byte[] nonce,
        DateTime now, TimeSpan skew)
    {
        var outer = new AsnReader(response, AsnEncodingRules.DER);
        var ocspResponse = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var status = ocspResponse.ReadEnumeratedValue<ResponseStatus>();
        if (status != ResponseStatus.Successful)
            return OcspAnswer.Refused("status " + status);
        var bytes = ocspResponse.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
        if (bytes.ReadObjectIdentifier() != BasicResponseOid)
            return OcspAnswer.Refused("not a basic response");
        var basic = new AsnReader(bytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbs = basic.ReadEncodedValue();
        var algorithm = basic.ReadEncodedValue();
        var signature = basic.ReadBitString(out _);
        var included = new List<X509Certificate2>();
        try
        {
            if (basic.HasData)
            {
                var certs = basic.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
                while (certs.HasData)
                    included.Add(X509CertificateLoader.LoadCertificate(certs.ReadEncodedValue().Span));
            }

            var data = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (data.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            {
                var version = data.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadInteger();
                if (version != 0)
                    return OcspAnswer.Refused("version");
            }

            var responderId = data.ReadEncodedValue();
            var signer = ResponderOf(responderId, issuer, included, now);
            if (signer is null)
                return OcspAnswer.Refused("responder not the issuer nor delegated by it");
            if (!Pkix.VerifySignature(tbs.Span, algorithm, signature, signer))
                return OcspAnswer.Refused("signature");

            data.ReadGeneralizedTime(); // producedAt
            var responses = data.ReadSequence();
            byte[]? answeredNonce = null;
            if (data.HasData)
            {
                var extensions = data.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)).ReadSequence();
                while (extensions.HasData)
                {
                    var extension = extensions.ReadSequence();
                    var oid = extension.ReadObjectIdentifier();
                    if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                        extension.ReadBoolean();
                    var value = extension.ReadOctetString();
                    if (oid == NonceOid)
                        answeredNonce = NonceValue(value);
                }
            }

            if (answeredNonce is null || !CryptographicOperations.FixedTimeEquals(answeredNonce, nonce))
                return OcspAnswer.Refused("nonce");

            while (responses.HasData)
            {
                var single = responses.ReadSequence();
                var certId = single.ReadSequence();
                if (!SameCertId(certId, certificate, issuer))
                    continue;
                var statusTag = single.PeekTag();
                single.ReadEncodedValue();
                var thisUpdate = single.ReadGeneralizedTime().UtcDateTime;
                DateTime? nextUpdate = null;
                if (single.HasData && single.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                    nextUpdate = single.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadGeneralizedTime().UtcDateTime;
                if (thisUpdate > now + skew)
                    return OcspAnswer.Refused("thisUpdate in the future");
                if (nextUpdate is { } next && next < now)
                    return OcspAnswer.Refused("nextUpdate past");
                if (statusTag.TagClass != TagClass.ContextSpecific)
                    return OcspAnswer.Refused("status tag");
                return statusTag.TagValue switch
                {
                    0 => new OcspAnswer(OcspStatus.Good, thisUpdate, nextUpdate, response),
                    1 => new OcspAnswer(OcspStatus.Revoked, thisUpdate, nextUpdate, response),
                    _ => OcspAnswer.Refused("unknown to the responder"),
                };
            }

            return OcspAnswer.Refused("no answer for this certificate");
        }
        finally
        {
            foreach (var certificateIncluded in included)
                certificateIncluded.Dispose();
        }
    }

    /// <summary>The nonce is an OCTET STRING inside the extension's value; some responders put the bare bytes.</summary>
    private static byte[] NonceValue(byte[] value)
    {
        try
        {
            var reader = new AsnReader(value, AsnEncodingRules.DER);
            var inner = reader.ReadOctetString();
            return reader.HasData ? value : inner;
        }
        catch (AsnContentException)
        {
            return value;
        }
    }

    /// <summary>
    /// The certificate that signed the answer, as its ResponderID names it: the issuer itself, or a certificate of the answer
    /// that the issuer signed, valid now, with the id-kp-OCSPSigning usage.
    /// </summary>
    private static X509Certificate2? ResponderOf(ReadOnlyMemory<byte> responderId, X509Certificate2 issuer, List<X509Certificate2> included,
        DateTime now)
    {
        var reader = new AsnReader(responderId, AsnEncodingRules.DER);
        var tag = reader.PeekTag();
        var choice = reader.ReadSequence(tag);
        Func<X509Certificate2, bool> named;
        if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
        {
            var name = choice.ReadEncodedValue().ToArray();
            named = c => c.SubjectName.RawData.AsSpan().SequenceEqual(name);
        }
        else if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 2)))
        {
            var keyHash = choice.ReadOctetString();
            named = c => Hash(HashAlgorithmName.SHA1, c.PublicKey.EncodedKeyValue.RawData).AsSpan().SequenceEqual(keyHash);
        }
        else
        {
            return null;
        }

        if (named(issuer))
            return issuer;
        return included.FirstOrDefault(c => named(c) && IsDelegatedResponder(c, issuer, now));
    }

    private static bool IsDelegatedResponder(X509Certificate2 responder, X509Certificate2 issuer, DateTime now) =>
        now >= responder.NotBefore.ToUniversalTime() && now <= responder.NotAfter.ToUniversalTime()
        && responder.Extensions.OfType<X509EnhancedKeyUsageExtension>().Any(e => e.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
            .Any(o => o.Value == Pkix.OcspSigningOid))
        && Pkix.IsSignedBy(responder, issuer);

    private static bool SameCertId(AsnReader certId, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var algorithm = certId.ReadSequence().ReadObjectIdentifier();
        var hash = algorithm switch
        {
            Sha1Oid => HashAlgorithmName.SHA1,
            Sha256Oid => HashAlgorithmName.SHA256,
            _ => default,
        };
        if (hash == default)
            return false;
        var nameHash = certId.ReadOctetString();
        var keyHash = certId.ReadOctetString();
        var serial = certId.ReadIntegerBytes();
        return nameHash.AsSpan().SequenceEqual(Hash(hash, issuer.SubjectName.RawData))
               && keyHash.AsSpan().SequenceEqual(Hash(hash, issuer.PublicKey.EncodedKeyValue.RawData))
               && Pkix.Serial(serial.Span) == Pkix.Serial(certificate);
    }

    private enum ResponseStatus
    {
        Successful = 0,
        MalformedRequest = 1,
        InternalError = 2,
        TryLater = 3,
        SigRequired = 5,
        Unauthorized = 6,
    }
}
