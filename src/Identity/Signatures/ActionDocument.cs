using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;

namespace Kezek.Identity.Signatures;

/// <summary>One field of an action: its path (nested inputs as <c>outer/inner</c>) and its value as GraphQL writes it.</summary>
public sealed record ActionField(string Path, string Value);

/// <summary>
/// The documents a person signs (SPEC §4): <c>&lt;login&gt;</c> with a nonce, and <c>&lt;action&gt;</c> with the
/// mutation's name, a nonce and one element per input field, in any order.
/// </summary>
public sealed record ActionDocument(string Kind, string? Name, string Nonce, IReadOnlyList<ActionField> Fields)
{
    public const string Namespace = "urn:kezek:action:1";
    public const string LoginKind = "login";
    public const string ActionKind = "action";

    public static string Login(string nonce) =>
        new XElement(XName.Get(LoginKind, Namespace), new XElement(XName.Get("nonce", Namespace), nonce))
            .ToString(SaveOptions.DisableFormatting);

    public static string Action(string name, string nonce, IEnumerable<ActionField> fields)
    {
        var root = new XElement(XName.Get(ActionKind, Namespace),
            new XElement(XName.Get("name", Namespace), name),
            new XElement(XName.Get("nonce", Namespace), nonce));
        foreach (var field in fields)
        {
            var parent = root;
            var parts = field.Path.Split('/');
            foreach (var part in parts[..^1])
            {
                var next = parent.Element(XName.Get(part, Namespace));
                if (next is null)
                {
                    next = new XElement(XName.Get(part, Namespace));
                    parent.Add(next);
                }

                parent = next;
            }

            parent.Add(new XElement(XName.Get(parts[^1], Namespace), field.Value));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Reads a verified document; null when its shape is not one of ours.</summary>
    public static ActionDocument? Read(XmlDocument document)
    {
        var root = document.DocumentElement;
        if (root is null || root.NamespaceURI != Namespace || root.LocalName is not (LoginKind or ActionKind))
            return null;

        string? name = null, nonce = null;
        var fields = new List<ActionField>();
        foreach (var element in ChildElements(root))
        {
            if (element.NamespaceURI == SignedXml.XmlDsigNamespaceUrl && element.LocalName == "Signature")
                continue;
            if (element.NamespaceURI != Namespace)
                return null;
            switch (element.LocalName)
            {
                case "name" when name is null && root.LocalName == ActionKind:
                    name = LeafText(element);
                    if (name is null) return null;
                    break;
                case "nonce" when nonce is null:
                    nonce = LeafText(element);
                    if (nonce is null) return null;
                    break;
                case "name" or "nonce":
                    return null;
                default:
                    if (root.LocalName == LoginKind || !Flatten(element, "", fields))
                        return null;
                    break;
            }
        }

        if (nonce is null || (root.LocalName == ActionKind && name is null))
            return null;
        return new ActionDocument(root.LocalName, name, nonce, fields);
    }

    /// <summary>
    /// Whether the signed fields are exactly the mutation's: same paths, same values, nothing more or less. Fields may come
    /// in any order, but a list's repeated elements keep theirs: the order of a ranking is what was signed.
    /// </summary>
    public bool HasExactly(IEnumerable<ActionField> expected)
    {
        // A stable sort by path alone: the elements of one list stay in the order they were written.
        static List<ActionField> Sorted(IEnumerable<ActionField> fields) => [.. fields.OrderBy(f => f.Path, StringComparer.Ordinal)];
        return Sorted(Fields).SequenceEqual(Sorted(expected));
    }

    private static bool Flatten(XmlElement element, string prefix, List<ActionField> fields)
    {
        if (element.NamespaceURI != Namespace)
            return false;
        var path = prefix + element.LocalName;
        var children = ChildElements(element).ToList();
        if (children.Count == 0)
        {
            var text = LeafText(element);
            if (text is null)
                return false;
            fields.Add(new ActionField(path, text));
            return true;
        }

        if (element.ChildNodes.OfType<XmlText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            return false;
        return children.All(child => Flatten(child, path + "/", fields));
    }

    private static IEnumerable<XmlElement> ChildElements(XmlElement element) => element.ChildNodes.OfType<XmlElement>();

    /// <summary>The text of an element that holds only text; null when it holds elements or other nodes.</summary>
    private static string? LeafText(XmlElement element) =>
        element.ChildNodes.Cast<XmlNode>().All(n => n is XmlText or XmlSignificantWhitespace or XmlWhitespace or XmlCDataSection)
            ? element.InnerText
            : null;
}
