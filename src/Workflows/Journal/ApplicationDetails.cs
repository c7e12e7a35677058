using Kezek.Core.Applications;
using Kezek.Core.Documents;
using Kezek.Core.Regions;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Journal;

/// <summary>
/// What a journal shows of its applications beyond their own rows — parents, directions, documents, history, and the
/// kindergartens and regions they name — read for a whole page at once: one statement per list, whatever the page's
/// size. The GraphQL read layer's loaders call these.
/// </summary>
public sealed class ApplicationDetails(IKezekDb db)
{
    public async Task<ILookup<long, ApplicationParent>> ParentsOfAsync(IReadOnlyCollection<long> applicationIds,
        CancellationToken cancellationToken) =>
        (await db.ApplicationParents.AsNoTracking().Where(p => applicationIds.Contains(p.ApplicationId))
            .OrderBy(p => p.Id).ToListAsync(cancellationToken))
        .ToLookup(p => p.ApplicationId);

    /// <summary>The kindergartens each family ranked, first choice first.</summary>
    public async Task<ILookup<long, Kindergarten>> RankedKindergartensOfAsync(IReadOnlyCollection<long> applicationIds,
        CancellationToken cancellationToken) =>
        (await db.RankedKindergartens.AsNoTracking().Where(r => applicationIds.Contains(r.ApplicationId))
            .Join(db.Kindergartens.AsNoTracking(), r => r.KindergartenId, k => k.Id, (r, k) => new { r.ApplicationId, r.Rank, Kindergarten = k })
            .ToListAsync(cancellationToken))
        .OrderBy(r => r.Rank)
        .ToLookup(r => r.ApplicationId, r => r.Kindergarten);

    /// <summary>Each application's directions, oldest first.</summary>
    public async Task<ILookup<long, Direction>> DirectionsOfAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        (await db.Directions.AsNoTracking().Where(d => applicationIds.Contains(d.ApplicationId))
            .OrderBy(d => d.IssuedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken))
        .ToLookup(d => d.ApplicationId);

    /// <summary>Each application's documents, oldest first, and of one instant in the order of the seeds' table.</summary>
    public async Task<ILookup<long, IssuedDocument>> DocumentsOfAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        // The kind is stored by name: ordered here as the seeds' table does.
        (await db.Documents.AsNoTracking().Where(d => applicationIds.Contains(d.ApplicationId)).ToListAsync(cancellationToken))
        .OrderBy(d => d.IssuedAt).ThenBy(d => (int)d.Kind)
        .ToLookup(d => d.ApplicationId);

    /// <summary>Each application's history, in the order it happened.</summary>
    public async Task<ILookup<long, HistoryEntry>> HistoryOfAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        (await db.HistoryEntries.AsNoTracking().Where(h => applicationIds.Contains(h.ApplicationId))
            .OrderBy(h => h.Id).ToListAsync(cancellationToken))
        .ToLookup(h => h.ApplicationId);

    public async Task<IReadOnlyDictionary<Guid, Kindergarten>> KindergartensAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Kindergartens.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);

    /// <summary>The region of each application (its records' times are shown in that region's zone).</summary>
    public async Task<IReadOnlyDictionary<long, string>> RegionsOfApplicationsAsync(IReadOnlyCollection<long> applicationIds,
        CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.RegionCode, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Region>> RegionsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);

    /// <summary>The people's contact preferences (e-mail, language of messages), for those who have given them.</summary>
    public async Task<IReadOnlyDictionary<string, Kezek.Core.People.ContactPreferences>> ContactPreferencesAsync(IReadOnlyCollection<string> iins,
        CancellationToken cancellationToken) =>
        await db.ContactPreferences.AsNoTracking().Where(p => iins.Contains(p.Iin)).ToDictionaryAsync(p => p.Iin, StringComparer.Ordinal, cancellationToken);
}
