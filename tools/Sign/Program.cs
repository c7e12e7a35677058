using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Kezek.Identity.Signatures;

// kezek-sign: signs a Kezek login or action document with a PKCS#12 key, as NCALayer would, so that
// Kezek can be tried without NCALayer. The signed XML goes to standard output.
const string Usage = """
    usage: kezek-sign --key FILE.p12 [--password PASSWORD] [--json] COMMAND
      login NONCE                          sign <login><nonce>NONCE</nonce></login> (use an AUTH key)
      action NAME NONCE [field=value ...]  sign <action> for mutation NAME (use a SIGN key); nested: a/b=value
      file PATH                            sign an XML file as it is
    --json prints the signed XML as a JSON string, ready to paste into a GraphQL request body.
    """;

string? keyPath = null, password = "Qwerty12";
var json = false;
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--key" when i + 1 < args.Length: keyPath = args[++i]; break;
        case "--password" when i + 1 < args.Length: password = args[++i]; break;
        case "--json": json = true; break;
        default: rest.Add(args[i]); break;
    }
}

if (keyPath is null || rest.Count < 2)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string document;
switch (rest[0])
{
    case "login":
        document = ActionDocument.Login(rest[1]);
        break;
    case "action" when rest.Count >= 3:
        var fields = new List<ActionField>();
        foreach (var pair in rest.Skip(3))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Console.Error.WriteLine($"Not a field=value pair: {pair}");
                return 2;
            }

            fields.Add(new ActionField(pair[..equals], pair[(equals + 1)..]));
        }

        document = ActionDocument.Action(rest[1], rest[2], fields);
        break;
    case "file":
        document = File.ReadAllText(rest[1]);
        break;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

using var certificate = X509CertificateLoader.LoadPkcs12FromFile(keyPath, password, X509KeyStorageFlags.EphemeralKeySet);
var signed = XmlSigner.Sign(document, certificate);
Console.WriteLine(json ? JsonSerializer.Serialize(signed) : signed);
return 0;
