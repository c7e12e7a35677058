using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kezek.Infrastructure.Persistence;

public sealed class KezekDbContext : DbContext, IKezekDb
{
    public KezekDbContext(DbContextOptions<KezekDbContext> options)
        : base(options)
    {
        // A save inside Kezek's transactions needs no savepoint: a failure rolls the whole transaction back and the
        // Transactions helper runs it again from the start. Savepoints cost two round trips on every lifecycle step.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Kindergarten> Kindergartens => Set<Kindergarten>();

    public DbSet<KindergartenGroup> KindergartenGroups => Set<KindergartenGroup>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationParent> ApplicationParents => Set<ApplicationParent>();

    public DbSet<HistoryEntry> HistoryEntries => Set<HistoryEntry>();
    public DbSet<RankedKindergarten> RankedKindergartens => Set<RankedKindergarten>();

    public DbSet<TransferChoice> TransferChoices => Set<TransferChoice>();

    public DbSet<Direction> Directions => Set<Direction>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();

    public DbSet<Kezek.Core.Documents.IssuedDocument> Documents => Set<Kezek.Core.Documents.IssuedDocument>();

    public DbSet<Kezek.Core.People.ContactPreferences> ContactPreferences => Set<Kezek.Core.People.ContactPreferences>();

    public DbSet<CivilRegistryRecord> CivilRegistryRecords => Set<CivilRegistryRecord>();

    public DbSet<Nonce> Nonces => Set<Nonce>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<StaffAction> StaffActions => Set<StaffAction>();

    public DbSet<HistoryAnchor> HistoryAnchors => Set<HistoryAnchor>();

    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();

    public DbSet<Kezek.Core.Allocation.ReleaseWindow> ReleaseWindows => Set<Kezek.Core.Allocation.ReleaseWindow>();

    public DbSet<Kezek.Core.Allocation.AllocationRun> AllocationRuns => Set<Kezek.Core.Allocation.AllocationRun>();

    public DbSet<Kezek.Core.Allocation.AllocationOutcome> AllocationOutcomes => Set<Kezek.Core.Allocation.AllocationOutcome>();

    public void DiscardChanges() => ChangeTracker.Clear();

    public Application Track(Application application)
    {
        // DbSet.Local would first look for changes in every tracked entity; the lookup by key needs none.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return Applications.Local.FindEntry(application.Id)?.Entity ?? Applications.Attach(application).Entity;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public async Task<Guid?> ClaimSeatSkippingLockedAsync(SeatClaim claim, CancellationToken cancellationToken)
    {
        if (SkipLockedStatements.ClaimSeat(Provider, claim) is not { } statement)
            return null;
        var claimed = await Database.SqlQuery<Guid>(statement).ToListAsync(cancellationToken);
        return claimed.Count == 1 ? claimed[0] : null;
    }

    public async Task<bool?> MoveQueueSeatSkippingLockedAsync(string regionCode, int groupYear, CancellationToken cancellationToken) =>
        await MoveQueueSeatsSkippingLockedAsync(regionCode, groupYear, 1, cancellationToken) == 1 ? true : null;

    public async Task<int?> MoveQueueSeatsSkippingLockedAsync(string regionCode, int groupYear, int count, CancellationToken cancellationToken)
    {
        if (SkipLockedStatements.MoveQueueSeatsToFreeChoice(Provider, regionCode, groupYear, count) is not { } statement)
            return null;
        return (await Database.SqlQuery<Guid>(statement).ToListAsync(cancellationToken)).Count;
    }

    public async Task<IReadOnlyList<long>?> ClaimTimersSkippingLockedAsync(long[] ids, DateTime now, CancellationToken cancellationToken)
    {
        if (SkipLockedStatements.ClaimTimers(Provider, ids, now) is not { } statement)
            return null;
        return await Database.SqlQuery<long>(statement).ToListAsync(cancellationToken);
    }

    public async Task<int?> IncrementNumberSequenceAsync(string regionCode, int year, CancellationToken cancellationToken)
    {
        // UPDATE … RETURNING (PostgreSQL, SQLite 3.35+) or OUTPUT (SQL Server): the new value without a second read.
        var statement = Provider == DatabaseProvider.SqlServer
            ? (FormattableString)$"""
              UPDATE [NumberSequences] SET [LastValue] = [LastValue] + 1
              OUTPUT INSERTED.[LastValue] AS [Value]
              WHERE [RegionCode] = {regionCode} AND [Year] = {year}
              """
            : $"""
              UPDATE "NumberSequences" SET "LastValue" = "LastValue" + 1
              WHERE "RegionCode" = {regionCode} AND "Year" = {year}
              RETURNING "LastValue" AS "Value"
              """;
        var values = await Database.SqlQuery<int>(statement).ToListAsync(cancellationToken);
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>The provider this context talks to, for the few statements written per provider.</summary>
    public DatabaseProvider Provider =>
        Database.IsNpgsql() ? DatabaseProvider.PostgreSql : Database.IsSqlServer() ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite;

    public bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
                or SqliteException { SqliteErrorCode: 5 or 6 }
                or Microsoft.Data.SqlClient.SqlException { Number: 1205 })
                return true;
        }

        return false;
    }

