using Kezek.Workflows.Persistence;

namespace Kezek.Infrastructure.Persistence;

/// <summary>
/// The statements that take a seat (or claim timers) passing over the rows other transactions are claiming, in each provider's words:
/// PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>, SQL Server's <c>WITH (UPDLOCK, READPAST, ROWLOCK)</c>. SQLite has none
/// (it serialises writers): null, and the caller takes a seat by conditional updates. Each statement answers the id of
/// the row it changed, in a column named <c>Value</c> (<c>SqlQuery&lt;Guid&gt;</c>), or no row.
/// </summary>
/// <remarks>
/// SQL Server: the candidate is read with an update lock held to the end of the transaction, rows locked by others are
/// skipped (READPAST), and row locks are asked for so that a claim does not lock a page of other seats. READPAST needs
/// READ COMMITTED or REPEATABLE READ — the isolation Kezek's transactions use (the provider's default) — and works with
/// READ_COMMITTED_SNAPSHOT on, where UPDLOCK makes this one read a locking read.
/// </remarks>
public static class SkipLockedStatements
{
    /// <summary>Claims a free seat of a kindergarten's pool: the preferred one first, then queue seats, then the oldest.</summary>
    public static FormattableString? ClaimSeat(DatabaseProvider provider, SeatClaim claim) => provider switch
    {
        DatabaseProvider.PostgreSql => $"""
            UPDATE "Places" SET "TakenByApplicationId" = {claim.ApplicationId}
            WHERE "Id" = (SELECT "Id" FROM "Places"
                          WHERE "KindergartenId" = {claim.KindergartenId} AND "GroupYear" = {claim.GroupYear} AND "Language" = {claim.Language.Code}
                            AND "TakenByApplicationId" IS NULL AND (({claim.MayTakeQueueSeats} AND "Mode" = 'Queue') OR "Mode" = 'FreeChoice')
                          ORDER BY ("Id" = {claim.PreferredPlaceId}) DESC, ("Mode" = 'Queue') DESC, "PublishedAt"
                          LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """,
        DatabaseProvider.SqlServer => $"""
            WITH [Candidate] AS (
                SELECT TOP (1) [Id], [TakenByApplicationId]
                FROM [Places] WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE [KindergartenId] = {claim.KindergartenId} AND [GroupYear] = {claim.GroupYear} AND [Language] = {claim.Language.Code}
                  AND [TakenByApplicationId] IS NULL AND (({claim.MayTakeQueueSeats} = CAST(1 AS bit) AND [Mode] = N'Queue') OR [Mode] = N'FreeChoice')
                ORDER BY CASE WHEN [Id] = {claim.PreferredPlaceId} THEN 0 ELSE 1 END, CASE WHEN [Mode] = N'Queue' THEN 0 ELSE 1 END, [PublishedAt])
            UPDATE [Candidate] SET [TakenByApplicationId] = {claim.ApplicationId}
            OUTPUT INSERTED.[Id] AS [Value];
            """,
        _ => null,
    };

    /// <summary>
    /// Moves the oldest <paramref name="count"/> free queue seats of a region's group year that no other transaction holds to
    /// free choice (one per turn missed; a sweep's batch moves its turns' seats in one statement).
    /// </summary>
    public static FormattableString? MoveQueueSeatsToFreeChoice(DatabaseProvider provider, string regionCode, int groupYear, int count) => provider switch
    {
        DatabaseProvider.PostgreSql => $"""
            UPDATE "Places" SET "Mode" = 'FreeChoice'
            WHERE "Id" IN (SELECT "Id" FROM "Places"
                           WHERE "RegionCode" = {regionCode} AND "GroupYear" = {groupYear} AND "Mode" = 'Queue' AND "TakenByApplicationId" IS NULL
                           ORDER BY "PublishedAt" LIMIT {count} FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """,
        DatabaseProvider.SqlServer => $"""
            WITH [Candidate] AS (
                SELECT TOP ({count}) [Id], [Mode]
                FROM [Places] WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE [RegionCode] = {regionCode} AND [GroupYear] = {groupYear} AND [Mode] = N'Queue' AND [TakenByApplicationId] IS NULL
                ORDER BY [PublishedAt])
            UPDATE [Candidate] SET [Mode] = N'FreeChoice'
            OUTPUT INSERTED.[Id] AS [Value];
            """,
        _ => null,
    };

    /// <summary>
    /// Claims the due timers among <paramref name="ids"/> that are still pending (and not pausing after a failure) and that no
    /// other transaction is claiming (<c>Pending → Fired</c>), answering the ids claimed. The claim commits with the batch's
    /// transitions, or rolls back with them. SQLite and SQL Server: null, and the caller claims each by a conditional update.
    /// </summary>
    public static FormattableString? ClaimTimers(DatabaseProvider provider, long[] ids, DateTime now) => provider switch
    {
        DatabaseProvider.PostgreSql => $"""
            UPDATE "WorkflowTimers" SET "Status" = 'Fired', "CompletedAt" = {now}
            WHERE "Id" IN (SELECT "Id" FROM "WorkflowTimers"
                           WHERE "Id" = ANY({ids}) AND "Status" = 'Pending' AND ("RetryAt" IS NULL OR "RetryAt" <= {now})
                           FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """,
        _ => null,
    };
}
