using System.Diagnostics;
using Kezek.Benchmarks.Load;
using Npgsql;

namespace Kezek.Benchmarks.Rush;

/// <summary>
/// The rush's seat-taking transaction done the plainest way, as the data limit beside Kezek: one transaction per applicant
/// through Npgsql that claims a free seat with <c>FOR UPDATE SKIP LOCKED</c>, writes the direction, moves the application
/// and appends its history (with the signed document), with no signature check, no rules, no documents and no outbox.
/// It runs on its own kindergarten's seats and is undone afterwards, so that Kezek's rush finds the applicants as they were.
/// </summary>
public static class PlainChoose
{
    private static readonly Guid Kindergarten = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-00000000b002");

    public static async Task<(LoadFigures Figures, int Directions, int SeatsGivenTwice)> RunAsync(string connection, IReadOnlyList<string> numbers,
        int seats, int clients, int groupYear, string signedXmlSample)
    {
        await using var data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 100 }.ConnectionString);
        await Sql.ExecuteAsync(data, $"""
            INSERT INTO "Kindergartens" ("Id", "RegionCode", "Bin", "NameRu", "NameKk", "Address", "Languages", "Ownership")
            VALUES ('{Kindergarten}', 'almaty', '160140099998', 'Бенчмарк SQL', 'Бенчмарк SQL', 'Алматы', 'kk,ru', 'State');
            INSERT INTO "Places" ("Id", "KindergartenId", "RegionCode", "GroupYear", "Language", "Mode", "PublishedAt", "TakenByApplicationId")
            SELECT gen_random_uuid(), '{Kindergarten}', 'almaty', {groupYear}, 'kk', 'FreeChoice', now() + make_interval(secs => g / 1000.0), NULL
            FROM generate_series(1, {seats}) g;
            """);
        var ids = new Dictionary<string, long>();
        await using (var command = data.CreateCommand("SELECT \"Number\", \"Id\" FROM \"Applications\" WHERE \"Number\" = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = numbers.ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        var latencies = new double[numbers.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < numbers.Count)
            {
                var started = Stopwatch.GetTimestamp();
                await ChooseAsync(data, ids[numbers[index]], groupYear, signedXmlSample);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        var directions = await Sql.ScalarAsync<long>(data, $"SELECT count(*) FROM \"Directions\" WHERE \"KindergartenId\" = '{Kindergarten}'");
        var twice = await Sql.ScalarAsync<long>(data,
            $"SELECT count(*) FROM (SELECT \"PlaceId\" FROM \"Directions\" WHERE \"KindergartenId\" = '{Kindergarten}' GROUP BY \"PlaceId\" HAVING count(*) > 1) t");

        // Undo: the applicants stand in the queue again, and the plain run's rows are gone.
        await Sql.ExecuteAsync(data, $"""
            DELETE FROM "HistoryEntries" WHERE "Action" = 'PlainChoose';
            UPDATE "Applications" a SET "Status" = 'Queued', "State" = 'Queued', "InQueue" = true
            FROM "Directions" d WHERE d."ApplicationId" = a."Id" AND d."KindergartenId" = '{Kindergarten}';
            DELETE FROM "Directions" WHERE "KindergartenId" = '{Kindergarten}';
            DELETE FROM "Places" WHERE "KindergartenId" = '{Kindergarten}';
            DELETE FROM "Kindergartens" WHERE "Id" = '{Kindergarten}';
            """);
        return (new LoadFigures("rush: plain SQL seat-taking transaction", clients, numbers.Count, 0, seconds, latencies), (int)directions, (int)twice);
    }

    private static async Task ChooseAsync(NpgsqlDataSource data, long application, int groupYear, string signedXml)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var claim = new NpgsqlCommand($"""
            UPDATE "Places" SET "TakenByApplicationId" = $1
            WHERE "Id" = (SELECT "Id" FROM "Places" WHERE "KindergartenId" = '{Kindergarten}' AND "GroupYear" = $2 AND "Language" = 'kk'
                            AND "TakenByApplicationId" IS NULL ORDER BY "PublishedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING "Id"
            """, connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter { Value = application });
        claim.Parameters.Add(new NpgsqlParameter { Value = groupYear });
        if (await claim.ExecuteScalarAsync() is not Guid place)
        {
            await transaction.RollbackAsync();
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO "Directions" ("Id", "ApplicationId", "KindergartenId", "IssuedAt", "ExpiresAt", "Status", "Version", "ExtendableUntil", "Extensions", "PlaceId", "RevokeUntil")
                    VALUES (gen_random_uuid(), $1, $2, now(), now() + interval '30 days', 'Issued', gen_random_uuid(), now() + interval '30 days', 0, $3, now() + interval '1 day')
                    """) { Parameters = { new() { Value = application }, new() { Value = Kindergarten }, new() { Value = place } } },
                new NpgsqlBatchCommand("""
                    UPDATE "Applications" SET "Status" = 'DirectionIssued', "State" = 'DirectionIssued', "InQueue" = false, "Version" = gen_random_uuid()
                    WHERE "Id" = $1 AND "Status" = 'Queued'
                    """) { Parameters = { new() { Value = application } } },
                new NpgsqlBatchCommand("""
                    INSERT INTO "HistoryEntries" ("ApplicationId", "At", "ActorIin", "ActorName", "ActorRole", "Action", "FromStatus", "ToStatus", "SignedXml")
                    VALUES ($1, now(), '900514410214', 'АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ', 'Applicant', 'PlainChoose', 'Queued', 'DirectionIssued', $2)
                    """) { Parameters = { new() { Value = application }, new() { Value = signedXml } } },
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
