using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Kezek.Benchmarks.Load;
using Kezek.Benchmarks.Rush;
using Kezek.Core.Allocation;
using Kezek.Core.Applications;
using Kezek.Core.Queue;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Windows;
using Npgsql;
using NpgsqlTypes;
using static Kezek.Benchmarks.Load.KezekApi;

namespace Kezek.Benchmarks.Allocation;

/// <summary>
/// An Almaty-size release window end to end, on a fresh PostgreSQL database with a real Kezek server process: Almaty is
/// switched to <c>allocation: "window"</c> by <c>activateRuleSet</c>; <c>--kindergartens</c> kindergartens and
/// <c>--families</c> queued families of one group year are written straight into the tables (3 % out of turn, 15 %
/// priority), each with a ranking of 1–5 kindergartens pulled towards the popular ones (weight 1 / (k + 10)); then
/// <c>--seats</c> seats are published over HTTP with <c>publishPlaces</c> (mode QUEUE: they join the window). While the
/// window is open, <c>--rankers</c> families confirm their rankings with signed <c>rankKindergartens</c> fired by
/// <c>--clients</c> clients (the window's request load); with <c>--rush</c> the first-come rush of <see cref="ChooseRush"/>
/// runs in its own database first, so that both loads are printed from the same run. Then the close is made due and the
/// server's own timer sweep fires it: the run allocates, issues directions through the lifecycle (<c>Allocate</c>),
/// writes outcomes, documents (rendered later by the worker, which is held off) and notifications (left in the outbox).
/// The time from due to committed is the figure (target 30 s), split as the server logs it (market, run, write); beside
/// it, serial dictatorship in memory on the run's own extract is the limit. Afterwards the invariants are checked.
/// <code>dotnet Kezek.Benchmarks.dll window --postgres "Host=…;Username=…" [--seats 13000] [--families 50000] [--kindergartens 1000] [--rankers 5000] [--clients 200] [--rush]</code>
/// </summary>
public static class WindowBench
{
    private const string MotherIin = "900514410214";
    private const string AdministratorIin = "800120331051";
    private const string OperatorIin = "850630441203";
    private const string Region = "almaty";
    private const int GroupYear = 2023;
    private const int WindowMinutes = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var server = Option("--postgres", Environment.GetEnvironmentVariable("KEZEK_BENCH_POSTGRES") ?? "");
        if (server.Length == 0)
        {
            Console.Error.WriteLine("Give a PostgreSQL server: --postgres \"Host=127.0.0.1;Port=5432;Username=…\" (or KEZEK_BENCH_POSTGRES).");
            return 2;
        }

        var seats = Number("--seats", 13000);
        var families = Number("--families", 50000);
        var kindergartens = Number("--kindergartens", 1000);
        var rankers = Math.Min(families, Number("--rankers", 5000));
        var clients = Number("--clients", 200);
        var seed = Number("--seed", 42);

        LoadFigures? rush = null;
        if (args.Contains("--rush"))
        {
            var rushArgs = new[] { "--postgres", server, "--applicants", Option("--rush-applicants", "5000"), "--seats", Option("--rush-seats", "1000"),
                "--clients", Option("--rush-clients", "500") };
            Console.WriteLine("— today's rush (first-come), in its own database —");
            var (exit, figures) = await ChooseRush.MeasureAsync(rushArgs);
            if (exit != 0)
                return exit;
            rush = figures;
            Console.WriteLine("— the window —");
        }

