using Kezek.Core.Documents;
using Kezek.Core.Identity;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Documents;

/// <summary>Who may read an issued document, and the public check of a verification code.</summary>
public sealed class DocumentAccess(IKezekDb db, AccessPolicy access, DocumentRendering rendering)
{
    /// <summary>
    /// The document, for its family, the region's operators, administrators, and — for a direction — the staff of its
    /// kindergarten; null for anyone else, exactly as for a document that does not exist.
    /// </summary>
    public async Task<IssuedDocument?> ReadableAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is not null && await access.MayReadAsync(document, viewer, cancellationToken)
            ? await rendering.RenderedAsync(document, cancellationToken)
            : null;
    }

    /// <summary>The document a verification code belongs to, or null; the caller shows only what is not personal.</summary>
    public async Task<IssuedDocument?> VerifyAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var document = normalized.Length == 12
            ? await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == normalized, cancellationToken)
            : null;
        // The hashes it answers are those of the renderings: written now if no worker has come to it yet.
        return document is null ? null : await rendering.RenderedAsync(document, cancellationToken);
    }
}
