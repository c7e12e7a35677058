using System.Security.Cryptography.X509Certificates;

namespace Kezek.Identity.Certificates;

/// <summary>
/// The certificates signatures must chain to: the roots of a configured folder (self-signed files are
/// anchors, the others intermediates). Nothing else is trusted — not the machine's store.
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
