using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using CsCheck;
using Kezek.Core.Results;
using Kezek.Identity.Signatures;
using Kezek.UnitTests.Signatures;
using Xunit.Abstractions;

namespace Kezek.UnitTests.Fuzzing;

/// <summary>
/// A validly signed action document, mutated at random (issue 15, item 8), given to <see cref="XmlSignatureVerifier"/> with real
/// keys. The verifier must never throw (every refusal is a <see cref="Result{T}"/> error with a code) and must never accept a
/// mutation that is not <b>semantically identical</b> to the document that was signed, which here means exactly:
/// <list type="number">
/// <item>the signed content is unchanged: the document without its one <c>ds:Signature</c> (the enveloped transform),
/// canonicalised by inclusive C14N without comments (the reference's transform), is byte for byte the original's — so
/// whitespace between elements, which C14N keeps, is a change; a comment, a CDATA section for the same text, a character
/// reference, an XML declaration or whitespace outside the root element is not;</item>
/// <item>the signer is the same person, and</item>
/// <item>the signed fields as Kezek reads them (<see cref="ActionDocument.Read"/>: name, nonce and every field) are the
/// original's, or the document is not read as an action at all (which <see cref="SignedActions"/> refuses).</item>
/// </list>
/// What lies outside the signed content (KeyInfo's layout, whitespace between the Signature's children) may change.
/// A changed namespace prefix is a change of the canonical form (inclusive C14N keeps prefixes), so it is refused.
/// </summary>
public sealed class SignedDocumentFuzzTests(SignatureFixture keys, ITestOutputHelper output) : IClassFixture<SignatureFixture>
{
    private const string ActionName = "withdrawApplication";
    private const string Nonce = "n-1";

    private static readonly ActionField[] Fields =
        [new("applicationNumber", "ALM.2026.000001.1"), new("reason", "переезд"), new("place/id", "42"), new("place/group", "2022")];

    private static readonly string[] Kinds =
    [
        "flip-bit", "insert-text", "delete-bytes", "duplicate-element", "remove-element", "move-element", "swap-siblings",
        "rename-element", "add-attribute", "change-namespace", "prefix", "whitespace", "comment", "declare-encoding", "cdata",
        "character-reference", "processing-instruction", "change-text", "whitespace-outside-root", "comment-outside-root",
    ];

    /// <summary>One mutation: its kind and the numbers and text that say where and what.</summary>
    public sealed record Step(string Kind, int Where, int Which, string Text)
    {
        public override string ToString() => $"{Kind}@{Where}/{Which}:{Text}";
    }

    private static readonly Gen<Step> Steps =
        Gen.Select(Gen.OneOf<string>(Kinds), Gen.Int[0, 100_000], Gen.Int[0, 100_000], Fuzz.OddText, (kind, where, which, text) => new Step(kind, where, which, text));

    [Fact]
    public void A_mutated_signed_document_is_accepted_only_when_semantically_identical_and_never_throws()
    {
        var verifier = keys.Verifier();
        var original = XmlSigner.Sign(ActionDocument.Action(ActionName, Nonce, Fields), keys.Signing);
        var originalCanonical = SignedContent(original)!;
        Assert.True(verifier.VerifySignature(original, KeyPurpose.Signing).IsSuccess);
        var accepted = new ConcurrentDictionary<string, int>();
        var refused = new ConcurrentDictionary<string, int>();
        long cases = 0, unchanged = 0;

        Gen.Int[1, 3].SelectMany(n => Steps.Array[n]).Sample(steps =>
        {
            Interlocked.Increment(ref cases);
            var mutated = steps.Aggregate(original, Apply);
            if (mutated == original)
            {
                Interlocked.Increment(ref unchanged);
                return;
            }

            Result<VerifiedDocument> result;
            try
            {
                result = verifier.VerifySignature(mutated, KeyPurpose.Signing);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"The verifier threw {exception.GetType().Name} for:\n{mutated}", exception);
            }

            var kinds = string.Join('+', steps.Select(s => s.Kind));
            if (!result.IsSuccess)
            {
                Assert.False(string.IsNullOrEmpty(result.Error!.Code));
                Assert.True(result.Error.Code is ErrorCodes.SignatureInvalid || result.Error.Code.StartsWith("CERTIFICATE_", StringComparison.Ordinal),
                    result.Error.ToString());
                refused.AddOrUpdate(kinds, 1, (_, c) => c + 1);
                return;
            }

            accepted.AddOrUpdate(kinds, 1, (_, c) => c + 1);
            Assert.True(originalCanonical == SignedContent(mutated), $"Accepted with a changed canonical form:\n{mutated}");
            Assert.Equal(SignatureFixture.Person.Iin, result.Value.Signer.Iin);
            if (ActionDocument.Read(result.Value.Document) is { } read)
            {
                Assert.Equal(ActionDocument.ActionKind, read.Kind);
                Assert.Equal(ActionName, read.Name);
                Assert.Equal(Nonce, read.Nonce);
                Assert.True(read.HasExactly(Fields), $"Accepted with other fields:\n{mutated}");
            }
        }, iter: Fuzz.Cases(1500), threads: 1, seed: Fuzz.Seed, print: steps => string.Join(" | ", steps.Select(s => s.ToString())));

