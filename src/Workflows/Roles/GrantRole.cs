using System.Globalization;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Roles;

/// <summary>An administrator gives a person a staff role in a scope: a region, or a kindergarten's BIN.</summary>
public sealed record GrantRole(string Iin, Role Role, string? RegionCode, string? Bin, Viewer Viewer);

public sealed record RevokeRole(Guid GrantId, Viewer Viewer);

public sealed class RoleGrants(IKezekDb db, TimeProvider clock)
{
    public async Task<Result<RoleGrant>> GrantAsync(GrantRole command, CancellationToken cancellationToken)
    {
        var administrator = AccessPolicy.AsAdministrator(command.Viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var iin = Iin.Parse(command.Iin);
        if (!iin.IsSuccess)
            return iin.Error!;

        var scopeError = command.Role switch
        {
            Role.KindergartenStaff when command.RegionCode is not null || !IsBin(command.Bin) => true,
            Role.Operator or Role.PolicyOfficer when command.Bin is not null || command.RegionCode is null => true,
            Role.Administrator when command.Bin is not null || command.RegionCode is not null => true,
            Role.Applicant or Role.System => true,
            _ => false,
        };
        if (scopeError)
            return Error.Of(ErrorCodes.RoleScopeInvalid, ("role", command.Role.ToString()));
        if (command.RegionCode is not null && !await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", command.RegionCode));
        if (command.Bin is not null && !await db.Kindergartens.AnyAsync(k => k.Bin == command.Bin, cancellationToken))
            return Error.Of(ErrorCodes.UnknownKindergarten, ("bin", command.Bin));

        var existing = await db.RoleGrants.FirstOrDefaultAsync(g => g.Iin == iin.Value.Value && g.Role == command.Role
            && g.RegionCode == command.RegionCode && g.Bin == command.Bin && g.RevokedAt == null, cancellationToken);
        if (existing is not null)
            return existing;

        var now = clock.GetUtcNow().UtcDateTime;
        var grant = new RoleGrant(Guid.NewGuid(), iin.Value.Value, command.Role, command.RegionCode, command.Bin,
            administrator.Value.Iin, now);
        db.RoleGrants.Add(grant);
        db.StaffActions.Add(new StaffAction(now, administrator.Value, "GrantRole", Describe(grant)));
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    public async Task<Result<RoleGrant>> RevokeAsync(RevokeRole command, CancellationToken cancellationToken)
    {
        var administrator = AccessPolicy.AsAdministrator(command.Viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == command.GrantId, cancellationToken);
        if (grant is null)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "grantId"));
        if (!grant.IsActive)
            return grant;

        var now = clock.GetUtcNow().UtcDateTime;
        grant.Revoke(administrator.Value.Iin, now);
        db.StaffActions.Add(new StaffAction(now, administrator.Value, "RevokeRole", Describe(grant)));
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    /// <summary>The roles a person holds now, from grants (the applicant role is everyone's).</summary>
    public async Task<IReadOnlyList<HeldRole>> HeldByAsync(string iin, CancellationToken cancellationToken) =>
        await db.RoleGrants.AsNoTracking()
            .Where(g => g.Iin == iin && g.RevokedAt == null)
            .Select(g => new HeldRole(g.Role, g.RegionCode, g.Bin))
            .ToListAsync(cancellationToken);

    private static bool IsBin(string? bin) => bin is { Length: 12 } && bin.All(char.IsAsciiDigit);

    private static string Describe(RoleGrant grant) => string.Create(CultureInfo.InvariantCulture,
        $"grant={grant.Id}; iin={Core.Iins.Iin.Mask(grant.Iin)}; role={grant.Role}; region={grant.RegionCode}; bin={grant.Bin}");
}
