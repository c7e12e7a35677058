using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kezek.Benchmarks.Load;
using Kezek.Identity.Sessions;
using Npgsql;

namespace Kezek.Benchmarks.Reads;

/// <summary>
/// The public queue-number lookup and a parent's journal under load, three ways in one run: the same SQL through plain
/// Npgsql (the data limit), through a bare minimal-API endpoint (what a hand-written REST service gets), and through
/// Kezek's GraphQL in a real server process. Checks first that Kezek and the plain SQL give the same numbers.
/// <code>dotnet Kezek.Benchmarks.dll reads --postgres "Host=…;Database=kezek_country_1m" [--clients 32] [--seconds 20] [--warmup 5]</code>
/// </summary>
public static class ReadBench
{
    private const string AdministratorIin = "800120331051";
    private const string QueuePositionQuery = "query($r: String!, $c: String) { queuePosition(region: $r, childIin: $c) { applicationNumber childName groupYear queueNumber benefitQueueNumber } }";
    private const string JournalQuery = "{ applications(first: 20) { totalCount nodes { number status createdAt groupYear child { fullName } queueNumber benefitQueueNumber } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var connection = Option("--postgres", Environment.GetEnvironmentVariable("KEZEK_BENCH_POSTGRES") ?? "");
        if (connection.Length == 0)
        {
            Console.Error.WriteLine("Give the generated database: --postgres \"Host=…;Database=kezek_country_1m\" (bench/run.sh does).");
            return 2;
        }

        var clients = int.Parse(Option("--clients", "32"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(Option("--seconds", "20"), CultureInfo.InvariantCulture));
        var warmUp = TimeSpan.FromSeconds(double.Parse(Option("--warmup", "5"), CultureInfo.InvariantCulture));
        connection = new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = Math.Max(clients, 32) + 8 }.ConnectionString;
        await using var data = NpgsqlDataSource.Create(connection);

