using System.Security.Cryptography.X509Certificates;
using Kezek.Core.Results;
using Kezek.Identity.Certificates;
using Kezek.Identity.Signatures;

namespace Kezek.UnitTests.Signatures;

/// <summary>The real NCA RK test keys and certificates of <c>tests/testdata/nca</c> (all expired: the clock is pinned).</summary>
public sealed class NcaTestVectorTests
{
    private const string Password = "Qwerty12";
    private static readonly DateTimeOffset InsideKeyValidity = new(2019, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Copied beside the test binary from <c>tests/testdata/nca</c>: the repository carries its own test vectors.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "testdata", "nca");

    private static X509Certificate2 Key(string prefix) =>
        X509CertificateLoader.LoadPkcs12FromFile(Directory.GetFiles(Folder, prefix + "*.p12").Single(), Password,
            X509KeyStorageFlags.EphemeralKeySet);

    [Theory]
    [InlineData("AUTH_RSA256_")]
    [InlineData("RSA256_")]
    public void The_test_keys_name_the_person_by_OID(string prefix)
    {
        using var key = Key(prefix);
        var subject = NcaSubject.From(key)!;

        Assert.Equal("123456789011", subject.Iin);
        Assert.Equal("ТЕСТОВ ТЕСТ", subject.CommonName);
        Assert.Equal("ТЕСТОВ", subject.Surname);
        Assert.Equal("ТЕСТОВИЧ", subject.Patronymic);
        Assert.Equal("ТЕСТОВ ТЕСТ ТЕСТОВИЧ", subject.FullName);
        Assert.Null(subject.Bin);
    }

    [Theory]
    [InlineData("individual_valid_sign_2004_rsa.cer")]
    [InlineData("individual_valid_sign_2004_rsa_auth.cer")]
    public void The_test_certificates_parse_to_the_IIN(string file)
    {
        var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Folder, file));

        Assert.Equal("123456789011", NcaSubject.From(certificate)?.Iin);
    }

    [Fact]
    public void A_login_signed_with_the_real_AUTH_key_verifies_at_a_pinned_clock()
    {
        using var key = Key("AUTH_RSA256_");
        // The key's issuing CA is not published: trust is pinned to the certificate itself.
        var roots = new TrustedRoots([X509CertificateLoader.LoadCertificate(key.RawData)]);
        var signed = XmlSigner.Sign(ActionDocument.Login("nonce-1"), key);

        var result = SignatureFixture.Verifier(roots, InsideKeyValidity).VerifySignature(signed, KeyPurpose.Authentication);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("123456789011", result.Value.Signer.Iin);
        Assert.Equal(ErrorCodes.CertificateExpired,
            SignatureFixture.Verifier(roots, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)).VerifySignature(signed, KeyPurpose.Authentication).Error?.Code);
    }

    [Fact]
    public void The_real_SIGN_key_cannot_sign_in_and_the_AUTH_key_cannot_sign_actions()
    {
        using var auth = Key("AUTH_RSA256_");
        using var sign = Key("RSA256_");
        var roots = new TrustedRoots([X509CertificateLoader.LoadCertificate(auth.RawData), X509CertificateLoader.LoadCertificate(sign.RawData)]);
        var verifier = SignatureFixture.Verifier(roots, InsideKeyValidity);

        Assert.Equal(ErrorCodes.CertificateKeyUsage, verifier.VerifySignature(XmlSigner.Sign(ActionDocument.Login("n"), sign), KeyPurpose.Authentication).Error?.Code);
        Assert.Equal(ErrorCodes.CertificateKeyUsage,
            verifier.VerifySignature(XmlSigner.Sign(ActionDocument.Action("x", "n", []), auth), KeyPurpose.Signing).Error?.Code);
        Assert.True(verifier.VerifySignature(XmlSigner.Sign(ActionDocument.Action("x", "n", []), sign), KeyPurpose.Signing).IsSuccess);
    }

    [Fact]
    public void The_2022_certificates_chain_to_the_pinned_NCA_test_CA_only_while_valid()
    {
        var leaf = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Folder, "individual_valid_sign_2004_rsa.cer"));
        var issuer = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Folder, "nca_rsa_test.crt"));
        var roots = new TrustedRoots([issuer]);

        Assert.True(roots.Chains(leaf, new DateTime(2022, 6, 1, 0, 0, 0, DateTimeKind.Utc), out var status), status);
        Assert.False(roots.Chains(leaf, new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc), out _));
        Assert.False(new TrustedRoots([]).Chains(leaf, new DateTime(2022, 6, 1, 0, 0, 0, DateTimeKind.Utc), out _));
    }
}
