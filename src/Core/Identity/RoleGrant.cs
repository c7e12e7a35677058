namespace Kezek.Core.Identity;

/// <summary>A role given to a person by an administrator, with its scope (a region or a kindergarten's BIN).</summary>
public sealed class RoleGrant
{
    public RoleGrant(Guid id, string iin, Role role, string? regionCode, string? bin, string grantedByIin, DateTime grantedAt)
    {
        Id = id;
        Iin = iin;
        Role = role;
        RegionCode = regionCode;
        Bin = bin;
        GrantedByIin = grantedByIin;
        GrantedAt = grantedAt;
    }

    public Guid Id { get; private set; }

    public string Iin { get; private set; }

    public Role Role { get; private set; }

    public string? RegionCode { get; private set; }

    public string? Bin { get; private set; }

    public string GrantedByIin { get; private set; }

    public DateTime GrantedAt { get; private set; }

    public string? RevokedByIin { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(string byIin, DateTime now)
    {
        RevokedByIin ??= byIin;
        RevokedAt ??= now;
    }
}
