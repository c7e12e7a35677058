using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;

namespace Kezek.UnitTests.Revocation;

/// <summary>
/// A test PKI in a temp folder — a root, an issuing CA, a delegated OCSP responder certificate and people's SIGN
/// certificates whose AIA names a real <c>openssl ocsp</c> responder on 127.0.0.1 and whose CDP names the issuing CA's CRL
/// file — and the openssl processes that answer for it: the responder (started and stopped by the tests) and
/// <c>openssl ca -gencrl</c> for full and delta CRLs. The certificates are made with .NET; every answer is made by openssl.
/// </summary>
public sealed class OpensslPki : IDisposable
{
    private readonly List<Process> _responders = [];
    private readonly RSA _issuingKey = RSA.Create(2048);
    private readonly RSA _responderKey = RSA.Create(2048);
    private readonly Dictionary<string, (X509Certificate2 Certificate, DateTime? RevokedAt)> _index = new(StringComparer.Ordinal);

    public OpensslPki()
    {
        Folder = Directory.CreateTempSubdirectory("kezek-pki-").FullName;
        Port = FreePort();
        var now = DateTimeOffset.UtcNow;

        using var rootKey = RSA.Create(2048);
        var rootRequest = CaRequest("KEZEK REVOCATION TEST ROOT", rootKey);
        Root = rootRequest.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));

        var issuingRequest = CaRequest("KEZEK REVOCATION TEST ISSUING CA", _issuingKey);
        issuingRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        using (var issued = issuingRequest.Create(Root, now.AddYears(-1), now.AddYears(9), Serial()))
            Issuing = issued.CopyWithPrivateKey(_issuingKey);

        Responder = IssueResponder("KEZEK TEST OCSP RESPONDER", _responderKey, ["1.3.6.1.5.5.7.3.9"]);

        Write("issuing.pem", Issuing.ExportCertificatePem());
        Write("issuing.key", _issuingKey.ExportPkcs8PrivateKeyPem());
        Write("responder.pem", Responder.ExportCertificatePem());
        Write("responder.key", _responderKey.ExportPkcs8PrivateKeyPem());
        Write("crlnumber", "01\n");
        Write("ca.cnf", $"""
            [ ca ]
            default_ca = test_ca
            [ test_ca ]
            database = {Path.Combine(Folder, "index.txt")}
            crlnumber = {Path.Combine(Folder, "crlnumber")}
            certificate = {Path.Combine(Folder, "issuing.pem")}
            private_key = {Path.Combine(Folder, "issuing.key")}
            default_md = sha256
            default_crl_days = 1
            crl_extensions = full_crl
            [ full_crl ]
            authorityKeyIdentifier = keyid:always
            [ delta_crl ]
            authorityKeyIdentifier = keyid:always
            2.5.29.27 = critical,DER:02:01:01
            """);
        WriteIndex();
    }

    public string Folder { get; }

    public int Port { get; }

    public string OcspUrl => $"http://127.0.0.1:{Port}/";

    /// <summary>The full CRL file the certificates' CDP names (a <c>file:</c> URI).</summary>
    public string CrlPath => Path.Combine(Folder, "issuing.crl");

    public X509Certificate2 Root { get; }

    public X509Certificate2 Issuing { get; }

    public X509Certificate2 Responder { get; }

    /// <summary>The trusted certificates: the root and the issuing CA.</summary>
    public X509Certificate2[] Trusted => [Root, Issuing];

    /// <summary>A person's SIGN certificate with a key, issued by the issuing CA, with the responder in its AIA and the CRL in its CDP.</summary>
    public X509Certificate2 IssueSigning(DemoPerson person, string? ocspUrl = null)
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(person.CommonName);
        subject.Add(Kezek.Identity.Certificates.NcaSubject.SurnameOid, person.Surname, System.Formats.Asn1.UniversalTagNumber.UTF8String);
        subject.Add(Kezek.Identity.Certificates.NcaSubject.SerialNumberOid, "IIN" + person.Iin, System.Formats.Asn1.UniversalTagNumber.PrintableString);
        subject.AddCountryOrRegion("KZ");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Issuing, true, false));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([ocspUrl ?? OcspUrl], null));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([new Uri(CrlPath).AbsoluteUri]));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Issuing, now.AddDays(-10), now.AddYears(1), Serial());
        using var withKey = issued.CopyWithPrivateKey(key);
        var certificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12, ""), "", X509KeyStorageFlags.Exportable);
        _index[certificate.SerialNumber] = (certificate, null);
        WriteIndex();
        return certificate;
    }

    /// <summary>A certificate of the issuing CA for an OCSP responder, with the given extended key usages.</summary>
    public X509Certificate2 IssueResponder(string name, RSA key, IReadOnlyList<string> usages)
    {
        var request = new CertificateRequest($"CN={name}, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var oids = new OidCollection();
        foreach (var usage in usages)
            oids.Add(new Oid(usage));
        if (oids.Count > 0)
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Issuing, now.AddDays(-1), now.AddYears(1), Serial());
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    /// <summary>Marks the certificate revoked in the CA's index (what the responder and the next CRL say).</summary>
    public void Revoke(X509Certificate2 certificate)
    {
        _index[certificate.SerialNumber] = (certificate, DateTime.UtcNow.AddMinutes(-1));
        WriteIndex();
    }

    /// <summary>Starts an <c>openssl ocsp</c> responder on <see cref="Port"/> (or another port), signing with the given certificate and key files.</summary>
    public async Task<Process> StartResponderAsync(int? port = null, string signer = "responder", int? nextUpdateMinutes = null)
    {
        var arguments = new List<string>
        {
            "ocsp", "-index", Path.Combine(Folder, "index.txt"), "-port", (port ?? Port).ToString(CultureInfo.InvariantCulture),
            "-rsigner", Path.Combine(Folder, signer + ".pem"), "-rkey", Path.Combine(Folder, signer + ".key"),
            "-CA", Path.Combine(Folder, "issuing.pem"), "-ignore_err",
        };
        if (nextUpdateMinutes is { } minutes)
            arguments.AddRange(["-nmin", minutes.ToString(CultureInfo.InvariantCulture)]);
        // The responder says ACCEPT once it listens. (A probe connection would hang it: it serves one connection at a time.)
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Start("openssl", arguments, line =>
        {
            if (line.Contains("ACCEPT", StringComparison.Ordinal) || line.Contains("waiting for OCSP", StringComparison.Ordinal))
                listening.TrySetResult();
        });
        _responders.Add(process);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return process;
    }

    public static void Stop(Process responder)
    {
        if (!responder.HasExited)
        {
            responder.Kill();
            responder.WaitForExit();
        }
    }

    /// <summary>Writes a signer's certificate and key as PEM files named <paramref name="name"/>, for <see cref="StartResponderAsync"/>.</summary>
    public void WriteSigner(string name, X509Certificate2 certificate, RSA key)
    {
        Write(name + ".pem", certificate.ExportCertificatePem());
        Write(name + ".key", key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary><c>openssl ca -gencrl</c> from the index as it is now: a full CRL, or a delta CRL over full CRL number 1.</summary>
    public string GenerateCrl(string file, bool delta = false)
    {
        var output = Path.Combine(Folder, file);
        var arguments = new List<string> { "ca", "-gencrl", "-config", Path.Combine(Folder, "ca.cnf"), "-out", output, "-batch" };
        if (delta)
            arguments.AddRange(["-crlexts", "delta_crl"]);
        using var process = Start("openssl", arguments);
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("openssl ca -gencrl failed: " + errors.Result);
        return output;
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var responder in _responders)
        {
            Stop(responder);
            responder.Dispose();
        }

        _issuingKey.Dispose();
        _responderKey.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Process Start(string file, IEnumerable<string> arguments, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        if (onLine is not null)
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        }

        process.Start();
        if (onLine is not null)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private void WriteIndex()
    {
        var text = new StringBuilder();
        foreach (var (serial, (certificate, revokedAt)) in _index)
        {
            var expires = certificate.NotAfter.ToUniversalTime().ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
            var revoked = revokedAt?.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + (revokedAt is null ? "" : "Z");
            text.Append(revokedAt is null ? 'V' : 'R').Append('\t').Append(expires).Append('\t').Append(revoked).Append('\t')
                .Append(serial).Append("\tunknown\t/CN=").Append(serial).Append('\n');
        }

        Write("index.txt", text.ToString());
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Folder, name), text);

    private static CertificateRequest CaRequest(string name, RSA key)
    {
        var request = new CertificateRequest($"CN={name}, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)(serial[0] & 0x7F | 0x10);
        return serial;
    }

    /// <summary>Signs an action document with the certificate's key, as NCALayer does.</summary>
    public static string SignAction(X509Certificate2 signer) => XmlSigner.Sign(ActionDocument.Action("registerApplication", "nonce", []), signer);
}