        output.WriteLine($"{cases} cases ({unchanged} left the document unchanged); accepted (semantically identical): " +
                         $"{accepted.Values.Sum()} [{string.Join(", ", accepted.OrderByDescending(a => a.Value).Take(12).Select(a => $"{a.Key}={a.Value}"))}]; " +
                         $"refused: {refused.Values.Sum()}");
    }

    /// <summary>
    /// The check is Kezek's own reading of the XMLDSig structure (<see cref="EnvelopedSignature"/>) over the framework's C14N
    /// transforms; <see cref="SignedXml"/> was the check before. On every mutation of the corpus both must agree on the
    /// cryptography: what is accepted now SignedXml accepts too, and what SignedXml accepts is refused now only for its shape
    /// (a stricter rule), never because the digest or the signature came out different.
    /// </summary>
    [Fact]
    public void The_check_agrees_with_SignedXml_on_every_mutation()
    {
        var verifier = keys.Verifier();
        var original = XmlSigner.Sign(ActionDocument.Action(ActionName, Nonce, Fields), keys.Signing);
        Assert.True(SignedXmlAccepts(original));
        long cases = 0, bothAccepted = 0, stricter = 0;
        var stricterBy = new ConcurrentDictionary<string, int>();

        Gen.Int[1, 3].SelectMany(n => Steps.Array[n]).Sample(steps =>
        {
            Interlocked.Increment(ref cases);
            var mutated = steps.Aggregate(original, Apply);
            var now = verifier.VerifySignature(mutated, KeyPurpose.Signing);
            var before = SignedXmlAccepts(mutated);
            if (now.IsSuccess)
            {
                Assert.True(before, $"Accepted now, refused by SignedXml:\n{mutated}");
                Interlocked.Increment(ref bothAccepted);
            }
            else if (before)
            {
                Assert.True(now.Error!.Arguments?["reason"] as string != "digest-or-signature",
                    $"SignedXml accepts, the check finds another digest or signature:\n{mutated}");
                Interlocked.Increment(ref stricter);
                stricterBy.AddOrUpdate($"{string.Join('+', steps.Select(s => s.Kind))}: {now.Error.Arguments?["reason"]}", 1, (_, c) => c + 1);
            }
        }, iter: Fuzz.Cases(1500), threads: 1, seed: Fuzz.Seed, print: steps => string.Join(" | ", steps.Select(s => s.ToString())));

        output.WriteLine($"{cases} cases: {bothAccepted} accepted by both, {stricter} accepted by SignedXml and refused now for their shape " +
                         $"[{string.Join(", ", stricterBy.OrderByDescending(a => a.Value).Take(12).Select(a => $"{a.Key}={a.Value}"))}]");
    }

    /// <summary>
    /// Every canonicalisation NCA RK's software may name, for SignedInfo and for the reference, over a document element that
    /// declares more (a prefix, an <c>xml:lang</c>, a namespaced attribute) and a signature with whitespace between its
    /// parts: SignedXml signs it, the check accepts it, and any change of the signed content is refused.
    /// </summary>
    [Theory]
    [InlineData(SignedXml.XmlDsigC14NTransformUrl, SignedXml.XmlDsigC14NTransformUrl)]
    [InlineData(SignedXml.XmlDsigC14NWithCommentsTransformUrl, SignedXml.XmlDsigC14NWithCommentsTransformUrl)]
    [InlineData(SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl)]
    [InlineData(SignedXml.XmlDsigExcC14NWithCommentsTransformUrl, SignedXml.XmlDsigExcC14NWithCommentsTransformUrl)]
    [InlineData(SignedXml.XmlDsigC14NTransformUrl, null)]
    [InlineData(SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigC14NWithCommentsTransformUrl)]
    public void Every_allowed_canonicalisation_signed_by_SignedXml_verifies(string signedInfoMethod, string? referenceMethod)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml("<action xmlns=\"urn:kezek:action:1\" xmlns:x=\"urn:x\" xml:lang=\"kk\" x:at=\"1\"><name>withdrawApplication</name>" +
                         "<!-- a comment --><nonce>n-1</nonce><x:extra> text </x:extra>\n</action>");
        var signed = new SignedXml(document) { SigningKey = keys.Signing.GetRSAPrivateKey() };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA512Url;
        signed.SignedInfo.CanonicalizationMethod = signedInfoMethod;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA512Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        if (referenceMethod is not null)
            reference.AddTransform(referenceMethod switch
            {
                SignedXml.XmlDsigC14NTransformUrl => new XmlDsigC14NTransform(),
                SignedXml.XmlDsigC14NWithCommentsTransformUrl => new XmlDsigC14NWithCommentsTransform(),
                SignedXml.XmlDsigExcC14NTransformUrl => new XmlDsigExcC14NTransform(),
                _ => new XmlDsigExcC14NWithCommentsTransform(),
            });
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(keys.Signing));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        var signature = document.ImportNode(signed.GetXml(), deep: true);
        signature.InsertAfter(document.CreateWhitespace("\n  "), signature.FirstChild);
        document.DocumentElement!.AppendChild(signature);
        var xml = document.OuterXml;

        Assert.True(SignedXmlAccepts(xml));
        var result = keys.Verifier().VerifySignature(xml, KeyPurpose.Signing);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        var changed = xml.Replace(" text ", " text", StringComparison.Ordinal);
        Assert.False(SignedXmlAccepts(changed));
        Assert.Equal("digest-or-signature", keys.Verifier().VerifySignature(changed, KeyPurpose.Signing).Error?.Arguments?["reason"]);
    }

    /// <summary>
    /// The check before: SignedXml over the document with KeyInfo taken out, as the verifier gave it, with the key of the one
    /// certificate in KeyInfo.
    /// </summary>
    private static bool SignedXmlAccepts(string xml)
    {
        try
        {
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            using (var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                document.Load(reader);
            var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
            if (signatures.Count != 1 || signatures[0] is not XmlElement signature || signature.ParentNode != document.DocumentElement)
                return false;
            var certificates = signature.GetElementsByTagName("X509Certificate", SignedXml.XmlDsigNamespaceUrl);
            if (certificates.Count != 1)
                return false;
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificates[0]!.InnerText));
            using var key = certificate.GetRSAPublicKey();
            if (key is null)
                return false;
            foreach (var keyInfo in signature.ChildNodes.OfType<XmlElement>()
                         .Where(e => e.LocalName == "KeyInfo" && e.NamespaceURI == SignedXml.XmlDsigNamespaceUrl).ToList())
                signature.RemoveChild(keyInfo);
            var signed = new SignedXml(document);
            signed.LoadXml(signature);
            return signed.CheckSignature(key);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or XmlException
                                              or InvalidOperationException or ArgumentException or FormatException or NotSupportedException
                                              or NullReferenceException)
        {
            return false;
        }
    }

    /// <summary>
    /// The field comparison: a document signed for real whose fields are a perturbation of the mutation's input (a value
    /// changed by one character, a look-alike letter, a space, a field dropped, added, repeated, renamed or moved) matches the
    /// input exactly when its fields are the input's, counted as a multiset, and never otherwise.
    /// </summary>
    [Fact]
    public void A_signed_action_matches_the_input_only_when_its_fields_are_the_input()
    {
        var verifier = keys.Verifier();
        var paths = Gen.OneOf<string>("applicationNumber", "reason", "placeId", "input/a", "input/b", "input/inner/c", "tag");
        var field = Gen.Select(paths, Fuzz.OddText, (path, value) => new ActionField(path, value.Replace("\r", "", StringComparison.Ordinal)));
        var perturbations = Gen.OneOf<string>("same", "value+char", "value-trim", "value-space", "value-lookalike", "value-case", "drop",
            "add", "repeat", "rename-case", "nest", "unnest", "name");
        long cases = 0, matched = 0;

        Gen.Select(field.List[0, 5], perturbations.Array[0, 3], Gen.Int[0, 1000], Fuzz.OddText).Sample((input, changes, where, text) =>
        {
            Interlocked.Increment(ref cases);
            var signedFields = input.ToList();
            var name = ActionName;
            foreach (var change in changes)
                name = Perturb(change, signedFields, where, text, name);

            var signed = XmlSigner.Sign(ActionDocument.Action(name, Nonce, signedFields), keys.Signing);
            var verified = verifier.VerifySignature(signed, KeyPurpose.Signing);
            Assert.True(verified.IsSuccess, verified.Error?.ToString());
            var read = ActionDocument.Read(verified.Value.Document);

            // The same checks as SignedActions: an action, of this name, with exactly the input's fields.
            var matches = read is { Kind: ActionDocument.ActionKind } && read.Name == ActionName && read.HasExactly(input);
            var same = name == ActionName && Multiset(signedFields).SequenceEqual(Multiset(input));
            if (matches)
                Interlocked.Increment(ref matched);
            Assert.True(matches == same, $"matches={matches}, same fields={same}:\n{signed}");
        }, iter: Fuzz.Cases(300), threads: 1, seed: Fuzz.Seed);

        output.WriteLine($"{cases} signed documents, {matched} matched their input");
    }

    /// <summary>The fields as signed actions compare them: in any order of paths, but a list's repeated elements in theirs.</summary>
    private static List<string> Multiset(IEnumerable<ActionField> fields) =>
        [.. fields.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Path + "\u0000" + f.Value)];

    private static string Perturb(string change, List<ActionField> fields, int where, string text, string name)
    {
        if (change == "name")
            return name + (text.Length > 0 ? text : "x");
        if (change == "add")
        {
            fields.Add(new ActionField("extra", text));
            return name;
        }

        if (fields.Count == 0)
            return name;
        var i = where % fields.Count;
        var f = fields[i];
        fields[i] = change switch
        {
            "value+char" => f with { Value = f.Value + (text.Length > 0 ? text : "1") },
            "value-trim" => f with { Value = f.Value.Trim() },
            "value-space" => f with { Value = " " + f.Value },
            "value-lookalike" => f with { Value = f.Value.Replace('A', 'А').Replace('a', 'а').Replace('0', 'О') },
            "value-case" => f with { Value = f.Value.ToUpperInvariant() },
            "rename-case" => f with { Path = f.Path.ToUpperInvariant() },
            "nest" => f with { Path = "input/" + f.Path },
            "unnest" => f with { Path = f.Path.Split('/')[^1] },
            _ => f,
        };
        if (change == "drop")
            fields.RemoveAt(i);
        if (change == "repeat")
            fields.Add(f);
        return name;
    }

    /// <summary>The signed content as the reference digests it; null when the document does not parse or has not one Signature.</summary>
    private static string? SignedContent(string xml)
    {
        try
        {
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            using (var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                document.Load(reader);
            var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
            if (signatures.Count != 1)
                return null;
            signatures[0]!.ParentNode!.RemoveChild(signatures[0]!);
            var c14n = new XmlDsigC14NTransform(includeComments: false);
            c14n.LoadInput(document);
            using var stream = (Stream)c14n.GetOutput(typeof(Stream));
            return new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Apply(string xml, Step step)
    {
        switch (step.Kind)
        {
            case "flip-bit":
            {
                var bytes = Encoding.UTF8.GetBytes(xml);
                bytes[step.Where % bytes.Length] ^= (byte)(1 << (step.Which % 8));
                return Encoding.UTF8.GetString(bytes);
            }
            case "insert-text":
                return xml.Insert(step.Where % (xml.Length + 1), step.Text);
            case "delete-bytes":
            {
                var bytes = Encoding.UTF8.GetBytes(xml).ToList();
                var at = step.Where % bytes.Count;
                bytes.RemoveRange(at, Math.Min(1 + step.Which % 8, bytes.Count - at));
                return Encoding.UTF8.GetString([.. bytes]);
            }
            case "declare-encoding":
            {
                string[] encodings = ["utf-8", "UTF-16", "iso-8859-1", "windows-1251", "us-ascii", "ebcdic-cp-us", "x-unknown", "utf-32", ""];
                var body = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
                return $"<?xml version=\"1.0\" encoding=\"{encodings[step.Where % encodings.Length]}\"?>" + body;
            }
            case "whitespace-outside-root":
                return step.Which % 2 == 0 ? "\n \t" + xml : xml + "\r\n ";
            case "comment-outside-root":
                return step.Which % 2 == 0 ? "<!--" + Safe(step.Text) + "-->" + xml : xml + "<!--" + Safe(step.Text) + "-->";
            case "character-reference":
            {
                // A letter of a text node written as a numeric character reference: the same character.
                var candidates = Enumerable.Range(1, xml.Length - 1).Where(i => xml[i - 1] == '>' && char.IsLetterOrDigit(xml[i])).ToList();
                if (candidates.Count == 0)
                    return xml;
                var at = candidates[step.Where % candidates.Count];
                return xml[..at] + $"&#x{(int)xml[at]:X};" + xml[(at + 1)..];
            }
        }

        XmlDocument document;
        try
        {
            document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            document.LoadXml(xml);
        }
        catch (XmlException)
        {
            return xml; // an earlier byte mutation broke the markup: the structural mutations have nothing to act on
        }

        var elements = document.SelectNodes("//*")!.Cast<XmlElement>().ToList();
        var element = elements[step.Where % elements.Count];
        var parent = element.ParentNode as XmlElement;
        try
        {
            switch (step.Kind)
            {
                case "duplicate-element" when parent is not null:
                    parent.InsertAfter(element.CloneNode(deep: true), element);
                    break;
                case "remove-element" when parent is not null:
                    parent.RemoveChild(element);
                    break;
                case "move-element" when parent is not null:
                {
                    var target = elements[step.Which % elements.Count];
                    if (target == element || IsAncestor(element, target))
                        break;
                    parent.RemoveChild(element);
                    target.InsertBefore(element, target.ChildNodes.Count == 0 ? null : target.ChildNodes[step.Which % target.ChildNodes.Count]);
                    break;
                }
                case "swap-siblings" when element.PreviousSibling is { } previous && parent is not null:
                    parent.RemoveChild(element);
                    parent.InsertBefore(element, previous);
                    break;
                case "rename-element":
                {
                    string[] names = ["name", "nonce", "action", "login", "Signature", "SignedInfo", "Reference", "KeyInfo", "Object",
                        "applicationNumber", "reason", "place", "id", "x", "Name"];
                    Replace(element, element.Prefix, names[step.Which % names.Length], element.NamespaceURI);
                    break;
                }
                case "change-namespace":
                {
                    string[] namespaces = [ActionDocument.Namespace, SignedXml.XmlDsigNamespaceUrl, "", "urn:other", "urn:kezek:action:2",
                        "URN:KEZEK:ACTION:1"];
                    var ns = namespaces[step.Which % namespaces.Length];
                    Replace(element, ns.Length == 0 ? "" : element.Prefix, element.LocalName, ns);
                    break;
                }
                case "prefix":
                {
                    string[] prefixes = ["k", "ds", "dsig", "a", ""];
                    Replace(element, element.NamespaceURI.Length == 0 ? "" : prefixes[step.Which % prefixes.Length], element.LocalName, element.NamespaceURI);
                    break;
                }
                case "add-attribute":
                {
                    string[] names = ["Id", "ID", "xml:space", "xml:lang", "URI", "Algorithm", "foo", "xmlns:x", "xsi:nil", "xmlns"];
                    string[] values = ["", "#x", "preserve", "http://www.w3.org/2000/09/xmldsig#sha1", "true", ActionDocument.Namespace, "urn:other"];
                    var name = names[step.Which % names.Length];
                    var value = step.Which % 3 == 0 ? Safe(step.Text) : values[step.Where % values.Length];
                    if (name.StartsWith("xmlns", StringComparison.Ordinal))
                        element.SetAttribute(name, "http://www.w3.org/2000/xmlns/", value);
                    else if (name == "xsi:nil")
                        element.SetAttribute("nil", "http://www.w3.org/2001/XMLSchema-instance", value);
                    else if (name.StartsWith("xml:", StringComparison.Ordinal))
                        element.SetAttribute(name, "http://www.w3.org/XML/1998/namespace", value);
                    else
                        element.SetAttribute(name, value);
                    break;
                }
                case "whitespace":
                {
                    string[] spaces = [" ", "\n", "\t", "\r\n", "  \n  "];
                    InsertChild(element, document.CreateWhitespace(spaces[step.Which % spaces.Length]), step.Which);
                    break;
                }
                case "comment":
                    InsertChild(element, document.CreateComment(Safe(step.Text)), step.Which);
                    break;
                case "processing-instruction":
                    InsertChild(element, document.CreateProcessingInstruction("x" + step.Which % 10, Safe(step.Text)), step.Which);
                    break;
                case "cdata":
                {
                    var texts = element.ChildNodes.OfType<XmlText>().ToList();
                    if (texts.Count > 0 && !texts[0].Value!.Contains("]]>", StringComparison.Ordinal))
                        element.ReplaceChild(document.CreateCDataSection(texts[0].Value), texts[0]);
                    break;
                }
                case "change-text":
                {
                    var text = element.ChildNodes.OfType<XmlText>().FirstOrDefault();
                    if (text is not null)
                        text.Value = step.Which % 2 == 0 ? step.Text : text.Value + step.Text;
                    else
                        InsertChild(element, document.CreateTextNode(step.Text), step.Which);
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or XmlException)
        {
            return xml; // the DOM refused the mutation itself (e.g. a node where it cannot be)
        }

        try
        {
            return document.OuterXml;
        }
        catch (ArgumentException)
        {
            return xml; // a character the writer cannot write
        }
    }

    private static string Safe(string text) => text.Replace("--", "- -", StringComparison.Ordinal).Replace("?>", "? >", StringComparison.Ordinal).TrimEnd('-');

    private static bool IsAncestor(XmlNode candidate, XmlNode node)
    {
        for (var n = node.ParentNode; n is not null; n = n.ParentNode)
        {
            if (n == candidate)
                return true;
        }

        return false;
    }

    private static void InsertChild(XmlElement element, XmlNode child, int which) =>
        element.InsertBefore(child, element.ChildNodes.Count == 0 ? null : element.ChildNodes[which % (element.ChildNodes.Count + 1)]);

    /// <summary>The element again under another prefix, name or namespace, with the same attributes and children.</summary>
    private static void Replace(XmlElement element, string prefix, string localName, string ns)
    {
        var replacement = element.OwnerDocument.CreateElement(prefix, localName, ns);
        foreach (var attribute in element.Attributes.Cast<XmlAttribute>().ToList())
            replacement.Attributes.Append((XmlAttribute)attribute.CloneNode(true));
        while (element.FirstChild is { } child)
            replacement.AppendChild(child);
        element.ParentNode!.ReplaceChild(replacement, element);
    }
}
