namespace Kezek.Core.Identity;

/// <summary>A role a person holds now, with its scope.</summary>
public sealed record HeldRole(Role Role, string? RegionCode, string? Bin);

/// <summary>The signed-in person a request acts for, with the roles they hold.</summary>
public sealed record Viewer(string Iin, string FullName, string? Bin, IReadOnlyList<HeldRole> Roles)
{
    public bool IsAdministrator => Roles.Any(r => r.Role == Role.Administrator);

    public bool Holds(Role role, string? regionCode = null) =>
        Roles.Any(r => r.Role == role && (regionCode is null || r.RegionCode == regionCode));

    /// <summary>Regions whose whole journal this person may read (operators of the region).</summary>
    public IReadOnlyList<string> OperatorRegions =>
        [.. Roles.Where(r => r.Role == Role.Operator && r.RegionCode is not null).Select(r => r.RegionCode!)];

    /// <summary>The role in which this person acts for a kindergarten: its own staff, an operator of its region, or an administrator; null when none.</summary>
    public Role? StaffRoleFor(Regions.Kindergarten kindergarten)
    {
        if (Roles.Any(r => r.Role == Role.KindergartenStaff && r.Bin == kindergarten.Bin))
            return Role.KindergartenStaff;
        if (Holds(Role.Operator, kindergarten.RegionCode))
            return Role.Operator;
        return IsAdministrator ? Role.Administrator : null;
    }

    public Actor AsApplicant() => new(Iin, FullName, Role.Applicant);

    public Actor As(Role role) => new(Iin, FullName, role);
}
