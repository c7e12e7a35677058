using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Kezek.Identity.Signatures;

/// <summary>
/// Signs a document the way NCALayer does (enveloped, RSA-SHA256, SHA-256 digest, reference to the whole
/// document, the certificate in KeyInfo). Used by the signing tool, the demo and the tests, never by the
/// server for a person.
/// </summary>
public static class XmlSigner
{
    public static string Sign(string xml, X509Certificate2 certificate)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.LoadXml(xml);
        var root = document.DocumentElement ?? throw new ArgumentException("The document has no root element.", nameof(xml));

        var signed = new SignedXml(document)
        {
            SigningKey = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("An RSA private key is needed.", nameof(certificate)),
        };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigC14NTransformUrl;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();

        root.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        return document.OuterXml;
    }
}