        var size = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"Applications\"");
        var children = await SampleChildrenAsync(data, 5000);
        var tokens = await OpenSessionsAsync(data, 2000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reads over {size:N0} applications: {children.Count} queued children and {tokens.Count} parents sampled; {clients} clients, {warmUp.TotalSeconds:F0} s warm-up, {duration.TotalSeconds:F0} s measured"));

        var folder = Directory.CreateTempSubdirectory("kezek-reads-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "trusted"));
        using var kezek = ServerProcess.Kezek(folder, connection, AdministratorIin);
        using var bare = ServerProcess.BareApi(connection);
        try
        {
            using var kezekHttp = Client(await kezek.WaitForAddressAsync(TimeSpan.FromMinutes(15)), clients);
            using var bareHttp = Client(await bare.WaitForAddressAsync(TimeSpan.FromMinutes(2)), clients);

            var mismatches = await CompareAsync(data, kezekHttp, children.Take(200), tokens.Take(200));
            Console.WriteLine(mismatches.Count == 0 ? "answers: Kezek's queue numbers and journals equal the plain SQL's (200 children, 200 parents)"
                : "answers DIFFER:\n  " + string.Join("\n  ", mismatches.Take(10)));

            var figures = new List<(LoadFigures Plain, LoadFigures Bare, LoadFigures Kezek)>();
            (string Region, string Iin) Child(int i) => children[i % children.Count];
            string Token(int i) => tokens[i % tokens.Count];

            figures.Add((
                await ClosedLoop.RunAsync("queuePosition: plain Npgsql", clients, warmUp, duration,
                    async (i, ct) => (await PlainReads.QueuePositionAsync(data, Child(i).Region, Child(i).Iin, ct)).Count == 1),
                await ClosedLoop.RunAsync("queuePosition: bare minimal API", clients, warmUp, duration,
                    async (i, ct) => await OkAsync(bareHttp.GetAsync(new Uri($"/queue-position?region={Child(i).Region}&childIin={Child(i).Iin}", UriKind.Relative), ct))),
                await ClosedLoop.RunAsync("queuePosition: Kezek GraphQL", clients, warmUp, duration,
                    async (i, _) => (await KezekApi.PostAsync(kezekHttp, QueuePositionQuery, new { r = Child(i).Region, c = Child(i).Iin }, null)).ValueKind == JsonValueKind.Object)));
            figures.Add((
                await ClosedLoop.RunAsync("journal: plain Npgsql", clients, warmUp, duration,
                    async (i, ct) => (await PlainReads.JournalAsync(data, SignIn.HashToken(Token(i)), ct))?.Lines.Count > 0),
                await ClosedLoop.RunAsync("journal: bare minimal API", clients, warmUp, duration,
                    async (i, ct) =>
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, "/journal");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(i));
                        return await OkAsync(bareHttp.SendAsync(request, ct));
                    }),
                await ClosedLoop.RunAsync("journal: Kezek GraphQL", clients, warmUp, duration,
                    async (i, _) => (await KezekApi.PostAsync(kezekHttp, JournalQuery, null, Token(i))).ValueKind == JsonValueKind.Object)));

            Console.WriteLine();
            foreach (var (plain, bareFigures, kezekFigures) in figures)
            {
                Console.WriteLine(plain);
                Console.WriteLine(bareFigures);
                Console.WriteLine(kezekFigures);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  Kezek / bare = {kezekFigures.PerSecond / bareFigures.PerSecond:P0} of the throughput; Kezek / plain Npgsql = {kezekFigures.PerSecond / plain.PerSecond:P0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Kezek server peak memory (VmHWM): {kezek.PeakMemoryMiB():F0} MiB"));
            var failed = figures.Sum(f => f.Plain.Failures + f.Bare.Failures + f.Kezek.Failures);
            return mismatches.Count == 0 && failed == 0 ? 0 : 1;
        }
        finally
        {
            kezek.Dispose();
            bare.Dispose();
            await Sql.ExecuteAsync(data, "DELETE FROM \"Sessions\" WHERE \"FullName\" = 'READ BENCH'");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpClient Client(Uri address, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Queued children spread over every region and group year (a fixed sample: the same on every run).</summary>
    private static async Task<List<(string Region, string Iin)>> SampleChildrenAsync(NpgsqlDataSource data, int count)
    {
        await using var command = data.CreateCommand(
            "SELECT \"RegionCode\", \"ActiveChildIin\" FROM \"Applications\" WHERE \"InQueue\" ORDER BY md5(\"Id\"::text) LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await command.ExecuteReaderAsync();
        var children = new List<(string, string)>();
        while (await reader.ReadAsync())
            children.Add((reader.GetString(0), reader.GetString(1)));
        return children;
    }

    /// <summary>Signed-in parents: sessions written straight into the table, as signing in would (tokens stay in memory).</summary>
    private static async Task<List<string>> OpenSessionsAsync(NpgsqlDataSource data, int count)
    {
        var parents = new List<string>();
        await using (var command = data.CreateCommand(
                         "SELECT DISTINCT \"ApplicantIin\", md5(\"ApplicantIin\") FROM \"Applications\" ORDER BY md5(\"ApplicantIin\") LIMIT $1"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = count });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                parents.Add(reader.GetString(0));
        }

        var tokens = new List<string>();
        await using var batch = data.CreateBatch();
        foreach (var iin in parents)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            tokens.Add(token);
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO \"Sessions\" (\"TokenHash\", \"Iin\", \"FullName\", \"Bin\", \"CreatedAt\", \"ExpiresAt\") VALUES ($1, $2, 'READ BENCH', NULL, now(), now() + interval '1 day')");
            insert.Parameters.Add(new NpgsqlParameter { Value = SignIn.HashToken(token) });
            insert.Parameters.Add(new NpgsqlParameter { Value = iin });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync();
        return tokens;
    }

    /// <summary>Kezek's answers against the plain SQL's, field by field.</summary>
    private static async Task<List<string>> CompareAsync(NpgsqlDataSource data, HttpClient kezek, IEnumerable<(string Region, string Iin)> children,
        IEnumerable<string> tokens)
    {
        var mismatches = new List<string>();
        foreach (var (region, iin) in children)
        {
            var plain = await PlainReads.QueuePositionAsync(data, region, iin, CancellationToken.None);
            var answer = (await KezekApi.PostAsync(kezek, QueuePositionQuery, new { r = region, c = iin }, null))
                .GetProperty("queuePosition");
            var kezekEntries = answer.EnumerateArray().Select(e => new PlainQueueEntry(e.GetProperty("applicationNumber").GetString()!,
                e.GetProperty("childName").GetString()!, e.GetProperty("groupYear").GetInt32(), Number(e, "queueNumber"), Number(e, "benefitQueueNumber")));
            if (!plain.SequenceEqual(kezekEntries))
                mismatches.Add($"queuePosition {region}: plain {string.Join(", ", plain)}; Kezek {answer}");
        }

        foreach (var token in tokens)
        {
            var plain = await PlainReads.JournalAsync(data, SignIn.HashToken(token), CancellationToken.None);
            var answer = (await KezekApi.PostAsync(kezek, JournalQuery, null, token)).GetProperty("applications");
            var numbers = answer.GetProperty("nodes").EnumerateArray()
                .Select(n => (n.GetProperty("number").GetString(), Number(n, "queueNumber"), Number(n, "benefitQueueNumber")));
            if (plain is null || answer.GetProperty("totalCount").GetInt64() != plain.TotalCount
                              || !numbers.SequenceEqual(plain.Lines.Select(l => ((string?)l.Number, l.QueueNumber, l.BenefitQueueNumber))))
                mismatches.Add($"journal: plain {plain?.TotalCount} {string.Join(", ", plain?.Lines ?? [])}; Kezek {answer}");
        }

        return mismatches;
    }

    private static long? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetInt64();

    private static async Task<bool> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        await response.Content.LoadIntoBufferAsync();
        return response.IsSuccessStatusCode;
    }
}
