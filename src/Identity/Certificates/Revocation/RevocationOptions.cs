namespace Kezek.Identity.Certificates.Revocation;

/// <summary>Whether a signer's certificate is checked for revocation.</summary>
public enum RevocationMode
{
    /// <summary>OCSP first, CRL second; no answer from either refuses the signature (the default everywhere).</summary>
    Required,

    /// <summary>Not checked: allowed only in Development and tests, and logged loudly at start.</summary>
    Off,
}

/// <summary>Configuration <c>Kezek:Signatures:Revocation</c> (SPEC §4, ADR 0015).</summary>
public sealed class RevocationOptions
{
    public const string Section = "Kezek:Signatures:Revocation";

    public RevocationMode Mode { get; set; } = RevocationMode.Required;

    /// <summary>
    /// OCSP responders by issuer: the key is the issuing CA's subject key identifier or its SHA-1 thumbprint (hex, any
    /// case); the value the responder's URL. A configured responder is asked instead of the certificate's AIA.
    /// </summary>
    public Dictionary<string, string> OcspResponders { get; set; } = [];

    /// <summary>Whether the OCSP URL of a certificate's AIA is asked when no responder is configured for its issuer.</summary>
    public bool UseCertificateOcspUrls { get; set; } = true;

    /// <summary>The hash of the OCSP CertID: SHA1 (what every responder understands) or SHA256.</summary>
    public string OcspHashAlgorithm { get; set; } = "SHA1";

    /// <summary>How long an OCSP request may take.</summary>
    public TimeSpan OcspTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a good OCSP answer is remembered at most (never past its nextUpdate).</summary>
    public TimeSpan OcspMaxCacheAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far an answer's thisUpdate may be ahead of Kezek's clock.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// CRLs (full or delta) to read besides those of the certificates' distribution points: http(s) URLs, <c>file:</c> URIs or
    /// paths (relative to the data folder). Each CRL names its issuer and is used for that issuer's certificates only.
    /// </summary>
    public List<string> Crls { get; set; } = [];

    /// <summary>Whether the CRL distribution points (and freshest-CRL points) of a certificate are read.</summary>
    public bool UseCertificateCrlUrls { get; set; } = true;

    /// <summary>Where downloaded CRLs are kept, relative to the data folder.</summary>
    public string CrlCacheFolder { get; set; } = "revocation";

    /// <summary>How often the known CRLs are downloaded again in the background.</summary>
    public TimeSpan CrlRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a CRL download may take.</summary>
    public TimeSpan CrlTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a failed download, how long before the same source is tried again on demand.</summary>
    public TimeSpan CrlRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The data folder, set by the host (the CRL cache and relative CRL paths live under it).</summary>
    public string? DataPath { get; set; }
}
