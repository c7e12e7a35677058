using Kezek.Core.Words;
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

    DbSet<KindergartenGroup> KindergartenGroups { get; }

    DbSet<Application> Applications { get; }

    DbSet<ApplicationParent> ApplicationParents { get; }

    DbSet<HistoryEntry> HistoryEntries { get; }

    DbSet<RankedKindergarten> RankedKindergartens { get; }

    DbSet<TransferChoice> TransferChoices { get; }

    DbSet<Direction> Directions { get; }

    DbSet<NumberSequence> NumberSequences { get; }

    DbSet<Place> Places { get; }

    DbSet<WorkflowTimer> WorkflowTimers { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<WorkflowVersion> WorkflowVersions { get; }

    DbSet<Kezek.Core.Documents.IssuedDocument> Documents { get; }

    DbSet<Kezek.Core.People.ContactPreferences> ContactPreferences { get; }

    DbSet<CivilRegistryRecord> CivilRegistryRecords { get; }

    DbSet<Nonce> Nonces { get; }

    DbSet<Session> Sessions { get; }

    DbSet<RoleGrant> RoleGrants { get; }

    DbSet<StaffAction> StaffActions { get; }

    DbSet<HistoryAnchor> HistoryAnchors { get; }

    DbSet<RuleSetVersion> RuleSetVersions { get; }

    DbSet<Kezek.Core.Allocation.ReleaseWindow> ReleaseWindows { get; }

    DbSet<Kezek.Core.Allocation.AllocationRun> AllocationRuns { get; }

    DbSet<Kezek.Core.Allocation.AllocationOutcome> AllocationOutcomes { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The save of bulk work (a sweep's batch, a publish's slice, a window's close): as <see cref="SaveChangesAsync"/>, but on
    /// PostgreSQL the new append-only rows (history entries, outbox rows, timers, seats, allocation outcomes; eight or more of a
    /// kind) are written with binary COPY after EF has saved the rest, in the same transaction (the caller's, else one of
    /// its own). The history is sealed first, as by every save; the rows copied stay tracked, with their ids, as saved rows
    /// do. SQLite and SQL Server save as <see cref="SaveChangesAsync"/>.
    /// </summary>
    Task<int> SaveInBulkAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets tracked changes after a failed save, so that a retry starts clean.</summary>
    void DiscardChanges();

    /// <summary>
    /// The tracked instance of an application read untracked: the one already tracked with its id (changed as that
    /// instance), else this one, attached. Looks the id up without comparing every tracked entity.
    /// </summary>
    Application Track(Application application);

    /// <summary>
    /// Claims a free seat of a kindergarten's pool for the application — the preferred one if it can — passing over
    /// seats that other transactions are claiming at this moment (PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>, SQL Server's
    /// <c>WITH (UPDLOCK, READPAST, ROWLOCK)</c>), so
    /// that a crowd does not wait in line on the same rows. Null when every free seat is taken or being claimed,
    /// or when the database has no such claim (then the caller takes a seat by conditional updates).
    /// </summary>
    Task<Guid?> ClaimSeatSkippingLockedAsync(SeatClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Where the database can skip locked rows (PostgreSQL, SQL Server): moves the oldest free queue seat of the queue that no other
    /// transaction holds to free choice, and tells whether it did. Null when it cannot, or when every such seat is held
    /// right now: then the portable conditional updates wait and decide.
    /// </summary>
    Task<bool?> MoveQueueSeatSkippingLockedAsync(string regionCode, int groupYear, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="MoveQueueSeatSkippingLockedAsync"/>, up to <paramref name="count"/> seats in one statement: how many it moved
    /// (the rest are held right now, or missing). Null when the database cannot skip locked rows.
    /// </summary>
    Task<int?> MoveQueueSeatsSkippingLockedAsync(string regionCode, int groupYear, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Claims (<c>Pending → Fired</c>) those of the timers that are still pending, due after any failure's pause, and not being
    /// claimed by another transaction right now, in one statement; answers the ids claimed. Null when the database cannot skip
    /// locked rows (then the caller claims each timer by a conditional update).
    /// </summary>
    Task<IReadOnlyList<long>?> ClaimTimersSkippingLockedAsync(long[] ids, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one to a region's counter of numbers for a year and answers the new value, in one statement that locks the
    /// counter row until the caller's transaction ends; null when the region has no counter for that year yet.
    /// </summary>
    Task<int?> IncrementNumberSequenceAsync(string regionCode, int year, CancellationToken cancellationToken);

    /// <summary>Whether an error is a passing clash with another transaction (a deadlock, a serialisation failure, a busy database) worth one more try.</summary>
    bool IsTransient(Exception exception);

    /// <summary>Whether a failed save broke a unique index (a race another request won).</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}

/// <summary>A seat wanted: the preferred one, or another of the same kindergarten, group year and language.</summary>
public sealed record SeatClaim(long ApplicationId, Guid PreferredPlaceId, Guid KindergartenId, int GroupYear, Language Language, bool MayTakeQueueSeats);
