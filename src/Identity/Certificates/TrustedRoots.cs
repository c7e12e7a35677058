using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kezek.Identity.Certificates;

/// <summary>
/// The certificates signatures must chain to: those of a configured folder. Self-signed files are roots;
/// the others are intermediates that are also pinned, so that a folder may trust an issuing CA without its
/// root. Nothing else is trusted — not the machine's store.
/// </summary>
public sealed class TrustedRoots
{
    public TrustedRoots(IEnumerable<X509Certificate2> certificates)
    {
        foreach (var certificate in certificates)
        {
            if (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
                Anchors.Add(certificate);
            else
                Intermediates.Add(certificate);
        }
    }

    public X509Certificate2Collection Anchors { get; } = [];

    public X509Certificate2Collection Intermediates { get; } = [];

    /// <summary>How many chains are remembered before the memory starts over: a city's signers of a busy day.</summary>
    public const int RememberedChains = 100_000;

    // A chain that was built stays valid while every certificate in it is: the window of validity is remembered, so
    // the same signer's next actions need no chain building (it was a tenth of the server's CPU in the rush). Only
    // successes are remembered; revocation is checked apart, on every signature (RevocationChecker), never remembered here.
    private readonly ConcurrentDictionary<string, (DateTime From, DateTime Until)> _chained = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the certificate chains, at the given time, to a root of the folder or ends at a pinned
    /// certificate of the folder with no other fault. Revocation is checked apart (RevocationChecker).
    /// </summary>
    public bool Chains(X509Certificate2 certificate, DateTime utcNow, out string status)
    {
        var key = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (_chained.TryGetValue(key, out var window) && utcNow >= window.From && utcNow <= window.Until)
        {
            status = "ok";
            return true;
        }

        status = "no-trusted-certificates";
        if (Anchors.Count == 0 && Intermediates.Count == 0)
            return false;

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Anchors);
        chain.ChainPolicy.ExtraStore.AddRange(Intermediates);
        // The platform's own revocation check stays off: Kezek asks OCSP and CRLs itself, fail closed (RevocationChecker).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = utcNow.ToLocalTime();
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        var elements = new List<X509Certificate2>();
        try
        {
            var built = chain.Build(certificate);
            elements.AddRange(chain.ChainElements.Select(e => e.Certificate));
            status = built ? "ok" : string.Join(",", chain.ChainStatus.Select(s => s.Status));
            var chains = built || (chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.PartialChain) && elements.Count > 0
                                   && Intermediates.Any(pinned => pinned.RawData.AsSpan().SequenceEqual(elements[^1].RawData)));
            if (chains)
                Remember(key, elements);
            return chains;
        }
        finally
        {
            foreach (var element in elements)
                element.Dispose();
        }
    }

    private void Remember(string key, List<X509Certificate2> chain)
    {
        if (_chained.Count >= RememberedChains)
            _chained.Clear();
        _chained[key] = (chain.Max(c => c.NotBefore.ToUniversalTime()), chain.Min(c => c.NotAfter.ToUniversalTime()));
    }

    /// <summary>
    /// The issuer of a certificate among the folder's certificates (same name, and its key signed the certificate), for the
    /// revocation check; null when the folder does not hold it.
    /// </summary>
    public X509Certificate2? IssuerOf(X509Certificate2 certificate)
    {
        // Which trusted certificate signed this one is a fact of their bytes: found once (an RSA verification and an import
        // of the issuer's key, on every signed request before), remembered by the certificate's SHA-256. Only a found issuer
        // is remembered; the revocation check that asks for it still runs on every signature.
        var key = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (_issuers.TryGetValue(key, out var known))
            return known;
        var issuer = Revocation.Pkix.IssuerAmong(certificate, Intermediates.Concat(Anchors));
        if (issuer is not null)
        {
            if (_issuers.Count >= RememberedChains)
                _issuers.Clear();
            _issuers[key] = issuer;
        }

        return issuer;
    }

    private readonly ConcurrentDictionary<string, X509Certificate2> _issuers = new(StringComparer.Ordinal);

    /// <summary>Reads every .cer, .crt and .pem file (DER or PEM) of the folders that exist.</summary>
    public static TrustedRoots FromFolders(params string?[] folders)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var folder in folders)
        {
            if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var extension = Path.GetExtension(file).ToLowerInvariant();
                if (extension is ".cer" or ".crt" or ".pem")
                    certificates.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            }
        }

        return new TrustedRoots(certificates);
    }
}
