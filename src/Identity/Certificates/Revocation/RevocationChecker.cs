using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kezek.Identity.Certificates.Revocation;

public enum RevocationStatus
{
    Good,
    Revoked,
    Unknown,
}

/// <summary>
/// The revocation status of a signer's certificate and what showed it: <c>OCSP:</c> and the responder's answer (base64),
/// or <c>CRL</c> with the issuer and number of the CRL (and delta) that decided; null when revocation is off.
/// </summary>
public sealed record RevocationVerdict(RevocationStatus Status, string? Evidence);

/// <summary>
/// Whether a signer's certificate is revoked, the way NCANode asks: OCSP first (the issuer's configured responder, else the
/// certificate's AIA), CRL second (full and delta), and no answer from either is <see cref="RevocationStatus.Unknown"/>,
/// which refuses the signature. A good OCSP answer is remembered until its nextUpdate, and no longer than
/// <see cref="RevocationOptions.OcspMaxCacheAge"/>. Only the signer's (end-entity) certificate is checked.
/// </summary>
public sealed class RevocationChecker(IOptions<RevocationOptions> options, CrlStore crls, IHttpClientFactory http, TimeProvider clock,
    ILogger<RevocationChecker> logger)
{
    public const string HttpClientName = "kezek-ocsp";

    /// <summary>How many good answers are remembered before the memory starts over.</summary>
    public const int RememberedAnswers = 100_000;

    private readonly ConcurrentDictionary<string, (DateTime Until, string Evidence)> _good = new(StringComparer.Ordinal);

    public bool IsOff => options.Value.Mode == RevocationMode.Off;

    public async Task<RevocationVerdict> CheckAsync(X509Certificate2 certificate, X509Certificate2? issuer, CancellationToken cancellationToken)
    {
        if (IsOff)
            return new RevocationVerdict(RevocationStatus.Good, null);
        if (issuer is null)
        {
            logger.LogWarning("Revocation unknown: the issuer of the signer's certificate is not among the trusted certificates");
            return new RevocationVerdict(RevocationStatus.Unknown, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (_good.TryGetValue(key, out var remembered) && now <= remembered.Until)
            return new RevocationVerdict(RevocationStatus.Good, remembered.Evidence);

        foreach (var responder in Responders(certificate, issuer))
        {
            var answer = await AskAsync(responder, certificate, issuer, now, cancellationToken);
            if (answer.Status == OcspStatus.NoAnswer)
            {
                logger.LogWarning("OCSP {Responder} gave no answer: {Fault}", responder, answer.Fault);
                continue;
            }

            var evidence = "OCSP:" + Convert.ToBase64String(answer.Response);
            if (answer.Status == OcspStatus.Revoked)
            {
                _good.TryRemove(key, out _);
                return new RevocationVerdict(RevocationStatus.Revoked, evidence);
            }

            var until = now + options.Value.OcspMaxCacheAge;
            if (answer.NextUpdate is { } next && next < until)
                until = next;
            if (_good.Count >= RememberedAnswers)
                _good.Clear();
            _good[key] = (until, evidence);
            return new RevocationVerdict(RevocationStatus.Good, evidence);
        }

        var verdict = await crls.CheckAsync(certificate, issuer, cancellationToken);
        if (verdict.Status == RevocationStatus.Unknown)
            logger.LogWarning("Revocation unknown: neither an OCSP responder nor a current CRL of {Issuer} answered", issuer.Subject);
        return verdict;
    }

    private IEnumerable<string> Responders(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var configured = options.Value.OcspResponders;
        var keyId = Pkix.KeyIdentifier(issuer);
        foreach (var (issuerKey, url) in configured)
        {
            if (string.Equals(issuerKey, keyId, StringComparison.OrdinalIgnoreCase) || string.Equals(issuerKey, issuer.Thumbprint, StringComparison.OrdinalIgnoreCase))
                return [url];
        }

        return options.Value.UseCertificateOcspUrls
            ? Pkix.OcspUris(certificate).Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                                                    || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).Distinct().Take(2)
            : [];
    }

    private async Task<OcspAnswer> AskAsync(string responder, X509Certificate2 certificate, X509Certificate2 issuer, DateTime now,
        CancellationToken cancellationToken)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var hash = string.Equals(options.Value.OcspHashAlgorithm, "SHA256", StringComparison.OrdinalIgnoreCase)
            ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        var request = Ocsp.Request(certificate, issuer, hash, nonce);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.OcspTimeout);
            using var client = http.CreateClient(HttpClientName);
            using var content = new ByteArrayContent(request);
            content.Headers.ContentType = new MediaTypeHeaderValue(Ocsp.ContentType);
            using var response = await client.PostAsync(responder, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return OcspAnswer.Refused("HTTP " + (int)response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (bytes.Length > 1024 * 1024)
                return OcspAnswer.Refused("too large");
            return Ocsp.Read(bytes, certificate, issuer, nonce, now, options.Value.ClockSkew);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException
                                              or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return OcspAnswer.Refused("unreachable: " + exception.GetType().Name);
        }
    }
}
