namespace Kezek.Identity;

/// <summary>Configuration <c>Kezek:Signatures</c>.</summary>
public sealed class SignatureOptions
{
    public const string Section = "Kezek:Signatures";

    /// <summary>A folder of trusted root (and intermediate) certificates: production points it at the NCA RK roots.</summary>
    public string? TrustedRootsPath { get; set; }

    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Signed documents larger than this are refused before parsing.</summary>
    public int MaxDocumentBytes { get; set; } = 64 * 1024;
}

/// <summary>Configuration <c>Kezek:Bootstrap</c>: the first administrators, who grant every other role.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Kezek:Bootstrap";

    public IReadOnlyList<string> AdministratorIins { get; set; } = [];
}
