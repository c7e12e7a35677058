using Kezek.Core.Documents;
using Kezek.Core.Identity;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Documents;

/// <summary>Who may read an issued document, and the public check of a verification code.</summary>
public sealed class DocumentAccess(IKezekDb db)
{
    /// <summary>
    /// The document, for its family, the region's operators, administrators, and — for a direction — the staff of its
    /// kindergarten; null for anyone else, exactly as for a document that does not exist.
    /// </summary>
    public async Task<IssuedDocument?> ReadableAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
            return null;
        var application = await db.Applications.AsNoTracking().Include(a => a.Parents).SingleAsync(a => a.Id == document.ApplicationId, cancellationToken);
        if (application.IsFamilyMember(viewer.Iin) || viewer.IsAdministrator || viewer.Holds(Role.Operator, application.RegionCode))
            return document;
        if (document.DirectionId is not { } directionId)
            return null;
        var kindergarten = await db.Directions.Where(d => d.Id == directionId)
            .Join(db.Kindergartens, d => d.KindergartenId, k => k.Id, (_, k) => k).AsNoTracking().SingleAsync(cancellationToken);
        return viewer.StaffRoleFor(kindergarten) is not null ? document : null;
    }

    /// <summary>The document a verification code belongs to, or null; the caller shows only what is not personal.</summary>
    public async Task<IssuedDocument?> VerifyAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return normalized.Length == 12
            ? await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == normalized, cancellationToken)
            : null;
    }
}
