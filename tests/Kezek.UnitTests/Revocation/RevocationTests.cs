using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kezek.Core.Results;
using Kezek.Identity;
using Kezek.Identity.Certificates;
using Kezek.Identity.Certificates.Revocation;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kezek.UnitTests.Revocation;

/// <summary>
/// Revocation against real openssl processes (issue 15): an <c>openssl ocsp</c> responder on 127.0.0.1 and CRLs made by
/// <c>openssl ca -gencrl</c>, checked through the whole signature verifier — OCSP first, CRL second, fail closed.
/// </summary>
public sealed class RevocationTests : IDisposable
{
    private static readonly DemoPerson Mother = new("900514410214", "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ");
    private static readonly DemoPerson Father = new("881102320340", "АХМЕТОВ", "ДӘУРЕН", "ҚАНАТҰЛЫ");

    private readonly OpensslPki _pki = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public void Dispose() => _pki.Dispose();

    private XmlSignatureVerifier Verifier(RevocationOptions options) =>
        new(new TrustedRoots(_pki.Trusted), _clock, Options.Create(new SignatureOptions()), RevocationServices.Standalone(options, _clock),
            NullLogger<XmlSignatureVerifier>.Instance);

    private static RevocationOptions OcspOnly() => new() { UseCertificateCrlUrls = false };

    private static Task<Result<VerifiedDocument>> VerifyAsync(XmlSignatureVerifier verifier, X509Certificate2 signer) =>
        verifier.VerifyAsync(OpensslPki.SignAction(signer), KeyPurpose.Signing, CancellationToken.None);

    [Fact]
    public async Task A_good_answer_of_the_responder_is_accepted_and_kept_as_evidence()
    {
        var good = _pki.IssueSigning(Mother);
        await _pki.StartResponderAsync();

        var verified = await VerifyAsync(Verifier(OcspOnly()), good);

        Assert.True(verified.IsSuccess, verified.Error?.Code);
        Assert.StartsWith("OCSP:", verified.Value.RevocationEvidence, StringComparison.Ordinal);
        var response = Convert.FromBase64String(verified.Value.RevocationEvidence!["OCSP:".Length..]);
        Assert.True(response.Length > 100);
    }

    [Fact]
    public async Task SHA256_certificate_ids_are_understood_by_the_responder()
    {
        var good = _pki.IssueSigning(Mother);
        await _pki.StartResponderAsync();

        var verified = await VerifyAsync(Verifier(new RevocationOptions { UseCertificateCrlUrls = false, OcspHashAlgorithm = "SHA256" }), good);

        Assert.True(verified.IsSuccess, verified.Error?.Code);
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused()
    {
        var revoked = _pki.IssueSigning(Father);
        _pki.Revoke(revoked);
        await _pki.StartResponderAsync();

        var verified = await VerifyAsync(Verifier(OcspOnly()), revoked);

        Assert.Equal(ErrorCodes.CertificateRevoked, verified.Error?.Code);
    }

    [Fact]
    public async Task No_responder_and_no_CRL_is_refused_as_unknown()
    {
        var good = _pki.IssueSigning(Mother);

        var verified = await VerifyAsync(Verifier(OcspOnly()), good);

        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, verified.Error?.Code);
    }

    [Fact]
    public async Task With_the_responder_down_the_CRL_of_the_distribution_point_decides()
    {
        var good = _pki.IssueSigning(Mother);
        var revoked = _pki.IssueSigning(Father);
        _pki.Revoke(revoked);
        _pki.GenerateCrl("issuing.crl");
        var verifier = Verifier(new RevocationOptions());

        var accepted = await VerifyAsync(verifier, good);
        Assert.True(accepted.IsSuccess, accepted.Error?.Code);
        Assert.StartsWith("CRL CN=KEZEK REVOCATION TEST ISSUING CA, C=KZ #1", accepted.Value.RevocationEvidence, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.CertificateRevoked, (await VerifyAsync(verifier, revoked)).Error?.Code);
    }

