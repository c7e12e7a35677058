using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Kezek.Identity.Signatures;

/// <summary>
/// The XMLDSig check of an enveloped signature over the whole document, as NCALayer makes it, without <see cref="SignedXml"/>:
/// SignedXml makes every algorithm object through <c>CryptoConfig</c>'s reflection (six a check), serialises and parses
/// the whole document again before digesting it, and runs two XPath queries; that was most of a check's 237 µs. Here the
/// shape is read strictly, the only algorithms Kezek accepts are created directly (everything else is refused before
/// anything is computed), and canonicalisation is the framework's own C14N transforms:
/// <list type="bullet">
/// <item>the signed content: the document without its Signature (the enveloped transform), canonicalised by inclusive or
/// exclusive C14N without comments (a reference to <c>URI=""</c> excludes comments, so the "with comments" variants give the
/// same bytes) and digested by SHA-256 or SHA-512;</item>
/// <item>SignedInfo, as SignedXml canonicalises it: alone in a document of its own, with the namespace declarations and
/// <c>xml:</c> attributes of the document element added (the signature is a child of the document element, so that is the
/// only ancestor whose declarations reach it), by the method it names, then verified by RSA PKCS#1 v1.5 with the
/// signer's key.</item>
/// </list>
/// A unit test holds this to SignedXml's verdict on the signed-document fuzz corpus.
/// </summary>
internal static class EnvelopedSignature
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    private static readonly XmlReaderSettings SignedInfoSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 100_000,
    };

    /// <summary>Null when the signature holds; otherwise the refusal's reason.</summary>
    public static string? Check(XmlDocument document, XmlElement signature, RSA key)
    {
        if (!OnlyAttributes(signature, "Id"))
            return "signature-attributes";
        var children = Elements(signature);
        if (children is not [{ LocalName: "SignedInfo" } signedInfo, { LocalName: "SignatureValue" } signatureValue])
            return "signature-shape";
        if (!OnlyAttributes(signedInfo, "Id") || !OnlyAttributes(signatureValue, "Id"))
            return "signature-attributes";

        var parts = Elements(signedInfo);
        if (parts is not [{ LocalName: "CanonicalizationMethod" } c14nMethod, { LocalName: "SignatureMethod" } signatureMethod,
                { LocalName: "Reference" } reference])
            return "reference";
        var c14nAlgorithm = Algorithm(c14nMethod);
        var canonicalization = c14nAlgorithm switch
        {
            SignedXml.XmlDsigC14NTransformUrl or SignedXml.XmlDsigC14NWithCommentsTransformUrl
                or SignedXml.XmlDsigExcC14NTransformUrl or SignedXml.XmlDsigExcC14NWithCommentsTransformUrl => c14nAlgorithm,
            _ => null,
        };
        if (canonicalization is null)
            return "canonicalization";
        HashAlgorithmName signatureHash;
        switch (Algorithm(signatureMethod))
        {
            case SignedXml.XmlDsigRSASHA256Url:
                signatureHash = HashAlgorithmName.SHA256;
                break;
            case SignedXml.XmlDsigRSASHA512Url:
                signatureHash = HashAlgorithmName.SHA512;
                break;
            default:
                return "signature-method";
        }

        if (!OnlyAttributes(reference, "URI", "Id", "Type") || reference.GetAttributeNode("URI") is not { Value: "" })
            return "reference";
        var referenceParts = Elements(reference);
        if (referenceParts is not [{ LocalName: "Transforms" } transforms, { LocalName: "DigestMethod" } digestMethod,
                { LocalName: "DigestValue" } digestValue]
            || !OnlyAttributes(transforms) || !OnlyAttributes(digestValue))
            return "reference";
        HashAlgorithmName digestHash;
        switch (Algorithm(digestMethod))
        {
            case SignedXml.XmlDsigSHA256Url:
                digestHash = HashAlgorithmName.SHA256;
                break;
            case SignedXml.XmlDsigSHA512Url:
                digestHash = HashAlgorithmName.SHA512;
                break;
            default:
                return "digest-method";
        }

        // The enveloped transform first, then at most one canonicalisation (as NCALayer, xmlsec1 and XmlSigner write it).
        var chain = Elements(transforms);
        if (chain.Count is < 1 or > 2 || chain.Any(t => t.LocalName != "Transform")
            || Algorithm(chain[0]) != SignedXml.XmlDsigEnvelopedSignatureTransformUrl)
            return "transform";
        var exclusive = false;
        if (chain.Count == 2)
        {
            switch (Algorithm(chain[1]))
            {
                case SignedXml.XmlDsigC14NTransformUrl or SignedXml.XmlDsigC14NWithCommentsTransformUrl:
                    break;
                case SignedXml.XmlDsigExcC14NTransformUrl or SignedXml.XmlDsigExcC14NWithCommentsTransformUrl:
                    exclusive = true;
                    break;
                default:
                    return "transform";
            }
        }

        // Base64 with the whitespace it may be wrapped in (Convert skips spaces, tabs and line ends).
        var expectedDigest = Convert.FromBase64String(TextOf(digestValue));
        var signatureBytes = Convert.FromBase64String(TextOf(signatureValue));

        if (!CryptographicOperations.FixedTimeEquals(Digest(document, signature, exclusive, digestHash), expectedDigest))
            return "digest-or-signature";
        var signedInfoHash = SignedInfoDigest(document, signedInfo, canonicalization, signatureHash);
        return key.VerifyHash(signedInfoHash, signatureBytes, signatureHash, RSASignaturePadding.Pkcs1) ? null : "digest-or-signature";
    }

    /// <summary>The digest of the document without its Signature; the Signature is put back where it was.</summary>
    private static byte[] Digest(XmlDocument document, XmlElement signature, bool exclusive, HashAlgorithmName name)
    {
        var parent = signature.ParentNode!;
        var next = signature.NextSibling;
        parent.RemoveChild(signature);
        try
        {
            Transform c14n = exclusive ? new XmlDsigExcC14NTransform(includeComments: false) : new XmlDsigC14NTransform(includeComments: false);
            c14n.LoadInput(document);
            using var hash = Create(name);
            return c14n.GetDigestedOutput(hash);
        }
        finally
        {
            parent.InsertBefore(signature, next);
        }
    }

    /// <summary>SignedInfo in a document of its own with the declarations it inherits, canonicalised by its method, hashed.</summary>
    private static byte[] SignedInfoDigest(XmlDocument document, XmlElement signedInfo, string canonicalization, HashAlgorithmName name)
    {
        var alone = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(signedInfo.OuterXml), SignedInfoSettings))
            alone.Load(reader);
        var apex = alone.DocumentElement!;
        foreach (var (attributeName, value) in Inherited(document.DocumentElement!))
        {
            if (apex.HasAttribute(attributeName) || (attributeName == "xmlns" && apex.Prefix.Length == 0))
                continue;
            var attribute = alone.CreateAttribute(attributeName);
            attribute.Value = value;
            apex.SetAttributeNode(attribute);
        }

        Transform c14n = canonicalization switch
        {
            SignedXml.XmlDsigC14NTransformUrl => new XmlDsigC14NTransform(includeComments: false),
            SignedXml.XmlDsigC14NWithCommentsTransformUrl => new XmlDsigC14NTransform(includeComments: true),
            SignedXml.XmlDsigExcC14NTransformUrl => new XmlDsigExcC14NTransform(includeComments: false),
            _ => new XmlDsigExcC14NTransform(includeComments: true),
        };
        c14n.LoadInput(alone);
        using var hash = Create(name);
        return c14n.GetDigestedOutput(hash);
    }

    /// <summary>
    /// What the document element passes down to SignedInfo, as SignedXml collects it: the element's own namespace when no
    /// attribute declares it, its first default-namespace declaration, its <c>xmlns:</c> and <c>xml:</c> attributes, and the
    /// namespaces of its prefixed attributes that it does not declare.
    /// </summary>
    private static List<(string Name, string Value)> Inherited(XmlElement root)
    {
        var inherited = new List<(string, string)>();
        var own = root.Prefix.Length > 0 ? "xmlns:" + root.Prefix : "xmlns";
        if (!Declares(root, own, root.NamespaceURI))
            inherited.Add((own, root.NamespaceURI));
        var defaultAdded = false;
        foreach (XmlAttribute attribute in root.Attributes)
        {
            if (!defaultAdded && attribute.LocalName == "xmlns")
            {
                inherited.Add(("xmlns", attribute.Value));
                defaultAdded = true;
            }
            else if (attribute.Prefix is "xmlns" or "xml")
            {
                inherited.Add((attribute.Prefix + ":" + attribute.LocalName, attribute.Value));
            }
            else if (attribute.NamespaceURI.Length > 0)
            {
                var declaration = attribute.Prefix.Length > 0 ? "xmlns:" + attribute.Prefix : "xmlns";
                if (!Declares(root, declaration, attribute.NamespaceURI))
                    inherited.Add((declaration, attribute.NamespaceURI));
            }
        }

        return inherited;
    }

    private static bool Declares(XmlElement element, string declaration, string ns) =>
        element.HasAttribute(declaration) && element.GetAttribute(declaration) == ns;

    private static HashAlgorithm Create(HashAlgorithmName name) => name == HashAlgorithmName.SHA512 ? SHA512.Create() : SHA256.Create();

    /// <summary>The child elements, all in the XMLDSig namespace; null when anything else is there but whitespace.</summary>
    private static List<XmlElement> Elements(XmlElement parent)
    {
        var elements = new List<XmlElement>(4);
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            switch (node)
            {
                case XmlElement { NamespaceURI: Ds } element:
                    elements.Add(element);
                    break;
                case XmlWhitespace or XmlSignificantWhitespace:
                    break;
                default:
                    return [];
            }
        }

        return elements;
    }

    /// <summary>The algorithm of an element that has nothing but its Algorithm attribute and whitespace.</summary>
    private static string? Algorithm(XmlElement element)
    {
        if (!OnlyAttributes(element, "Algorithm"))
            return null;
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is not (XmlWhitespace or XmlSignificantWhitespace))
                return null;
        }

        return element.GetAttributeNode("Algorithm")?.Value;
    }

    /// <summary>The text of an element that holds only text.</summary>
    private static string TextOf(XmlElement element)
    {
        foreach (XmlNode node in element.ChildNodes)
        {
            if (node is not (XmlText or XmlWhitespace or XmlSignificantWhitespace))
                throw new FormatException("Not a text element.");
        }

        return element.InnerText;
    }

    /// <summary>Whether the element has no attributes but namespace declarations and the named ones.</summary>
    private static bool OnlyAttributes(XmlElement element, params ReadOnlySpan<string> allowed)
    {
        foreach (XmlAttribute attribute in element.Attributes)
        {
            if (attribute.Prefix == "xmlns" || (attribute.Prefix.Length == 0 && attribute.LocalName == "xmlns"))
                continue;
            if (attribute.Prefix.Length != 0 || attribute.NamespaceURI.Length != 0 || !allowed.Contains(attribute.LocalName))
                return false;
        }

        return true;
    }
}
