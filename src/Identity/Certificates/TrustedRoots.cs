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

    /// <summary>
    /// Whether the certificate chains, at the given time, to a root of the folder or ends at a pinned
    /// certificate of the folder with no other fault. Revocation is not checked here.
    /// </summary>
    public bool Chains(X509Certificate2 certificate, DateTime utcNow, out string status)
    {
        status = "no-trusted-certificates";
        if (Anchors.Count == 0 && Intermediates.Count == 0)
            return false;

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Anchors);
        chain.ChainPolicy.ExtraStore.AddRange(Intermediates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = utcNow.ToLocalTime();
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (chain.Build(certificate))
        {
            status = "ok";
            return true;
        }

        status = string.Join(",", chain.ChainStatus.Select(s => s.Status));
        var onlyPartial = chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.PartialChain);
        var last = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        return onlyPartial && last is not null
               && Intermediates.Any(pinned => pinned.RawData.AsSpan().SequenceEqual(last.RawData));
    }

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
