using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Resilience;

/// <summary>
/// PostgreSQL stopped (<c>pg_ctl stop -m immediate</c>, as a crash) and started again under load: a real Kezek process
/// on a disposable cluster of its own (the shared test cluster is never touched) answers every request during the outage
/// with <c>503</c>, <c>Retry-After</c> and a GraphQL error coded <c>SERVICE_UNAVAILABLE</c> — never a 500, never
/// <c>INTERNAL</c> — and serves again once the database is back, without a restart.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresKezek kezek, Xunit.Abstractions.ITestOutputHelper output) : KezekTest(kezek)
{
    private static readonly (string Name, string Query, bool SignedIn)[] Requests =
    [
        ("anonymous query", "{ regions { code } }", false),
        ("public statistics", "{ statistics(region: \"almaty\") { total } }", false),
        ("signed-in query", "{ me { iin roles { role } } }", true),
        ("mutation", "mutation { requestNonce { value } }", false),
        // Outside GraphQL: an issued document (none has this id: 404 while the database is up).
        ("document", "", true),
    ];

    private static readonly Uri Document = new("/documents/0b7a1f3e-5d2c-4e8b-9a61-00000000dead", UriKind.Relative);

    /// <summary>What each request answers while the database is up.</summary>
    private static bool Served(Answer a) =>
        a.Request == "document" ? a.Status == HttpStatusCode.NotFound : a.Status == HttpStatusCode.OK && a.Code is null;

    private sealed record Answer(string Phase, string Request, HttpStatusCode Status, string? Code, string? RetryAfter, string Text);

    [Fact]
    public async Task While_PostgreSQL_is_down_Kezek_answers_503_with_a_code_and_recovers_without_a_restart()
    {
        using var cluster = await DisposablePostgres.CreateAsync();
        Kezek.Clock.Set(DateTimeOffset.UtcNow);
        using var server = KezekProcess.Start(Kezek, new Dictionary<string, string>
        {
            // The background work runs through the outage too.
            ["Kezek__Timers__SweepInterval"] = "00:00:00.250",
            ["Kezek__Notifications__DispatchInterval"] = "00:00:00.250",
        }, cluster.ConnectionString("kezek_outage"));
        var api = await server.ApiAsync(Kezek);
        var token = await api.SignInAsync(People.Administrator);

        var answers = new List<Answer>();
        var phase = "before";
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (var i = client; !stop.IsCancellationRequested; i++)
            {
                var (name, query, signedIn) = Requests[i % Requests.Length];
                var current = Volatile.Read(ref phase);
                using var request = name == "document"
                    ? new HttpRequestMessage(HttpMethod.Get, Document)
                    : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query }) };
                if (signedIn)
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await api.Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                string? code = null;
                try
                {
                    using var json = JsonDocument.Parse(text);
                    if (json.RootElement.TryGetProperty("errors", out var errors))
                        code = errors[0].GetProperty("extensions").GetProperty("code").GetString();
                }
                catch (JsonException)
                {
                    code = text.Length == 0 ? null : "(not JSON)";
                }

                lock (answers)
                    answers.Add(new Answer(current, name, response.StatusCode, code, response.Headers.RetryAfter?.ToString(), text));
                await Task.Delay(20);
            }
        })).ToList();

        int Count(Func<Answer, bool> which)
        {
            lock (answers)
                return answers.Count(which);
        }

        var clock = Stopwatch.StartNew();
        await Invariants.WaitUntilAsync(() => Task.FromResult(Count(a => a.Phase == "before" && Served(a)) >= 20),
            TimeSpan.FromSeconds(30), () => "Kezek did not answer before the outage:\n" + server.Output);

        // Requests sent while it stops may still be served; those sent once it has stopped must not be.
        Volatile.Write(ref phase, "stopping");
        await cluster.StopAsync();
        Volatile.Write(ref phase, "down");
        var downAt = clock.Elapsed;
        // Long enough for every kind of request, and for the background work's ticks, to meet the outage.
        await Invariants.WaitUntilAsync(() => Task.FromResult(clock.Elapsed - downAt > TimeSpan.FromSeconds(3)
                                                               && Requests.All(r => Count(a => a.Phase == "down" && a.Request == r.Name) >= 10)),
            TimeSpan.FromSeconds(60), () => "Too few answers during the outage:\n" + server.Output);

        Volatile.Write(ref phase, "starting");
        await cluster.StartAsync();
        Volatile.Write(ref phase, "after");
        var upAt = clock.Elapsed;
        // Recovered: every kind of request succeeds again, five times in a row, on the same process.
        await Invariants.WaitUntilAsync(() => Task.FromResult(Requests.All(r =>
        {
            lock (answers)
                return answers.Where(a => a.Phase == "after" && a.Request == r.Name).TakeLast(5).Count(Served) == 5;
        })), TimeSpan.FromSeconds(60), () => "Kezek did not recover within 60 s of the database's return:\n" + Summary(answers) + "\n" + server.Output, 100);
        var recoveredAfter = clock.Elapsed - upAt;
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Assert.False(server.HasExited, "The server stopped during the outage:\n" + server.Output);

        output.WriteLine($"database down {(upAt - downAt).TotalSeconds:F1} s; recovered {recoveredAfter.TotalSeconds:F1} s after it was back; answers:\n" + Summary(answers));
        // During the outage: 503, Retry-After and the code, for every kind of request (never a 500 or INTERNAL).
        Assert.All(answers.Where(a => a.Phase == "down"), a =>
        {
            Assert.True(a.Status == HttpStatusCode.ServiceUnavailable && a.Code == "SERVICE_UNAVAILABLE" && a.RetryAfter is { Length: > 0 },
                $"{a.Request} during the outage: {(int)a.Status} {a.Code} {a.Text}");
            Assert.DoesNotContain("   at ", a.Text, StringComparison.Ordinal);
        });
        // Whenever: a success or that same clear answer (a connection of the old pool may fail once after the return).
        Assert.All(answers, a => Assert.True(
            Served(a) || (a.Status == HttpStatusCode.ServiceUnavailable && a.Code == "SERVICE_UNAVAILABLE"),
            $"{a.Phase}, {a.Request}: {(int)a.Status} {a.Code} {a.Text}"));
        Assert.DoesNotContain("Unhandled error", server.Output, StringComparison.Ordinal);
        // The background work met the outage too, and went on.
        Assert.Contains("failed; trying again next tick", server.Output, StringComparison.Ordinal);
    }

    private static string Summary(List<Answer> answers)
    {
        lock (answers)
            return string.Join("\n", answers.GroupBy(a => (a.Phase, a.Request, a.Status, a.Code)).Select(g => $"  {g.Key.Phase,-6} {g.Key.Request,-17} {(int)g.Key.Status} {g.Key.Code ?? "ok"}: {g.Count()}"));
    }
}

/// <summary>
/// A PostgreSQL cluster of the test's own, as tools/private-postgres.sh makes one: initdb into a temporary folder, a free port
/// on 127.0.0.1, trust authentication; run as the postgres user when the tests run as root. Stopped and removed at the end.
/// </summary>
public sealed class DisposablePostgres : IDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly int _port;

    private DisposablePostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        _port = port;
    }

    public static async Task<DisposablePostgres> CreateAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                      .Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
                  ?? throw new InvalidOperationException("No PostgreSQL in /usr/lib/postgresql (./test.sh installs it).");
        var folder = Directory.CreateTempSubdirectory("kezek-outage-pg-").FullName;
        if (IsRoot)
            await RunAsync("chown", "postgres", folder);
        var cluster = new DisposablePostgres(folder, bin, KezekFactory.FreePort());
        await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "kezek", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAsync();
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE kezek_outage", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=kezek;Password=kezek;Database={database};Maximum Pool Size=50;Timeout=3";

    public Task StartAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "postgres.log"), "-w",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off", "start");

    /// <summary>As a crash: every backend ends at once, with no checkpoint.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        try
        {
            PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "stop").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, params string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
        : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
