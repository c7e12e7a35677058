using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;

namespace Kezek.Identity.Certificates.Revocation;

/// <summary>
/// A CRL (RFC 5280) read with <see cref="AsnReader"/>: its issuer, window, number, delta indicator and revoked serials. Its
/// signature is checked against an issuer's key with <see cref="IsSignedBy"/> before anything in it is believed.
/// </summary>
public sealed class CertificateRevocationList
{
    private const string CrlNumberOid = "2.5.29.20";
    private const string DeltaCrlIndicatorOid = "2.5.29.27";
    private const string ReasonCodeOid = "2.5.29.21";
    private const int RemoveFromCrl = 8;

    private readonly ReadOnlyMemory<byte> _tbs;
    private readonly ReadOnlyMemory<byte> _algorithm;
    private readonly byte[] _signature;

    // Serial → whether the entry takes the certificate off the list (removeFromCRL, in a delta CRL).
    private readonly Dictionary<string, bool> _entries = new(StringComparer.Ordinal);

    private CertificateRevocationList(ReadOnlyMemory<byte> tbs, ReadOnlyMemory<byte> algorithm, byte[] signature)
    {
        _tbs = tbs;
        _algorithm = algorithm;
        _signature = signature;
    }

    public required X500DistinguishedName Issuer { get; init; }

    public required DateTime ThisUpdate { get; init; }

    public DateTime? NextUpdate { get; init; }

    public BigInteger? Number { get; private set; }

    /// <summary>On a delta CRL, the number of the full CRL it completes; null on a full CRL.</summary>
    public BigInteger? BaseNumber { get; private set; }

    public bool IsDelta => BaseNumber is not null;

    public int Count => _entries.Count;

    public static CertificateRevocationList Parse(byte[] encoded)
    {
        // A CRL may come PEM-armoured (openssl's default) or as DER (what distribution points serve).
        if (encoded.Length > 0 && encoded[0] == (byte)'-')
        {
            var text = System.Text.Encoding.ASCII.GetString(encoded);
            var fields = System.Security.Cryptography.PemEncoding.Find(text);
            encoded = Convert.FromBase64String(text[fields.Base64Data]);
        }

        var outer = new AsnReader(encoded, AsnEncodingRules.DER);
        var list = outer.ReadSequence();
        var tbs = list.ReadEncodedValue();
        var algorithm = list.ReadEncodedValue();
        var signature = list.ReadBitString(out _);

        var reader = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
        if (reader.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            reader.ReadInteger();
        reader.ReadEncodedValue(); // signature algorithm, repeated
        var issuer = new X500DistinguishedName(reader.ReadEncodedValue().Span);
        var thisUpdate = Pkix.ReadTime(reader);
        DateTime? nextUpdate = null;
        if (reader.HasData && (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || reader.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            nextUpdate = Pkix.ReadTime(reader);
        var crl = new CertificateRevocationList(tbs, algorithm, signature) { Issuer = issuer, ThisUpdate = thisUpdate, NextUpdate = nextUpdate };

        if (reader.HasData && reader.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var revoked = reader.ReadSequence();
            while (revoked.HasData)
            {
                var entry = revoked.ReadSequence();
                var serial = Pkix.Serial(entry.ReadIntegerBytes().Span);
                Pkix.ReadTime(entry);
                var removed = false;
                if (entry.HasData)
                {
                    foreach (var (oid, value) in Extensions(entry.ReadSequence()))
                    {
                        if (oid == ReasonCodeOid)
                            removed = new AsnReader(value, AsnEncodingRules.DER).ReadEnumeratedBytes().Span is [RemoveFromCrl];
                    }
                }

                crl._entries[serial] = removed;
            }
        }

        if (reader.HasData)
        {
            var extensions = reader.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
            foreach (var (oid, value) in Extensions(extensions))
            {
                if (oid == CrlNumberOid)
                    crl.Number = new AsnReader(value, AsnEncodingRules.DER).ReadInteger();
                else if (oid == DeltaCrlIndicatorOid)
                    crl.BaseNumber = new AsnReader(value, AsnEncodingRules.DER).ReadInteger();
            }
        }

        return crl;
    }

    private static List<(string Oid, byte[] Value)> Extensions(AsnReader extensions)
    {
        var read = new List<(string, byte[])>();
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                extension.ReadBoolean();
            read.Add((oid, extension.ReadOctetString()));
        }

        return read;
    }

    /// <summary>Whether the issuer's name is this CRL's issuer and its key signed the CRL.</summary>
    public bool IsSignedBy(X509Certificate2 issuer) =>
        issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData)
        && Pkix.VerifySignature(_tbs.Span, _algorithm, _signature, issuer);

    /// <summary>Whether the CRL is in force at <paramref name="now"/>: issued (with a small skew) and not past its nextUpdate.</summary>
    public bool IsCurrent(DateTime now, TimeSpan skew) => ThisUpdate <= now + skew && NextUpdate is { } next && now <= next;

    /// <summary>Whether the serial is listed as revoked (an entry with removeFromCRL takes it off instead).</summary>
    public bool? Lists(string serial) => _entries.TryGetValue(serial, out var removed) ? !removed : null;
}
