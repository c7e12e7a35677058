using System.Diagnostics;
using System.Globalization;
using Kezek.Benchmarks.Load;
using Kezek.Identity.Demo;
using Npgsql;

namespace Kezek.Benchmarks.Operations;

/// <summary>
/// The big operations on a generated country, in a copy of its database (the original stays as generated):
/// <c>publishPlaces</c> of 10,000 queue seats over real HTTP (every seat's turn notified into the outbox), then
/// 100,000 due timers swept by a real server process, measured until none is left, with the server's peak memory.
/// <code>dotnet Kezek.Benchmarks.dll operations --postgres "Host=…;Database=kezek_country_1m" [--seats 10000] [--timers 100000]</code>
/// </summary>
public static class OperationsBench
{
    private const string AdministratorIin = "800120331051";

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var source = new NpgsqlConnectionStringBuilder(Option("--postgres", Environment.GetEnvironmentVariable("KEZEK_BENCH_POSTGRES") ?? ""));
        if (string.IsNullOrEmpty(source.Database))
        {
            Console.Error.WriteLine("Give the generated database: --postgres \"Host=…;Database=kezek_country_1m\" (bench/run.sh does).");
            return 2;
        }

        var seats = int.Parse(Option("--seats", "10000"), CultureInfo.InvariantCulture);
        var timers = int.Parse(Option("--timers", "100000"), CultureInfo.InvariantCulture);
        var copy = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = source.Database + "_operations", MaxPoolSize = 50 };
        var server = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "postgres" }.ConnectionString;
        var clock = Stopwatch.StartNew();
        await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{copy.Database}\" WITH (FORCE)");
        await Sql.ExecuteAsync(server, $"CREATE DATABASE \"{copy.Database}\" TEMPLATE \"{source.Database}\"");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copied {source.Database} in {clock.Elapsed.TotalSeconds:F1} s"));

        var folder = Directory.CreateTempSubdirectory("kezek-operations-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var authority = DemoCertificateAuthority.Create("KEZEK BENCH CA", now.AddDays(-1), now.AddYears(1));
        await ServerProcess.TrustBenchCaAsync(folder, authority, now);
        await using var data = NpgsqlDataSource.Create(copy.ConnectionString);
        var failures = 0;
        try
        {
            failures += await PublishAsync(data, folder, copy.ConnectionString, authority, seats);
            failures += await SweepAsync(data, folder, copy.ConnectionString, timers);
        }
        finally
        {
            await data.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{copy.Database}\" WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>publishPlaces of queue seats in the biggest queue of the biggest region, as its operator-administrator.</summary>
    private static async Task<int> PublishAsync(NpgsqlDataSource data, string folder, string connection, DemoCertificateAuthority authority, int seats)
    {
        var queues = await BiggestQueuesAsync(data);
        var (region, groupYear, queued) = queues[0];
        var kindergarten = await Sql.ScalarAsync<Guid>(data,
            $"SELECT \"Id\" FROM \"Kindergartens\" WHERE \"RegionCode\" = '{region}' AND \"Languages\" LIKE '%kk%' ORDER BY \"Bin\" LIMIT 1");
        var warmUpKindergarten = await Sql.ScalarAsync<Guid>(data,
            $"SELECT \"Id\" FROM \"Kindergartens\" WHERE \"RegionCode\" = '{queues[1].Region}' AND \"Languages\" LIKE '%kk%' ORDER BY \"Bin\" LIMIT 1");
        // No sweeps or sending while publishing: the figure is the publishing alone.
        using var kezek = ServerProcess.Kezek(folder, connection, AdministratorIin, Quiet);
        using var http = new HttpClient { BaseAddress = await kezek.WaitForAddressAsync(TimeSpan.FromMinutes(15)), Timeout = TimeSpan.FromMinutes(10) };
        using var adminAuth = authority.IssueAuthentication(new DemoPerson(AdministratorIin, "НҰРЛАНОВ", "АСҚАР", null), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var admin = await KezekApi.SignInAsync(http, adminAuth);
        // A server that has served before: a small publish in another queue first (its notifications are not counted).
        await KezekApi.PostAsync(http,
            "mutation($k: ID!, $y: Int!) { publishPlaces(input: {kindergartenId: $k, groupYear: $y, language: KK, count: 100, mode: QUEUE}) { notified } }",
            new { k = warmUpKindergarten, y = queues[1].GroupYear }, admin);
        var outboxBefore = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"Notifications\"");
        var clock = Stopwatch.StartNew();
        var published = await KezekApi.PostAsync(http,
            "mutation($k: ID!, $y: Int!, $n: Int!) { publishPlaces(input: {kindergartenId: $k, groupYear: $y, language: KK, count: $n, mode: QUEUE}) { notified } }",
            new { k = kindergarten, y = groupYear, n = seats }, admin);
        var seconds = clock.Elapsed.TotalSeconds;
        var notified = published.GetProperty("publishPlaces").GetProperty("notified").GetInt32();
        var outbox = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"Notifications\"") - outboxBefore;
        var expected = Math.Min(seats, queued);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"publishPlaces: {seats:N0} queue seats in {region} {groupYear} ({queued:N0} in that queue) in {seconds:F2} s; {notified:N0} applications notified, {outbox:N0} outbox rows; server peak memory {kezek.PeakMemoryMiB():F0} MiB"));
        if (notified == expected)
            return 0;
        Console.WriteLine($"  publishPlaces notified {notified}, expected {expected}");
        return 1;
    }

    /// <summary>
    /// Makes <paramref name="timers"/> choice deadlines due at once — the turns just offered plus queued applications
    /// of every region turned Notified with a deadline in the past — and lets a real server sweep them.
    /// </summary>
    private static async Task<int> SweepAsync(NpgsqlDataSource data, string folder, string connection, int timers)
    {
        await Sql.ExecuteAsync(data, $"""
            UPDATE "WorkflowTimers" SET "DueAt" = now() - interval '1 minute' WHERE "Status" = 'Pending';
            WITH chosen AS (
                SELECT "Id" FROM "Applications" WHERE "Status" = 'Queued' AND "State" = 'Queued' AND "RegionCode" <> 'astana' -- astana runs the voucher lifecycle, which has no Notified state
               
                ORDER BY md5("Id"::text) LIMIT GREATEST(0, {timers} - (SELECT count(*) FROM "WorkflowTimers" WHERE "Status" = 'Pending'))),
            notified AS (
                UPDATE "Applications" a SET "Status" = 'Notified', "State" = 'Notified', "DeadlineAt" = now() - interval '1 minute'
                FROM chosen WHERE a."Id" = chosen."Id" RETURNING a."Id")
            INSERT INTO "WorkflowTimers" ("ApplicationId", "State", "Trigger", "DueAt", "CreatedAt", "Status", "Failures")
            SELECT "Id", 'Notified', 'ChoiceMissed', now() - interval '1 minute', now(), 'Pending', 0 FROM notified;
            """);
        await Sql.ExecuteAsync(data, "VACUUM ANALYZE \"WorkflowTimers\"");
        await Sql.ExecuteAsync(data, "VACUUM ANALYZE \"Applications\"");
        var due = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"WorkflowTimers\" WHERE \"Status\" = 'Pending' AND \"DueAt\" <= now()");
        var settings = new Dictionary<string, string>(Quiet) { ["Kezek__Timers__SweepInterval"] = "00:00:01" };
        var clock = Stopwatch.StartNew();
        using var kezek = ServerProcess.Kezek(folder, connection, AdministratorIin, settings);
        await kezek.WaitForAddressAsync(TimeSpan.FromMinutes(15));
        var started = clock.Elapsed;
        long left;
        while ((left = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"WorkflowTimers\" WHERE \"Status\" = 'Pending' AND \"DueAt\" <= now() - interval '30 seconds'")) > 0
               && clock.Elapsed < TimeSpan.FromMinutes(30))
            await Task.Delay(500);
        var seconds = (clock.Elapsed - started).TotalSeconds;
        var fired = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"WorkflowTimers\" WHERE \"Status\" = 'Fired'");
        // The sweep itself: from the first timer completed to the last (the server's start-up is not the sweep's).
        var sweeping = await Sql.ScalarAsync<double>(data,
            "SELECT extract(epoch FROM max(\"CompletedAt\") - min(\"CompletedAt\"))::float8 FROM \"WorkflowTimers\" WHERE \"Status\" IN ('Fired', 'Discarded')");
        var discarded = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"WorkflowTimers\" WHERE \"Status\" = 'Discarded'");
        var stillNotified = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"Applications\" WHERE \"Status\" = 'Notified' AND \"DeadlineAt\" < now() - interval '30 seconds'");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timer sweep: {due:N0} due timers swept in {sweeping:F1} s = {due / sweeping:F0}/s ({seconds:F1} s from the server's start); {fired:N0} fired, {discarded:N0} discarded, {left:N0} left; server peak memory {kezek.PeakMemoryMiB():F0} MiB"));
        await using (var reasons = data.CreateCommand(
                         "SELECT left(\"Outcome\", 80), count(*) FROM \"WorkflowTimers\" WHERE \"Status\" = 'Discarded' GROUP BY 1 ORDER BY 2 DESC LIMIT 3"))
        await using (var reader = await reasons.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                Console.WriteLine($"  discarded {reader.GetInt64(1):N0}: {reader.GetString(0)}");
        }

        return left == 0 && stillNotified == 0 ? 0 : 1;
    }

    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["Kezek__Timers__SweepInterval"] = "1.00:00:00",
        ["Kezek__Notifications__DispatchInterval"] = "1.00:00:00",
        ["Kezek__Rules__RefreshInterval"] = "1.00:00:00",
    };

    /// <summary>The two biggest queues (region and group year) of children not yet of school age, biggest first.</summary>
    private static async Task<List<(string Region, int GroupYear, long Queued)>> BiggestQueuesAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            SELECT "RegionCode", "GroupYear", count(*) FROM "Applications" WHERE "Status" = 'Queued' AND "GroupYear" >= extract(year FROM now())::int - 6
            GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 2
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var queues = new List<(string, int, long)>();
        while (await reader.ReadAsync())
            queues.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)));
        return queues;
    }
}
