using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kezek.Identity;
using Kezek.Identity.Certificates;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kezek.Benchmarks;

/// <summary>
/// What checking a signed action costs, the fixed price of every signed request in the rush: the full check of a
/// signed <c>chooseKindergarten</c> (parse, canonicalise, digest, RSA, key usage, chain) with the signer's chain already
/// remembered and with it built afresh, beside the bare RSA verification of the same number of bytes.
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private DemoCertificateAuthority _authority = null!;
    private X509Certificate2 _signing = null!;
    private string _signed = "";
    private XmlSignatureVerifier _warm = null!;
    private TrustedRoots _roots = null!;
    private RSA _publicKey = null!;
    private byte[] _bytes = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void SetUp()
    {
        var now = DateTimeOffset.UtcNow;
        _authority = DemoCertificateAuthority.Create("KEZEK BENCH CA", now.AddDays(-1), now.AddYears(1));
        _signing = _authority.IssueSigning(new DemoPerson("900514410214", "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ"), now.AddDays(-1), now.AddYears(1));
        _signed = XmlSigner.Sign(ActionDocument.Action("chooseKindergarten", "OfYLsI-0V2P6Nhkbph14cGkbVYq6074V",
            [new ActionField("applicationNumber", "UO.2026.000001.1"), new ActionField("placeId", Guid.NewGuid().ToString())]), _signing);
        _roots = new TrustedRoots([_authority.Certificate]);
        _warm = Verifier(_roots);
        _publicKey = _signing.GetRSAPublicKey()!;
        _bytes = Encoding.UTF8.GetBytes(_signed);
        using var privateKey = _signing.GetRSAPrivateKey()!;
        _signature = privateKey.SignData(_bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _publicKey.Dispose();
        _signing.Dispose();
        _authority.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare RSA-2048 SHA-256 verify of the document's bytes")]
    public bool BareRsa() => _publicKey.VerifyData(_bytes, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "verify a signed choice, signer's chain remembered")]
    public bool VerifyWarm() => _warm.VerifySignature(_signed, KeyPurpose.Signing).IsSuccess;

    [Benchmark(Description = "verify a signed choice, chain built afresh")]
    public bool VerifyCold() => Verifier(new TrustedRoots([_authority.Certificate])).VerifySignature(_signed, KeyPurpose.Signing).IsSuccess;

    private static XmlSignatureVerifier Verifier(TrustedRoots roots) =>
        new(roots, TimeProvider.System, Options.Create(new SignatureOptions()),
            Kezek.Identity.Certificates.Revocation.RevocationServices.Standalone(new() { Mode = Kezek.Identity.Certificates.Revocation.RevocationMode.Off }, TimeProvider.System),
            NullLogger<XmlSignatureVerifier>.Instance);
}
