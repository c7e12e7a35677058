using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kezek.Identity.Certificates;

namespace Kezek.Identity.Signatures;

/// <summary>A signer's certificate parsed once: the certificate, its RSA public key (null when it has none) and its subject.</summary>
public sealed record SignerCertificate(X509Certificate2 Certificate, RSA? PublicKey, NcaSubject? Subject) : IDisposable
{
    internal string Key { get; init; } = "";

    public void Dispose()
    {
        PublicKey?.Dispose();
        Certificate.Dispose();
    }
}

/// <summary>
/// Signers' certificates by their bytes, each parsed once: parsing a certificate and importing its key were more than
/// half of a signature check (measured: 675 µs a check before, against 17 µs for the RSA verification itself). Only
/// parsing is remembered — every check still verifies the signature, the validity at that moment, the key usage, the
/// chain and revocation. Verifying with one RSA public key from many threads at once is safe (each verification has its
/// own OpenSSL context).
/// <para>
/// A certificate is remembered only after a signature made with it held, with its validity, key usage and chain (issue 15,
/// finding 4: anyone can send certificates, only trusted signers fill the memory). The memory has two generations of at
/// most <see cref="Remembered"/> each: when the current one is full, the older one is disposed and the current becomes
/// the older (a check in flight holds an entry for microseconds, never for a whole generation of new signers).
/// </para>
/// </summary>
public sealed class SignerCertificates
{
    public const int Remembered = 100_000;

    private readonly Lock _lock = new();
    private Dictionary<string, SignerCertificate> _current = new(StringComparer.Ordinal);
    private Dictionary<string, SignerCertificate> _older = new(StringComparer.Ordinal);

    /// <summary>How many certificates are remembered now (both generations).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _current.Count + _older.Count;
        }
    }

    /// <summary>The remembered certificate of these bytes, or a newly parsed one that the caller remembers or disposes.</summary>
    public SignerCertificate Of(byte[] raw, out bool remembered)
    {
        var key = Convert.ToHexString(SHA256.HashData(raw));
        lock (_lock)
        {
            if (_current.TryGetValue(key, out var known) || _older.TryGetValue(key, out known))
            {
                remembered = true;
                return known;
            }
        }

        remembered = false;
        var certificate = X509CertificateLoader.LoadCertificate(raw);
        return new SignerCertificate(certificate, certificate.GetRSAPublicKey(), NcaSubject.From(certificate)) { Key = key };
    }

    /// <summary>Remembers a certificate whose signature and chain held; returns the one to use (another thread's twin wins).</summary>
    public SignerCertificate Remember(SignerCertificate parsed)
    {
        Dictionary<string, SignerCertificate>? retired = null;
        SignerCertificate kept;
        lock (_lock)
        {
            if (_current.TryGetValue(parsed.Key, out var twin) || _older.TryGetValue(parsed.Key, out twin))
            {
                kept = twin;
            }
            else
            {
                if (_current.Count >= Remembered)
                {
                    retired = _older;
                    _older = _current;
                    _current = new Dictionary<string, SignerCertificate>(StringComparer.Ordinal);
                }

                _current[parsed.Key] = parsed;
                kept = parsed;
            }
        }

        if (!ReferenceEquals(kept, parsed))
            parsed.Dispose();
        foreach (var evicted in retired?.Values ?? Enumerable.Empty<SignerCertificate>())
            evicted.Dispose();
        return kept;
    }
}