    public bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public async Task<int> SaveInBulkAsync(CancellationToken cancellationToken = default)
    {
        if (!Database.IsNpgsql())
            return await SaveChangesAsync(cancellationToken);
        // The rows copied and EF's save commit together: in the caller's transaction, else in one of their own.
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var copy = BeforeSave(bulk: true);
        if (copy is not null)
            await copy.TakeOutAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(true, cancellationToken);
        if (copy is not null)
        {
            await copy.CopyAsync(this, cancellationToken);
            saved += copy.Count;
        }

        if (own is not null)
            await own.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>
    /// Seals the new history and refuses rewrites, having looked for changes once: each <c>ChangeTracker.Entries</c> would
    /// otherwise compare every tracked entity again (a bulk save of 500 transitions spent most of its time there; measured).
    /// The save itself looks once more, and so sees the heads the seal moved. For a bulk save, answers the sealed rows to copy.
    /// </summary>
    private PostgresBulkCopy? BeforeSave(bool bulk = false)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
            ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            SealHistory();
            RefuseHistoryRewrites();
            return bulk ? PostgresBulkCopy.Choose(this) : null;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// The collation of the name keys on SQL Server: code point by code point, as PostgreSQL and SQLite compare them. The
    /// keys are upper-cased by Kezek (<c>PersonName.Normalize</c>), so no case rule of the database is needed; a
    /// database's default (e.g. <c>SQL_Latin1_General_CP1_CI_AS</c>) might weigh a Kazakh letter it does not know as
    /// nothing, or an accent-insensitive one make Й equal И, and the public search by name and birth date find another child.
    /// </summary>
    public const string SqlServerNameKeyCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KezekDbContext).Assembly);
        if (Database.IsSqlServer())
        {
            modelBuilder.Entity<Application>().OwnsOne(a => a.Child).Property(c => c.NameKey).UseCollation(SqlServerNameKeyCollation);
            modelBuilder.Entity<Application>().OwnsOne(a => a.Applicant).Property(p => p.NameKey).UseCollation(SqlServerNameKeyCollation);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Storage is UTC; SQLite hands DateTime back unspecified, so mark it again on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<ApplicationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<BenefitCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DirectionStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TimerKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Relation>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<NoncePurpose>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Ownership>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PlaceMode>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Kezek.Core.Allocation.ReleaseWindowStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TimerStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<NotificationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Kezek.Core.Documents.DocumentKind>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>Each application's new history entries are sealed and chained as they are first saved (HistoryChain).</summary>
    private void SealHistory()
    {
        var added = ChangeTracker.Entries<HistoryEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet();
        if (added.Count == 0)
            return;
        foreach (var application in ChangeTracker.Entries<Application>().Select(e => e.Entity))
        {
            var unsaved = application.History.Where(added.Contains).ToHashSet();
            if (unsaved.Count > 0)
                application.SealHistory(unsaved);
        }
    }

    /// <summary>History is append-only: an edit or a delete of an entry is a programming error, refused.</summary>
    private void RefuseHistoryRewrites()
    {
        if (ChangeTracker.Entries<HistoryEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("History entries are append-only.");
        if (ChangeTracker.Entries<Kezek.Core.Documents.IssuedDocument>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Issued documents are immutable.");
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
