using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Roles;

/// <summary>Who holds what: the grants, newest first, filtered by person, role and region; revoked ones only when asked.</summary>
public sealed record ListRoleGrants(Viewer Viewer, string? Iin, Role? Role, string? Region, bool IncludeRevoked);

public sealed class ListRoleGrantsHandler(IKezekDb db)
{
    public const int MaxRows = 500;

    public async Task<Result<IReadOnlyList<RoleGrant>>> HandleAsync(ListRoleGrants query, CancellationToken cancellationToken)
    {
        var administrator = AccessPolicy.AsAdministrator(query.Viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var grants = db.RoleGrants.AsNoTracking()
            .Where(g => query.Iin == null || g.Iin == query.Iin)
            .Where(g => query.Role == null || g.Role == query.Role)
            .Where(g => query.Region == null || g.RegionCode == query.Region)
            .Where(g => query.IncludeRevoked || g.RevokedAt == null);
        return await grants.OrderByDescending(g => g.GrantedAt).Take(MaxRows).ToListAsync(cancellationToken);
    }
}
