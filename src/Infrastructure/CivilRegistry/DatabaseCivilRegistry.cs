using Kezek.Core.CivilRegistry;
using Kezek.Core.Iins;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Infrastructure.CivilRegistry;

/// <summary>The civil registry over records an administrator imported into Kezek's own tables.</summary>
public sealed class DatabaseCivilRegistry(IKezekDb db) : ICivilRegistry
{
    public async Task<RegisteredChild?> FindChildAsync(Iin childIin, CancellationToken cancellationToken)
    {
        var record = await db.CivilRegistryRecords.AsNoTracking()
            .Where(r => r.ChildIin == childIin.Value)
            .OrderByDescending(r => r.ImportedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : new RegisteredChild(childIin, record.ChildFullName, record.ChildBirthDate);
    }

    /// <summary>Every record of the child in one statement (a child has a record or two per parent): the relation, and the newest names.</summary>
    public async Task<(Relation? Relation, RegisteredChild? Child)> FindChildOfAsync(Iin childIin, string representativeIin, CancellationToken cancellationToken)
    {
        var records = await db.CivilRegistryRecords.AsNoTracking()
            .Where(r => r.ChildIin == childIin.Value)
            .OrderByDescending(r => r.ImportedAt)
            .Select(r => new { r.ParentIin, r.Relation, r.ChildFullName, r.ChildBirthDate })
            .ToListAsync(cancellationToken);
        var relation = records.FirstOrDefault(r => r.ParentIin == representativeIin)?.Relation;
        if (relation is null)
            return (null, null);
        var newest = records[0];
        return (relation, new RegisteredChild(childIin, newest.ChildFullName, newest.ChildBirthDate));
    }

    public async Task<Relation?> FindRelationAsync(Iin childIin, string representativeIin, CancellationToken cancellationToken) =>
        await db.CivilRegistryRecords.AsNoTracking()
            .Where(r => r.ChildIin == childIin.Value && r.ParentIin == representativeIin)
            .Select(r => (Relation?)r.Relation)
            .FirstOrDefaultAsync(cancellationToken);
}
