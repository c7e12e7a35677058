using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Kezek.Core.Results;
using Kezek.Identity.Signatures;

namespace Kezek.UnitTests.Signatures;

public sealed class XmlSignatureVerifierTests(SignatureFixture keys) : IClassFixture<SignatureFixture>
{
    private static readonly ActionField[] Fields = [new("applicationNumber", "ALM.2026.000001.1"), new("reason", "переезд")];

    private static string Action(string nonce = "n-1") => ActionDocument.Action("withdrawApplication", nonce, Fields);

    [Fact]
    public void A_document_signed_with_a_trusted_SIGN_key_verifies_and_names_the_signer()
    {
        var result = keys.Verifier().VerifySignature(XmlSigner.Sign(Action(), keys.Signing), KeyPurpose.Signing);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("900514410214", result.Value.Signer.Iin);
        Assert.Equal("АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ", result.Value.Signer.FullName);
        Assert.Equal("АХМЕТОВА", result.Value.Signer.Surname);
    }

    [Fact]
    public void A_changed_field_after_signing_is_refused()
    {
        var signed = XmlSigner.Sign(Action(), keys.Signing).Replace("ALM.2026.000001.1", "ALM.2026.000002.1", StringComparison.Ordinal);

        AssertRefused(keys.Verifier().VerifySignature(signed, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Theory]
    [InlineData("<X509Data>", "</X509Data>", "<KeyName>", "</KeyName>")] // the certificate outside X509Data
    [InlineData("<KeyInfo>", "</KeyInfo>", "<KeyInfo><KeyInfo>", "</KeyInfo></KeyInfo>")] // KeyInfo inside KeyInfo
    public void A_certificate_anywhere_but_KeyInfo_X509Data_is_refused(string open, string close, string newOpen, string newClose)
    {
        var signed = XmlSigner.Sign(Action(), keys.Signing);
        Assert.Contains(open, signed, StringComparison.Ordinal);
        var moved = signed.Replace(open, newOpen, StringComparison.Ordinal).Replace(close, newClose, StringComparison.Ordinal);

        AssertRefused(keys.Verifier().VerifySignature(moved, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Fact]
    public void A_changed_signature_value_is_refused()
    {
        var document = Load(XmlSigner.Sign(Action(), keys.Signing));
        var value = document.GetElementsByTagName("SignatureValue", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var bytes = Convert.FromBase64String(value.InnerText);
        bytes[10] ^= 0xFF;
        value.InnerText = Convert.ToBase64String(bytes);

        AssertRefused(keys.Verifier().VerifySignature(document.OuterXml, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Fact]
    public void A_wrapped_signature_is_refused()
    {
        // The attacker keeps the genuine signed action inside a new root that says something else.
        var genuine = Load(XmlSigner.Sign(Action(), keys.Signing));
        var forged = Load(ActionDocument.Action("withdrawApplication", "n-1",
            [new ActionField("applicationNumber", "ALM.2026.000999.1"), new ActionField("reason", "x")]));
        var wrapper = forged.CreateElement("wrapper", ActionDocument.Namespace);
        wrapper.AppendChild(forged.ImportNode(genuine.DocumentElement!, deep: true));
        forged.DocumentElement!.AppendChild(wrapper);

        AssertRefused(keys.Verifier().VerifySignature(forged.OuterXml, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Fact]
    public void A_second_signature_is_refused()
    {
        var document = Load(XmlSigner.Sign(Action(), keys.Signing));
        var signature = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!;
        document.DocumentElement!.AppendChild(signature.CloneNode(deep: true));

        AssertRefused(keys.Verifier().VerifySignature(document.OuterXml, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Fact]
    public void A_reference_to_part_of_the_document_is_refused()
    {
        var document = Load(Action());
        document.DocumentElement!.SetAttribute("Id", "part");
        var signed = new SignedXml(document) { SigningKey = keys.Signing.GetRSAPrivateKey() };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#part") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(keys.Signing));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        document.DocumentElement.AppendChild(document.ImportNode(signed.GetXml(), true));

        AssertRefused(keys.Verifier().VerifySignature(document.OuterXml, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Fact]
    public void An_algorithm_outside_the_allow_list_is_refused()
    {
        var document = Load(Action());
        var signed = new SignedXml(document) { SigningKey = keys.Signing.GetRSAPrivateKey() };
        signed.SignedInfo!.SignatureMethod = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
        var reference = new Reference("") { DigestMethod = "http://www.w3.org/2000/09/xmldsig#sha1" };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(keys.Signing));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), true));

        AssertRefused(keys.Verifier().VerifySignature(document.OuterXml, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Fact]
    public void A_document_with_a_DTD_is_refused_before_anything_is_resolved()
    {
        var signed = XmlSigner.Sign(Action(), keys.Signing);
        var withDtd = "<!DOCTYPE action [<!ENTITY x \"y\">]>" + signed;

        AssertRefused(keys.Verifier().VerifySignature(withDtd, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<action xmlns=\"urn:kezek:action:1\"><name>x</name></action>")]
    public void Garbage_and_unsigned_documents_are_refused(string xml) =>
        AssertRefused(keys.Verifier().VerifySignature(xml, KeyPurpose.Signing), ErrorCodes.SignatureInvalid);

    [Fact]
    public void A_certificate_from_an_untrusted_CA_is_refused_even_with_the_same_CA_name() =>
        AssertRefused(keys.Verifier().VerifySignature(XmlSigner.Sign(Action(), keys.UntrustedSigning), KeyPurpose.Signing),
            ErrorCodes.CertificateUntrusted);

    [Fact]
    public void An_expired_certificate_is_refused() =>
        AssertRefused(keys.Verifier().VerifySignature(XmlSigner.Sign(Action(), keys.ExpiredSigning), KeyPurpose.Signing),
            ErrorCodes.CertificateExpired);

    [Fact]
    public void A_certificate_is_refused_before_it_becomes_valid()
    {
        var verifier = SignatureFixture.Verifier(new([keys.Trusted.Certificate]), SignatureFixture.Now.AddDays(-30));

        AssertRefused(verifier.VerifySignature(XmlSigner.Sign(Action(), keys.Signing), KeyPurpose.Signing), ErrorCodes.CertificateExpired);
    }

    [Fact]
    public void An_AUTH_key_cannot_sign_an_action() =>
        AssertRefused(keys.Verifier().VerifySignature(XmlSigner.Sign(Action(), keys.Authentication), KeyPurpose.Signing),
            ErrorCodes.CertificateKeyUsage);

    [Fact]
    public void A_SIGN_key_cannot_sign_a_login() =>
        AssertRefused(keys.Verifier().VerifySignature(XmlSigner.Sign(ActionDocument.Login("n"), keys.Signing), KeyPurpose.Authentication),
            ErrorCodes.CertificateKeyUsage);

    [Fact]
    public void With_no_trusted_certificates_nothing_verifies()
    {
        var verifier = SignatureFixture.Verifier(new([]), SignatureFixture.Now);

        AssertRefused(verifier.VerifySignature(XmlSigner.Sign(Action(), keys.Signing), KeyPurpose.Signing), ErrorCodes.CertificateUntrusted);
    }

    [Fact]
    public void A_certificate_without_an_IIN_is_refused()
    {
        using var organisation = keys.Trusted.Issue(new Identity.Demo.DemoPerson("NOT-AN-IIN", "X", "Y", null),
            SignatureFixture.Now.AddDays(-1), SignatureFixture.Now.AddDays(10), X509KeyUsageFlags.NonRepudiation, []);

        AssertRefused(keys.Verifier().VerifySignature(XmlSigner.Sign(Action(), organisation), KeyPurpose.Signing), ErrorCodes.SignatureInvalid);
    }

    private static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document;
    }

    private static void AssertRefused(Result<VerifiedDocument> result, string code)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
    }
}
