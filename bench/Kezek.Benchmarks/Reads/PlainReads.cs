using Kezek.Core.People;
using Npgsql;

namespace Kezek.Benchmarks.Reads;

/// <summary>One public queue entry, as the plain SQL answers it.</summary>
public sealed record PlainQueueEntry(string ApplicationNumber, string ChildName, int GroupYear, long? QueueNumber, long? BenefitQueueNumber);

/// <summary>One line of a parent's journal, as the plain SQL answers it.</summary>
public sealed record PlainJournalLine(string Number, string Status, DateTimeOffset CreatedAt, int GroupYear, string ChildFullName,
    long? QueueNumber, long? BenefitQueueNumber);

/// <summary>A parent's journal page, as the plain SQL answers it.</summary>
public sealed record PlainJournal(long TotalCount, IReadOnlyList<PlainJournalLine> Lines);

/// <summary>
/// The two public reads done the plainest way: one hand-written SQL statement each through Npgsql, the data limit
/// that Kezek's GraphQL is measured against. The queue numbers are the same index range counts over
/// (region, group year, in queue, rank, queued-at, id) that Kezek makes, in the strict order every shipped rule set uses.
/// </summary>
public static class PlainReads
{
    // Three index ranges that end where the application stands (ranks before, same rank queued earlier, same instant
    // with a lower id): only the entries ahead are counted.
    private const string Ahead = """
        CROSS JOIN LATERAL (SELECT
            (SELECT count(*) FROM "Applications" b WHERE b."RegionCode" = a."RegionCode" AND b."GroupYear" = a."GroupYear" AND b."InQueue"
               AND b."QueueRank" < a."QueueRank") AS before,
            (SELECT count(*) FROM "Applications" b WHERE b."RegionCode" = a."RegionCode" AND b."GroupYear" = a."GroupYear" AND b."InQueue"
               AND b."QueueRank" = a."QueueRank" AND b."QueuedAt" < a."QueuedAt") AS earlier,
            (SELECT count(*) FROM "Applications" b WHERE b."RegionCode" = a."RegionCode" AND b."GroupYear" = a."GroupYear" AND b."InQueue"
               AND b."QueueRank" = a."QueueRank" AND b."QueuedAt" = a."QueuedAt" AND b."Id" < a."Id") AS tied) c
        """;

    private const string Numbers = """
        CASE WHEN a."InQueue" THEN 1 + c.before + c.earlier + c.tied END, CASE WHEN a."InQueue" THEN 1 + c.earlier + c.tied END
        """;

    private const string QueuePositionSql = $"""
        SELECT a."Number", a."ChildFullName", a."GroupYear", {Numbers}
        FROM "Applications" a {Ahead} WHERE a."RegionCode" = $1 AND a."ActiveChildIin" = $2
        ORDER BY a."Id" LIMIT 10
        """;

    // The session is checked in the same statement: a hand-written service would not skip authentication either.
    private const string JournalSql = $"""
        SELECT a."Number", a."Status", a."CreatedAt", a."GroupYear", a."ChildFullName", {Numbers}, count(*) OVER ()
        FROM "Applications" a {Ahead}
        WHERE a."Id" IN (
            SELECT x."Id" FROM "Applications" x JOIN "Sessions" s ON s."Iin" = x."ApplicantIin"
            WHERE s."TokenHash" = $1 AND s."ExpiresAt" > now()
            UNION
            SELECT p."ApplicationId" FROM "ApplicationParents" p JOIN "Sessions" s ON s."Iin" = p."Iin"
            WHERE s."TokenHash" = $1 AND s."ExpiresAt" > now())
        ORDER BY a."Id" DESC LIMIT 20
        """;

    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    public static async Task<IReadOnlyList<PlainQueueEntry>> QueuePositionAsync(NpgsqlDataSource data, string region, string childIin,
        CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand(QueuePositionSql);
        command.Parameters.Add(new NpgsqlParameter { Value = region });
        command.Parameters.Add(new NpgsqlParameter { Value = childIin });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<PlainQueueEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new PlainQueueEntry(reader.GetString(0), PersonName.Mask(reader.GetString(1)), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return entries;
    }

    public static async Task<PlainJournal?> JournalAsync(NpgsqlDataSource data, string tokenHash, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand(JournalSql);
        command.Parameters.Add(new NpgsqlParameter { Value = tokenHash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<PlainJournalLine>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new PlainJournalLine(reader.GetString(0), reader.GetString(1).ToUpperInvariant(),
                new DateTimeOffset(reader.GetDateTime(2).Ticks, TimeSpan.Zero).ToOffset(Almaty), reader.GetInt32(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
            total = reader.GetInt64(7);
        }

        return new PlainJournal(total, lines);
    }
}