        var database = $"kezek_window_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        await Sql.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var folder = Directory.CreateTempSubdirectory("kezek-window-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var authority = DemoCertificateAuthority.Create("KEZEK BENCH CA", now.AddDays(-1), now.AddYears(1));
        await ServerProcess.TrustBenchCaAsync(folder, authority, now);
        var settings = new Dictionary<string, string>
        {
            ["Kezek__Timers__SweepInterval"] = "00:00:01",
            ["Kezek__Notifications__DispatchInterval"] = "1.00:00:00",
            ["Kezek__Documents__RenderInterval"] = "1.00:00:00",
            ["Kezek__Rules__RefreshInterval"] = "1.00:00:00",
            // The close's own account of where its time went (market, run, write).
            ["Logging__LogLevel__Kezek.Workflows.Windows"] = "Information",
        };
        using var host = ServerProcess.Kezek(folder, connection, AdministratorIin, settings);
        await using var data = NpgsqlDataSource.Create(connection);
        var violations = new List<string>();
        try
        {
            using var http = new HttpClient { BaseAddress = await host.WaitForAddressAsync(TimeSpan.FromMinutes(2)), Timeout = TimeSpan.FromMinutes(10) };
            var mother = new DemoPerson(MotherIin, "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ");
            using var motherAuth = authority.IssueAuthentication(mother, now.AddDays(-1), now.AddYears(1));
            using var motherSign = authority.IssueSigning(mother, now.AddDays(-1), now.AddYears(1));
            using var adminAuth = authority.IssueAuthentication(new DemoPerson(AdministratorIin, "НҰРЛАНОВ", "АСҚАР", null), now.AddDays(-1), now.AddYears(1));
            using var operatorAuth = authority.IssueAuthentication(new DemoPerson(OperatorIin, "СЕЙТОВА", "ГҮЛНАР", null), now.AddDays(-1), now.AddYears(1));
            var admin = await SignInAsync(http, adminAuth);
            await PostAsync(http, "mutation { grantRole(iin: \"" + OperatorIin + "\", role: OPERATOR, region: \"" + Region + "\") { id } }", null, admin);
            var rules = WithWindow(await File.ReadAllTextAsync(RulesFile()));
            await PostAsync(http, "mutation($r: String!, $j: String!) { activateRuleSet(region: $r, json: $j, reason: \"Окно распределения\") { version } }",
                new { r = Region, j = rules }, admin);

            var clock = Stopwatch.StartNew();
            var (numbers, rankings, kindergartenIds) = await FillAsync(data, families, kindergartens, seed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"market written: {kindergartens:N0} kindergartens, {families:N0} queued families of {Region} {GroupYear}, {rankings.Sum(r => r.Length):N0} ranked kindergartens, in {clock.Elapsed.TotalSeconds:F1} s (COPY)"));

            var operatorToken = await SignInAsync(http, operatorAuth);
            clock.Restart();
            var told = 0;
            var perKindergarten = CountryPlanShares(seats, kindergartens);
            var publishLatencies = new List<double>();
            for (var k = 0; k < kindergartens; k++)
            {
                if (perKindergarten[k] == 0)
                    continue;
                var started = Stopwatch.GetTimestamp();
                var published = await PostAsync(http,
                    "mutation($k: ID!, $y: Int!, $n: Int!) { publishPlaces(input: {kindergartenId: $k, groupYear: $y, language: KK, count: $n, mode: QUEUE}) { notified } }",
                    new { k = kindergartenIds[k], y = GroupYear, n = perKindergarten[k] }, operatorToken);
                publishLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                told += published.GetProperty("publishPlaces").GetProperty("notified").GetInt32();
            }

            publishLatencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"published: {seats:N0} seats by {publishLatencies.Count:N0} publishPlaces into one window in {clock.Elapsed.TotalSeconds:F1} s (p50 {publishLatencies[publishLatencies.Count / 2]:F0} ms, max {publishLatencies[^1]:F0} ms); {told:N0} families told to rank (target {Math.Min(families, seats * ReleaseWindows.NotifiedPerSeat):N0})"));
            if (told != Math.Min(families, seats * ReleaseWindows.NotifiedPerSeat))
                violations.Add($"{told} families told, expected {Math.Min(families, seats * ReleaseWindows.NotifiedPerSeat)}");

            // The window's load: families confirm their rankings, signed, while it is open.
            var token = await SignInAsync(http, motherAuth);
            var requests = new List<string>(rankers);
            for (var i = 0; i < rankers; i++)
            {
                var family = (int)((long)i * families / rankers);
                var ids = rankings[family].Select(k => kindergartenIds[k].ToString()).ToArray();
                var fields = ids.Select(id => new ActionField("kindergartenIds", id)).Prepend(new ActionField("applicationNumber", numbers[family]));
                var signed = XmlSigner.Sign(ActionDocument.Action("rankKindergartens", await NonceAsync(http, token), fields), motherSign);
                requests.Add(JsonSerializer.Serialize(new
                {
                    query = "mutation($input: RankKindergartensInput!, $x: String!) { rankKindergartens(input: $input, signedXml: $x) { application { number } } }",
                    variables = new { input = new { applicationNumber = numbers[family], kindergartenIds = ids }, x = signed },
                }));
            }

            var (ranking, codes) = await FireAsync(http, token, requests, clients, "window: Kezek signed rankKindergartens");
            Console.WriteLine(ranking);
            foreach (var group in codes.GroupBy(c => c).OrderByDescending(g => g.Count()))
                Console.WriteLine($"  {group.Key}: {group.Count()}");
            if (codes.Any(c => c != "OK"))
                violations.Add($"{codes.Count(c => c != "OK")} rankings refused");
            var needed = families / (WindowMinutes * 60.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  a {WindowMinutes}-minute window for {families:N0} families needs {needed:F0} requests/s on average (each family ranks once); measured {ranking.PerSecond:F0}/s = {ranking.PerSecond / needed:F0}× that"));
            if (rush is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  beside the rush: chooseKindergarten {rush.PerSecond:F0}/s, p99 {rush.Percentile(0.99):F0} ms, every request in {rush.Seconds:F1} s; rankKindergartens {ranking.PerSecond:F0}/s, p99 {ranking.Percentile(0.99):F0} ms"));
            }

            // The close: made due now, fired by the server's own sweep (every second).
            var pendingBefore = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"Notifications\"");
            await Sql.ExecuteAsync(data, "VACUUM ANALYZE");
            var cpuBefore = host.CpuTime().TotalSeconds;
            clock.Restart();
            await Sql.ExecuteAsync(data, "UPDATE \"ReleaseWindows\" SET \"ClosesAt\" = now() WHERE \"Status\" = 'Open'; UPDATE \"WorkflowTimers\" SET \"DueAt\" = now() WHERE \"Kind\" = 'WindowClose' AND \"Status\" = 'Pending'");
            while (await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"ReleaseWindows\" WHERE \"Status\" = 'Open'") > 0 && clock.Elapsed < TimeSpan.FromMinutes(30))
                await Task.Delay(100);
            var closed = clock.Elapsed.TotalSeconds;
            var cpu = host.CpuTime().TotalSeconds - cpuBefore;
            var split = host.Lines.LastOrDefault(l => l.Contains("closed:", StringComparison.Ordinal))?.Trim() ?? "(no split logged)";
            var notifications = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM \"Notifications\"") - pendingBefore;
            var placed = await Sql.ScalarAsync<long>(data, "SELECT \"Placed\" FROM \"AllocationRuns\"");
            var inRun = await Sql.ScalarAsync<long>(data, "SELECT \"Families\" FROM \"AllocationRuns\"");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"window close: {inRun:N0} families, {seats:N0} seats, {placed:N0} placed, allocated and notified in {closed:F1} s from due to committed (target < 30 s; the sweep runs every second), the server's CPU {cpu:F1} s; {notifications:N0} outbox rows; server peak memory {host.PeakMemoryMiB():F0} MiB"));
            Console.WriteLine("  " + split);
            // The server's finer split of the market read and of the pages' writing, where it logs one.
            foreach (var detail in host.Lines.Where(l => l.Contains("'s market:", StringComparison.Ordinal) || l.Contains("'s pages:", StringComparison.Ordinal)))
                Console.WriteLine("  " + detail.Trim());

            // The limit: serial dictatorship in memory on the same market (the run's public extract).
            var extract = AllocationExtract.FromJson(await Sql.ScalarAsync<string>(data, "SELECT \"Extract\" FROM \"AllocationRuns\""))!;
            var market = extract.Market();
            var best = TimeSpan.MaxValue;
            Placement placement = null!;
            for (var round = 0; round < 3; round++)
            {
                var limit = Stopwatch.StartNew();
                placement = SerialDictatorship.Allocate(market);
                best = limit.Elapsed < best ? limit.Elapsed : best;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  limit: serial dictatorship in memory on the same market {best.TotalMilliseconds:F1} ms (best of 3), {placement.Kindergarten.Count(k => k != Placement.Unplaced):N0} placed"));
            violations.AddRange(await CheckInvariantsAsync(data, extract, placement, families, rankers));
            Console.WriteLine(violations.Count == 0 ? "invariants: hold" : "invariants: VIOLATED\n  " + string.Join("\n  ", violations));
            return violations.Count == 0 ? 0 : 1;
        }
        finally
        {
            host.Dispose();
            await data.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Seats spread over the kindergartens as evenly as they divide.</summary>
    private static int[] CountryPlanShares(int seats, int kindergartens) =>
        [.. Enumerable.Range(0, kindergartens).Select(k => seats / kindergartens + (k < seats % kindergartens ? 1 : 0))];

    private static string RulesFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "rules", Region + ".json");
            if (File.Exists(file))
                return file;
        }

        throw new FileNotFoundException($"rules/{Region}.json above {AppContext.BaseDirectory}");
    }

    /// <summary>The shipped rules with <c>allocation: "window"</c> and the window's length.</summary>
    private static string WithWindow(string json)
    {
        var rules = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var parameters = rules["GlobalParams"]!.AsArray();
        foreach (var (name, expression) in new[] { ("allocation", "\"window\""), ("windowMinutes", WindowMinutes.ToString(CultureInfo.InvariantCulture)) })
        {
            if (parameters.SingleOrDefault(p => p!["Name"]!.GetValue<string>() == name) is { } existing)
                existing["Expression"] = expression;
            else
                parameters.Add(new System.Text.Json.Nodes.JsonObject { ["Name"] = name, ["Expression"] = expression });
        }

        return rules.ToJsonString();
    }

    /// <summary>
    /// Writes the kindergartens, the queued families (one mother signs for all, as in the rush) and their rankings with COPY.
    /// Returns the application numbers and the rankings (kindergarten indices, best first) in id order, and the kindergartens' ids.
    /// </summary>
    private static async Task<(List<string> Numbers, int[][] Rankings, Guid[] Kindergartens)> FillAsync(NpgsqlDataSource data, int families,
        int kindergartens, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, kindergartens).Select(k => new Guid(k + 1, 0x5d2c, 0x4e8b, 0x9a, 0x61, 0, 0, 0, 0, 0xb0, 0x01)).ToArray();
        await using (var connection = await data.OpenConnectionAsync())
        {
            await using (var writer = await connection.BeginBinaryImportAsync(
                             "COPY \"Kindergartens\" (\"Id\", \"RegionCode\", \"Bin\", \"NameRu\", \"NameKk\", \"Address\", \"Languages\", \"Ownership\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var k = 0; k < kindergartens; k++)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(ids[k], NpgsqlDbType.Uuid);
                    await writer.WriteAsync(Region);
                    await writer.WriteAsync((170140000000L + k).ToString(CultureInfo.InvariantCulture));
                    await writer.WriteAsync($"Детский сад № {k + 1}");
                    await writer.WriteAsync($"№ {k + 1} балабақша");
                    await writer.WriteAsync($"Алматы, улица {k + 1}");
                    await writer.WriteAsync("kk,ru");
                    await writer.WriteAsync("State");
                }

                await writer.CompleteAsync();
            }

            var start = new DateTime(2023, 2, 1, 4, 0, 0, DateTimeKind.Utc);
            await using (var writer = await connection.BeginBinaryImportAsync("""
                             COPY "Applications" ("Number", "RegionCode", "GroupYear", "ChildIin", "ChildFullName", "ChildNameKey", "ChildBirthDate",
                                 "ApplicantIin", "ApplicantFullName", "ApplicantNameKey", "ApplicantBirthDate", "ApplicantPhone", "ApplicantEmail",
                                 "ClaimedBenefit", "Benefit", "Status", "State", "CreatedAt", "QueuedAt", "LastChangedAt", "InQueue", "QueueRank",
                                 "ActiveChildIin", "Expirations", "Restored", "Version") FROM STDIN (FORMAT BINARY)
                             """))
            {
                for (var f = 0; f < families; f++)
                {
                    var benefit = random.NextDouble() switch { < 0.03 => BenefitCategory.OutOfTurn, < 0.18 => BenefitCategory.Priority, _ => BenefitCategory.None };
                    var queuedAt = start.AddMinutes(f * 10 + random.Next(10));
                    var child = "23" + f.ToString("D10", CultureInfo.InvariantCulture);
                    await writer.StartRowAsync();
                    await writer.WriteAsync($"ALM.2024.{f + 1:D6}.1");
                    await writer.WriteAsync(Region);
                    await writer.WriteAsync(GroupYear);
                    await writer.WriteAsync(child);
                    await writer.WriteAsync($"БАЛА {f + 1}");
                    await writer.WriteAsync($"БАЛА {f + 1}");
                    await writer.WriteAsync(new DateOnly(GroupYear, 1, 1).AddDays(f % 360), NpgsqlDbType.Date);
                    await writer.WriteAsync(MotherIin);
                    await writer.WriteAsync("АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ");
                    await writer.WriteAsync("АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ");
                    await writer.WriteAsync(new DateOnly(1990, 5, 14), NpgsqlDbType.Date);
                    await writer.WriteAsync("+77011234567");
                    await writer.WriteAsync("window@example.kz");
                    await writer.WriteAsync(benefit.ToString());
                    await writer.WriteAsync(benefit.ToString());
                    await writer.WriteAsync("Queued");
                    await writer.WriteAsync("Queued");
                    await writer.WriteAsync(queuedAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(queuedAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(queuedAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(true);
                    await writer.WriteAsync(QueueOrder.RankOf(benefit));
                    await writer.WriteAsync(child);
                    await writer.WriteAsync(0);
                    await writer.WriteAsync(false);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                }

                await writer.CompleteAsync();
            }
        }

        // Popularity: kindergarten k is picked with weight 1 / (k + 10) (as the in-memory allocation bench), 1–5 ranks each.
        var cumulative = new double[kindergartens];
        var total = 0.0;
        for (var k = 0; k < kindergartens; k++)
            cumulative[k] = total += 1.0 / (k + 10);
        int Pick() => Math.Min(kindergartens - 1, Array.BinarySearch(cumulative, random.NextDouble() * total) is var at && at >= 0 ? at : ~at);
        var rankings = new int[families][];
        for (var f = 0; f < families; f++)
        {
            var ranking = new List<int>(5);
            var length = 1 + random.Next(5);
            while (ranking.Count < length)
                if (Pick() is var k && !ranking.Contains(k))
                    ranking.Add(k);
            rankings[f] = [.. ranking];
        }

        var applicationIds = new List<long>(families);
        var numbers = new List<string>(families);
        await using (var command = data.CreateCommand("SELECT \"Id\", \"Number\" FROM \"Applications\" ORDER BY \"Id\""))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applicationIds.Add(reader.GetInt64(0));
                numbers.Add(reader.GetString(1));
            }
        }

        await using (var connection = await data.OpenConnectionAsync())
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY \"RankedKindergartens\" (\"ApplicationId\", \"KindergartenId\", \"Rank\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var f = 0; f < families; f++)
            {
                for (var rank = 0; rank < rankings[f].Length; rank++)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(applicationIds[f]);
                    await writer.WriteAsync(ids[rankings[f][rank]], NpgsqlDbType.Uuid);
                    await writer.WriteAsync(rank + 1);
                }
            }

            await writer.CompleteAsync();
        }

        await Sql.ExecuteAsync(data, "ANALYZE");
        return (numbers, rankings, ids);
    }

    /// <summary>Every request at once through <paramref name="clients"/> connections; answers are OK or the refusal's code.</summary>
    private static async Task<(LoadFigures Figures, string[] Codes)> FireAsync(HttpClient http, string token, List<string> requests, int clients, string what)
    {
        var latencies = new double[requests.Count];
        var codes = new string[requests.Count];
        var next = -1;
        var origin = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(requests[index], System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                codes[index] = json.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() ?? "?" : "OK";
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(origin).TotalSeconds;
        Array.Sort(latencies);
        return (new LoadFigures(what, clients, requests.Count, 0, seconds, latencies), codes);
    }

    private static async Task<List<string>> CheckInvariantsAsync(NpgsqlDataSource data, AllocationExtract extract, Placement limit, int families, int rankers)
    {
        var violations = new List<string>();
        async Task Expect(string what, string sql, long expected)
        {
            var actual = await Sql.ScalarAsync<long>(data, sql);
            if (actual != expected)
                violations.Add($"{what}: {actual}, expected {expected}");
        }

        var placed = limit.Kindergarten.Count(k => k != Placement.Unplaced);
        await Expect("families in the run (every queued family ranked)", "SELECT \"Families\" FROM \"AllocationRuns\"", families);
        await Expect("outcomes", "SELECT count(*) FROM \"AllocationOutcomes\"", families);
        await Expect("placed outcomes", "SELECT count(*) FROM \"AllocationOutcomes\" WHERE \"KindergartenId\" IS NOT NULL", placed);
        await Expect("seats given twice", "SELECT count(*) FROM (SELECT \"PlaceId\" FROM \"Directions\" GROUP BY \"PlaceId\" HAVING count(*) > 1) t", 0);
        await Expect("placed families without exactly one direction", """
            SELECT count(*) FROM "AllocationOutcomes" o
            WHERE o."KindergartenId" IS NOT NULL AND (SELECT count(*) FROM "Directions" d WHERE d."ApplicationId" = o."ApplicationId" AND d."Status" = 'Issued' AND d."KindergartenId" = o."KindergartenId") <> 1
            """, 0);
        await Expect("directions to families not placed", "SELECT count(*) FROM \"Directions\" d JOIN \"AllocationOutcomes\" o ON o.\"ApplicationId\" = d.\"ApplicationId\" WHERE o.\"KindergartenId\" IS NULL", 0);
        await Expect("applications with a direction", "SELECT count(*) FROM \"Applications\" WHERE \"Status\" = 'DirectionIssued'", placed);
        await Expect("seats taken", "SELECT count(*) FROM \"Places\" WHERE \"TakenByApplicationId\" IS NOT NULL", placed);
        await Expect("seats held by another application than their direction's",
            "SELECT count(*) FROM \"Directions\" d JOIN \"Places\" p ON p.\"Id\" = d.\"PlaceId\" WHERE p.\"TakenByApplicationId\" IS DISTINCT FROM d.\"ApplicationId\"", 0);
        await Expect("direction documents", "SELECT count(*) FROM \"Documents\" WHERE \"Kind\" = 'Direction'", placed);
        await Expect("seats left in the window", "SELECT count(*) FROM \"Places\" WHERE \"Mode\" = 'Window'", 0);
        await Expect("rankings kept (the confirmed ones replaced, not added)", "SELECT count(DISTINCT \"ApplicationId\") FROM \"RankedKindergartens\"", families);
        // The run gave what the limit gives on its own extract, family by family.
        var outcomes = new Dictionary<int, Guid?>();
        await using (var command = data.CreateCommand("SELECT \"Position\", \"KindergartenId\" FROM \"AllocationOutcomes\""))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                outcomes[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetGuid(1);
        }

        var differ = Enumerable.Range(0, extract.Families.Count).Count(position =>
            outcomes.GetValueOrDefault(position) != (limit.Kindergarten[position] == Placement.Unplaced ? null : extract.Kindergartens[limit.Kindergarten[position]].Id));
        if (differ > 0)
            violations.Add($"{differ} outcomes differ from serial dictatorship on the extract");
        _ = rankers;
        return violations;
    }
}