    [Fact]
    public async Task A_CRL_past_its_next_update_is_no_answer()
    {
        var good = _pki.IssueSigning(Mother);
        _pki.GenerateCrl("issuing.crl");
        var verifier = Verifier(new RevocationOptions());
        Assert.True((await VerifyAsync(verifier, good)).IsSuccess);

        _clock.Advance(TimeSpan.FromDays(2)); // default_crl_days = 1
        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, (await VerifyAsync(verifier, good)).Error?.Code);
    }

    [Fact]
    public async Task A_delta_CRL_adds_a_revocation_to_the_full_one()
    {
        var late = _pki.IssueSigning(Mother);
        var full = _pki.GenerateCrl("full.crl");
        _pki.Revoke(late);
        var delta = _pki.GenerateCrl("delta.crl", delta: true);

        var fullOnly = Verifier(new RevocationOptions { UseCertificateCrlUrls = false, Crls = [full] });
        Assert.True((await VerifyAsync(fullOnly, late)).IsSuccess);

        var withDelta = Verifier(new RevocationOptions { UseCertificateCrlUrls = false, Crls = [full, delta] });
        Assert.Equal(ErrorCodes.CertificateRevoked, (await VerifyAsync(withDelta, late)).Error?.Code);
        var parsed = CertificateRevocationList.Parse(File.ReadAllBytes(delta));
        Assert.True(parsed.IsDelta);
        Assert.Equal(1, parsed.BaseNumber);
        Assert.Equal(2, parsed.Number);
    }

    [Fact]
    public async Task A_good_answer_is_remembered_within_its_window_only()
    {
        var good = _pki.IssueSigning(Mother);
        var responder = await _pki.StartResponderAsync();
        var verifier = Verifier(new RevocationOptions { UseCertificateCrlUrls = false, OcspMaxCacheAge = TimeSpan.FromMinutes(30) });
        Assert.True((await VerifyAsync(verifier, good)).IsSuccess);

        OpensslPki.Stop(responder);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True((await VerifyAsync(verifier, good)).IsSuccess);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, (await VerifyAsync(verifier, good)).Error?.Code);
    }

    [Fact]
    public async Task A_good_answer_is_not_remembered_past_its_next_update()
    {
        var good = _pki.IssueSigning(Mother);
        var responder = await _pki.StartResponderAsync(nextUpdateMinutes: 5);
        var verifier = Verifier(OcspOnly());
        Assert.True((await VerifyAsync(verifier, good)).IsSuccess);

        OpensslPki.Stop(responder);
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, (await VerifyAsync(verifier, good)).Error?.Code);
    }

    [Fact]
    public async Task An_answer_signed_by_a_responder_the_issuer_did_not_delegate_is_refused()
    {
        var good = _pki.IssueSigning(Mother);
        using var key = RSA.Create(2048);
        // Issued by the issuing CA, but without id-kp-OCSPSigning: not a delegated responder.
        _pki.WriteSigner("plain", _pki.IssueResponder("KEZEK TEST NOT A RESPONDER", key, []), key);
        await _pki.StartResponderAsync(signer: "plain");

        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, (await VerifyAsync(Verifier(OcspOnly()), good)).Error?.Code);
    }

    [Fact]
    public async Task An_answer_signed_by_a_stranger_is_refused()
    {
        var good = _pki.IssueSigning(Mother);
        using var key = RSA.Create(2048);
        using var stranger = new CertificateRequest("CN=KEZEK TEST OCSP RESPONDER, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _pki.WriteSigner("stranger", stranger, key);
        await _pki.StartResponderAsync(signer: "stranger");

        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, (await VerifyAsync(Verifier(OcspOnly()), good)).Error?.Code);
    }

    private const string Pkix_OcspSigning = "1.3.6.1.5.5.7.3.9";

    [Fact]
    public async Task An_answer_to_another_nonce_or_another_certificate_is_refused()
    {
        var good = _pki.IssueSigning(Mother);
        var other = _pki.IssueSigning(Father);
        await _pki.StartResponderAsync();
        var nonce = RandomNumberGenerator.GetBytes(16);
        using var http = new HttpClient();
        using var content = new ByteArrayContent(Ocsp.Request(good, _pki.Issuing, HashAlgorithmName.SHA1, nonce));
        content.Headers.ContentType = new MediaTypeHeaderValue(Ocsp.ContentType);
        using var response = await http.PostAsync(_pki.OcspUrl, content);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var now = _clock.GetUtcNow().UtcDateTime;

        Assert.Equal(OcspStatus.Good, Ocsp.Read(answer, good, _pki.Issuing, nonce, now, TimeSpan.FromMinutes(5)).Status);
        Assert.Equal("nonce", Ocsp.Read(answer, good, _pki.Issuing, RandomNumberGenerator.GetBytes(16), now, TimeSpan.FromMinutes(5)).Fault);
        Assert.Equal(OcspStatus.NoAnswer, Ocsp.Read(answer, other, _pki.Issuing, nonce, now, TimeSpan.FromMinutes(5)).Status);
        var tampered = (byte[])answer.Clone();
        tampered[^300] ^= 0x01;
        Assert.Equal(OcspStatus.NoAnswer, Ocsp.Read(tampered, good, _pki.Issuing, nonce, now, TimeSpan.FromMinutes(5)).Status);
        Assert.Equal("thisUpdate in the future", Ocsp.Read(answer, good, _pki.Issuing, nonce, now.AddHours(-1), TimeSpan.FromMinutes(5)).Fault);
    }

    [Fact]
    public async Task A_responder_configured_for_the_issuer_is_asked_instead_of_the_AIA()
    {
        var good = _pki.IssueSigning(Mother, ocspUrl: $"http://127.0.0.1:{OpensslPki.FreePort()}/");
        await _pki.StartResponderAsync();
        var keyId = _pki.Issuing.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier!;

        Assert.Equal(ErrorCodes.CertificateRevocationUnknown, (await VerifyAsync(Verifier(OcspOnly()), good)).Error?.Code);
        var configured = new RevocationOptions { UseCertificateCrlUrls = false, OcspResponders = new() { [keyId.ToLowerInvariant()] = _pki.OcspUrl } };
        Assert.True((await VerifyAsync(Verifier(configured), good)).IsSuccess);
    }

    [Fact]
    public async Task Revocation_off_accepts_without_asking()
    {
        var good = _pki.IssueSigning(Mother);

        var verified = await VerifyAsync(Verifier(new RevocationOptions { Mode = RevocationMode.Off }), good);

        Assert.True(verified.IsSuccess);
        Assert.Null(verified.Value.RevocationEvidence);
    }
}
