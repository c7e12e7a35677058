using System.Security.Cryptography.X509Certificates;
using Kezek.Identity;
using Kezek.Identity.Certificates;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kezek.UnitTests.Signatures;

/// <summary>One trusted test CA, one untrusted CA, and a person's keys; RSA key generation is done once per class.</summary>
public sealed class SignatureFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    public SignatureFixture()
    {
        Trusted = DemoCertificateAuthority.Create("KEZEK TEST CA", Now.AddYears(-1), Now.AddYears(5));
        Untrusted = DemoCertificateAuthority.Create("KEZEK TEST CA", Now.AddYears(-1), Now.AddYears(5));
        Authentication = Trusted.IssueAuthentication(Person, Now.AddDays(-10), Now.AddYears(1));
        Signing = Trusted.IssueSigning(Person, Now.AddDays(-10), Now.AddYears(1));
        UntrustedSigning = Untrusted.IssueSigning(Person, Now.AddDays(-10), Now.AddYears(1));
        ExpiredSigning = Trusted.IssueSigning(Person, Now.AddYears(-1), Now.AddDays(-1));
    }

    public static DemoPerson Person { get; } = new("900514410214", "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ");

    public DemoCertificateAuthority Trusted { get; }

    public DemoCertificateAuthority Untrusted { get; }

    public X509Certificate2 Authentication { get; }

    public X509Certificate2 Signing { get; }

    public X509Certificate2 UntrustedSigning { get; }

    public X509Certificate2 ExpiredSigning { get; }

    public static XmlSignatureVerifier Verifier(TrustedRoots roots, DateTimeOffset now) =>
        new(roots, new FakeTimeProvider(now), Options.Create(new SignatureOptions()),
            Kezek.Identity.Certificates.Revocation.RevocationServices.Standalone(new() { Mode = Kezek.Identity.Certificates.Revocation.RevocationMode.Off }, TimeProvider.System),
            NullLogger<XmlSignatureVerifier>.Instance);

    public XmlSignatureVerifier Verifier() => Verifier(new TrustedRoots([Trusted.Certificate]), Now);

    public void Dispose()
    {
        Trusted.Dispose();
        Untrusted.Dispose();
    }
}
