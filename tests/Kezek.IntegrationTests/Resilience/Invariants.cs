using Npgsql;

namespace Kezek.IntegrationTests.Resilience;

/// <summary>
/// What must hold in the database whatever instance died when: each a SQL count of the rows that break it, asserted zero.
/// </summary>
public sealed class Invariants(string connectionString)
{
    /// <summary>The invariants, each with the SQL that counts its violations.</summary>
    public static readonly IReadOnlyList<(string Name, string Sql)> All =
    [
        ("a seat held by two issued or enrolled directions", """
            SELECT count(*) FROM (SELECT "PlaceId" FROM "Directions" WHERE "Status" IN ('Issued', 'Enrolled') GROUP BY "PlaceId" HAVING count(*) > 1) x
            """),
        ("an application with two issued or enrolled directions", """
            SELECT count(*) FROM (SELECT "ApplicationId" FROM "Directions" WHERE "Status" IN ('Issued', 'Enrolled') GROUP BY "ApplicationId" HAVING count(*) > 1) x
            """),
        ("a taken seat without its application's direction on it", """
            SELECT count(*) FROM "Places" p WHERE p."TakenByApplicationId" IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM "Directions" d WHERE d."PlaceId" = p."Id" AND d."ApplicationId" = p."TakenByApplicationId" AND d."Status" IN ('Issued', 'Enrolled'))
            """),
        ("an issued or enrolled direction whose seat is not held by its application", """
            SELECT count(*) FROM "Directions" d JOIN "Places" p ON p."Id" = d."PlaceId"
            WHERE d."Status" IN ('Issued', 'Enrolled') AND p."TakenByApplicationId" IS DISTINCT FROM d."ApplicationId"
            """),
        ("an application's status other than its last transition's", """
            SELECT count(*) FROM "Applications" a WHERE a."Status" IS DISTINCT FROM (
              SELECT h."ToStatus" FROM "HistoryEntries" h WHERE h."ApplicationId" = a."Id" AND h."ToStatus" IS NOT NULL ORDER BY h."Id" DESC LIMIT 1)
            """),
        ("an application with a direction issued but not exactly one issued direction", """
            SELECT count(*) FROM "Applications" a WHERE (a."Status" = 'DirectionIssued')
              <> ((SELECT count(*) FROM "Directions" d WHERE d."ApplicationId" = a."Id" AND d."Status" = 'Issued') = 1)
            """),
        ("an issued direction without the document of its facts", """
            SELECT count(*) FROM "Directions" d WHERE NOT EXISTS (
              SELECT 1 FROM "Documents" o WHERE o."DirectionId" = d."Id" AND o."Kind" = 'Direction' AND length(o."Facts") > 2)
            """),
        ("an issued direction without its DirectionIssued history entry", """
            SELECT count(*) FROM "Directions" d WHERE (SELECT count(*) FROM "HistoryEntries" h WHERE h."ApplicationId" = d."ApplicationId"
              AND h."ToStatus" = 'DirectionIssued') < (SELECT count(*) FROM "Directions" e WHERE e."ApplicationId" = d."ApplicationId")
            """),
        ("a notified application without its deadline and pending timer", """
            SELECT count(*) FROM "Applications" a WHERE a."Status" = 'Notified' AND (a."DeadlineAt" IS NULL OR NOT EXISTS (
              SELECT 1 FROM "WorkflowTimers" t WHERE t."ApplicationId" = a."Id" AND t."Status" = 'Pending' AND t."Trigger" = 'ChoiceMissed'))
            """),
        ("a pending timer of a state its application has left", """
            SELECT count(*) FROM "WorkflowTimers" t JOIN "Applications" a ON a."Id" = t."ApplicationId"
            WHERE t."Status" = 'Pending' AND t."Kind" = 'State' AND t."State" <> a."State"
            """),
        ("a timer fired more often than its transition is in the history", """
            SELECT count(*) FROM (SELECT t."ApplicationId", t."Trigger", count(*) AS fired FROM "WorkflowTimers" t WHERE t."Status" = 'Fired'
              GROUP BY 1, 2) f WHERE f.fired <> (SELECT count(*) FROM "HistoryEntries" h WHERE h."ApplicationId" = f."ApplicationId" AND h."Action" = f."Trigger")
            """),
        ("a transition of the lifecycle without its family's notification in the cabinet", """
            SELECT count(*) FROM (SELECT h."ApplicationId", h."Action", count(*) AS entries FROM "HistoryEntries" h
              WHERE h."Action" IN ('TurnCame', 'ChoiceMissed', 'Choose') GROUP BY 1, 2) e
            WHERE e.entries <> (SELECT count(*) FROM "Notifications" n WHERE n."ApplicationId" = e."ApplicationId" AND n."Channel" = 'cabinet'
              AND n."Template" = CASE e."Action" WHEN 'TurnCame' THEN 'turn-came' WHEN 'ChoiceMissed' THEN 'choice-missed' ELSE 'direction-issued' END)
            """),
        ("a notification neither sent, nor pending, nor being sent", """
            SELECT count(*) FROM "Notifications" WHERE "Status" NOT IN ('Sent', 'Pending', 'Sending')
            """),
    ];

    /// <summary>Every invariant that does not hold, with its count of violations.</summary>
    public async Task<IReadOnlyList<string>> BrokenAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var broken = new List<string>();
        foreach (var (name, sql) in All)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            if (count != 0)
                broken.Add($"{count} × {name}");
        }

        return broken;
    }

    /// <summary>Asserts that every invariant holds.</summary>
    public async Task AssertAsync(string when)
    {
        var broken = await BrokenAsync();
        Assert.True(broken.Count == 0, $"{when}: " + string.Join("; ", broken));
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> NumbersAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until no other session of the database holds a transaction open (a killed instance's backends have
    /// noticed their client is gone and rolled back).</summary>
    public async Task WaitForNoOpenTransactionsAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (await CountAsync("""
                   SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
                   """) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"A transaction of the killed instance stayed open for {within.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>How long the oldest open transaction of another session has been open, in seconds (0 when none).</summary>
    public async Task<double> OldestTransactionSecondsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(extract(epoch FROM max(now() - xact_start)), 0)::float8 FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
            """, connection);
        return (double)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits for <paramref name="condition"/>, polling, failing with <paramref name="what"/> after <paramref name="within"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> what, int pollMilliseconds = 50)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what());
            await Task.Delay(pollMilliseconds);
        }
    }
}
