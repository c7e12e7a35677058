using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Kezek.Identity.Signatures;

namespace Kezek.UnitTests.Signatures;

/// <summary>Debian's xmlsec1 as an independent implementation: its signatures verify here, and ours verify there.</summary>
public sealed class XmlSec1InteropTests(SignatureFixture keys) : IClassFixture<SignatureFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kezek-xmlsec-").FullName;

    private const string Template = """
        <action xmlns="urn:kezek:action:1"><name>withdrawApplication</name><nonce>n-1</nonce><applicationNumber>ALM.2026.000001.1</applicationNumber><reason>переезд в другой город</reason><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo></ds:Signature></action>
        """;

    [Fact]
    public void A_document_signed_by_xmlsec1_with_the_ds_prefix_verifies()
    {
        var key = Write("key.pem", keys.Signing.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var certificate = Write("cert.pem", keys.Signing.ExportCertificatePem());
        var template = Write("template.xml", Template);
        var output = Path.Combine(_folder, "signed.xml");

        XmlSec1("--sign", "--privkey-pem", $"{key},{certificate}", "--output", output, template);
        var result = keys.Verifier().VerifySignature(File.ReadAllText(output), KeyPurpose.Signing);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var document = ActionDocument.Read(result.Value.Document)!;
        Assert.True(document.HasExactly([new("applicationNumber", "ALM.2026.000001.1"), new("reason", "переезд в другой город")]));
    }

    [Fact]
    public void A_document_signed_here_verifies_in_xmlsec1_against_the_CA()
    {
        var ca = Write("ca.pem", keys.Trusted.Certificate.ExportCertificatePem());
        var signed = Write("ours.xml", XmlSigner.Sign(ActionDocument.Login("n-1"), keys.Authentication));

        var output = XmlSec1("--verify", "--trusted-pem", ca, "--enabled-key-data", "x509", signed);

        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string XmlSec1(params string[] arguments)
    {
        var start = new ProcessStartInfo("xmlsec1") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("xmlsec1 is not installed: ./test.sh installs Debian's xmlsec1.", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"xmlsec1 {string.Join(' ', arguments)} failed: {output}");
            return output;
        }
    }
}
