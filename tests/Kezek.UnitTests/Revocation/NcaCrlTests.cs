using System.Security.Cryptography.X509Certificates;
using Kezek.Identity.Certificates.Revocation;

namespace Kezek.UnitTests.Revocation;

/// <summary>The NCA RK test CRL (tests/testdata/nca, from NCANode's public test resources) is read and its signature verified.</summary>
public sealed class NcaCrlTests
{
    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "nca", name);

    [Fact]
    public void The_NCA_test_CRL_parses_and_verifies_with_its_issuer()
    {
        var crl = CertificateRevocationList.Parse(System.IO.File.ReadAllBytes(File("nca_rsa_test.crl")));
        using var issuer = X509CertificateLoader.LoadCertificateFromFile(File("nca_rsa_test.crt"));

        Assert.Contains("ҰКО 3.0 (RSA TEST)", crl.Issuer.Name, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2022, 3, 29), crl.ThisUpdate.Date);
        Assert.NotNull(crl.NextUpdate);
        Assert.True(crl.Count > 0);
        Assert.True(crl.IsSignedBy(issuer));
        Assert.False(crl.IsCurrent(DateTime.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.True(crl.IsCurrent(crl.ThisUpdate.AddMinutes(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void The_NCA_test_certificates_name_their_distribution_points_and_responder()
    {
        using var leaf = X509CertificateLoader.LoadCertificateFromFile(File("individual_valid_sign_2004_rsa.cer"));
        using var issuer = X509CertificateLoader.LoadCertificateFromFile(File("nca_rsa_test.crt"));

        Assert.NotEmpty(Pkix.CrlUris(leaf));
        Assert.True(Pkix.IsSignedBy(leaf, issuer));
    }
}

/// <summary>Issue 15, finding 4: only a signature that holds fills the signer cache.</summary>
public sealed class SignerCacheTests
{
    [Fact]
    public void Certificates_whose_signature_or_chain_fails_are_not_remembered()
    {
        var now = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);
        using var trusted = Kezek.Identity.Demo.DemoCertificateAuthority.Create("KEZEK TEST CA", now.AddYears(-1), now.AddYears(5));
        using var rogue = Kezek.Identity.Demo.DemoCertificateAuthority.Create("KEZEK TEST CA", now.AddYears(-1), now.AddYears(5));
        var verifier = Kezek.UnitTests.Signatures.SignatureFixture.Verifier(new Kezek.Identity.Certificates.TrustedRoots([trusted.Certificate]), now);
        var person = Kezek.UnitTests.Signatures.SignatureFixture.Person;
        var document = Kezek.Identity.Signatures.ActionDocument.Action("registerApplication", "n", []);

        // Distinct certificates with distinct serials, each signing validly, none chaining to a trusted root.
        for (var i = 0; i < 40; i++)
        {
            using var bad = rogue.IssueSigning(person, now.AddDays(-1), now.AddYears(1));
            var refused = verifier.VerifySignature(Kezek.Identity.Signatures.XmlSigner.Sign(document, bad), Kezek.Identity.Signatures.KeyPurpose.Signing);
            Assert.Equal(Kezek.Core.Results.ErrorCodes.CertificateUntrusted, refused.Error?.Code);
        }

        Assert.Equal(0, verifier.RememberedSigners);

        using var good = trusted.IssueSigning(person, now.AddDays(-1), now.AddYears(1));
        var signed = Kezek.Identity.Signatures.XmlSigner.Sign(document, good);
        Assert.True(verifier.VerifySignature(signed, Kezek.Identity.Signatures.KeyPurpose.Signing).IsSuccess);
        Assert.True(verifier.VerifySignature(signed, Kezek.Identity.Signatures.KeyPurpose.Signing).IsSuccess);
        Assert.Equal(1, verifier.RememberedSigners);
    }
}
