using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kezek.Workflows.Persistence;

/// <summary>
/// Kezek's database as the use cases see it: EF Core used directly (no repositories), the provider chosen
/// by the host. The implementation lives in Kezek.Infrastructure.
/// </summary>
public interface IKezekDb
{
    DbSet<Region> Regions { get; }

    DbSet<Kindergarten> Kindergartens { get; }

    DbSet<Application> Applications { get; }

    DbSet<ApplicationParent> ApplicationParents { get; }

    DbSet<HistoryEntry> HistoryEntries { get; }

    DbSet<Direction> Directions { get; }

    DbSet<NumberSequence> NumberSequences { get; }

    DbSet<Place> Places { get; }

    DbSet<WorkflowTimer> WorkflowTimers { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<WorkflowVersion> WorkflowVersions { get; }

    DbSet<CivilRegistryRecord> CivilRegistryRecords { get; }

    DbSet<Nonce> Nonces { get; }

    DbSet<Session> Sessions { get; }

    DbSet<RoleGrant> RoleGrants { get; }

    DbSet<StaffAction> StaffActions { get; }

    DbSet<RuleSetVersion> RuleSetVersions { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets tracked changes after a failed save, so that a retry starts clean.</summary>
    void DiscardChanges();

    /// <summary>Whether a failed save broke a unique index (a race another request won).</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
