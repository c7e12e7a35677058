using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Kezek.Core.Iins;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Kezek.Benchmarks.Load;
using static Kezek.Benchmarks.Load.KezekApi;
using Npgsql;

namespace Kezek.Benchmarks.Rush;

/// <summary>
/// The morning rush on seats, measured over real HTTP against a real Kezek server process on PostgreSQL:
/// applicants registered with signed actions (which measures signed registration), seats published to free choice,
/// then every applicant's signed "choose" fired by many clients — all at once (a closed loop of <c>--clients</c>), or
/// arriving at <c>--rate</c> per second with at most <c>--clients</c> in flight, latency counted from the planned
/// arrival. Before it, a warm-up rush of other applicants on another kindergarten (the server has served choices
/// before the morning), and the same applicants taking another kindergarten's seats through <see cref="PlainChoose"/>,
/// the plain-SQL data limit. Afterwards the invariants are checked in the database: exactly as many directions as
/// seats, no seat twice, every taken seat held by its direction's application, every refusal <c>NO_FREE_PLACE</c> once
/// every seat is taken, and nothing a choice writes lost: each direction has its one expiry timer, its document, its
/// history entry and its notifications, and no refused application has any of them.
/// Each choice is sent as the family portal sends it, a persisted query (Apollo's convention): the document's hash alone,
/// and the document with its hash only when the server answers PERSISTED_QUERY_NOT_FOUND (<c>--persisted 0</c> sends the
/// document every time, as before).
/// With <c>--instances 2</c> (or more) the rush runs against that many Kezek server processes on the same database (the
/// first migrates it and is waited for, then the others start), the warm-up and the rush's clients spread over them in
/// turn; each server's CPU time over the rush is read from /proc, and the CPU per choice is printed beside the figures.
/// <code>dotnet Kezek.Benchmarks.dll choose-rush --postgres "Host=…;Username=…" [--applicants 5000] [--seats 1000] [--clients 500] [--rate 0] [--warmup 500] [--instances 1] [--server-env NAME=VALUE]… [--persisted 1]</code>
/// </summary>
public static class ChooseRush
{
    private const string MotherIin = "900514410214";
    private const string AdministratorIin = "800120331051";
    private const string OperatorIin = "850630441203";
    private const int GroupYear = 2022;
    private const int WarmUpGroupYear = 2021;
    private static readonly Guid Kindergarten = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-00000000b001");
    private static readonly Guid WarmUpKindergarten = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-00000000b003");
    private const string NoFreePlace = "NO_FREE_PLACE";

    public static async Task<int> RunAsync(string[] args) => (await MeasureAsync(args)).Exit;

    /// <summary>The whole rush; also answers the Kezek rush's figures, for a bench that prints them beside its own (<c>window --rush</c>).</summary>
    public static async Task<(int Exit, LoadFigures? Rush)> MeasureAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var server = Option("--postgres", Environment.GetEnvironmentVariable("KEZEK_BENCH_POSTGRES") ?? "");
        if (server.Length == 0)
        {
            Console.Error.WriteLine("Give a PostgreSQL server: --postgres \"Host=127.0.0.1;Port=5432;Username=…\" (or KEZEK_BENCH_POSTGRES); bench/run.sh starts one.");
            return (2, null);
        }

        var applicants = Number("--applicants", 5000);
        var seats = Number("--seats", 1000);
        var clients = Number("--clients", 500);
        var rate = Number("--rate", 0);
        var warmUp = Number("--warmup", 500);
        var registerClients = Number("--register-clients", 16);
        var instances = Math.Max(1, Number("--instances", 1));
        // --server-env DOTNET_gcServer=0 (repeatable): an environment variable for the servers only, not for this driver.
        var serverEnvironment = args.Select((a, i) => (a, i)).Where(p => p.a == "--server-env" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        var persisted = Number("--persisted", 1) != 0;
        var database = $"kezek_rush_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        await Sql.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var folder = Directory.CreateTempSubdirectory("kezek-rush-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var authority = DemoCertificateAuthority.Create("KEZEK BENCH CA", now.AddDays(-1), now.AddYears(1));
        await ServerProcess.TrustBenchCaAsync(folder, authority, now);
        var hosts = new List<ServerProcess>();
        var clientsOfHosts = new List<HttpClient>();
        try
        {
            // The first instance migrates the new database; the others start on it once it listens.
            for (var i = 0; i < instances; i++)
            {
                var settings = new Dictionary<string, string>(serverEnvironment);
                if (instances > 1)
                {
                    // The instances share the one instance's 100 connections, as an operator sizes pools to max_connections.
                    settings["Kezek__DataPath"] = Path.Combine(folder, $"data-{i + 1}");
                    settings["Kezek__Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 100 / instances }.ConnectionString;
                }
                hosts.Add(ServerProcess.Kezek(folder, connection, AdministratorIin, settings));
                var address = await hosts[i].WaitForAddressAsync(TimeSpan.FromMinutes(3)); // a shared machine can take a minute to start one
                clientsOfHosts.Add(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) });
                Console.Error.WriteLine($"rush: Kezek server {i + 1} of {instances} is process {hosts[i].Id} on {address}");
            }

            var http = clientsOfHosts[0];
            var mother = new DemoPerson(MotherIin, "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ");
            using var motherAuth = authority.IssueAuthentication(mother, now.AddDays(-1), now.AddYears(1));
            using var motherSign = authority.IssueSigning(mother, now.AddDays(-1), now.AddYears(1));
            using var adminAuth = authority.IssueAuthentication(new DemoPerson(AdministratorIin, "НҰРЛАНОВ", "АСҚАР", null), now.AddDays(-1), now.AddYears(1));
            using var operatorAuth = authority.IssueAuthentication(new DemoPerson(OperatorIin, "СЕЙТОВА", "ГҮЛНАР", null), now.AddDays(-1), now.AddYears(1));

            var admin = await SignInAsync(http, adminAuth);
            var children = Children(GroupYear, applicants);
            var warmUpChildren = Children(WarmUpGroupYear, warmUp);
            await PostAsync(http, "mutation($csv: String!) { importCivilRegistry(csv: $csv) { added } }", new
            {
                csv = "childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n', children.Concat(warmUpChildren).Select((c, i) =>
                    $"{c},БАЛА {i},{Iin.Parse(c).Value.BirthDate:yyyy-MM-dd},{MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER")),
            }, admin);
            await PostAsync(http, "mutation { grantRole(iin: \"" + OperatorIin + "\", role: OPERATOR, region: \"almaty\") { id } }", null, admin);
            foreach (var (id, bin) in new[] { (Kindergarten, "160140099999"), (WarmUpKindergarten, "160140099997") })
                await Sql.ExecuteAsync(connection, $"""INSERT INTO "Kindergartens" ("Id", "RegionCode", "Bin", "NameRu", "NameKk", "Address", "Languages", "Ownership") VALUES ('{id}', 'almaty', '{bin}', 'Бенчмарк', 'Бенчмарк', 'Алматы', 'kk,ru', 'State')""");
            var token = await SignInAsync(http, motherAuth);
            var operatorToken = await SignInAsync(http, operatorAuth);

            var registrationLatencies = new List<double>();
            var registrationCpuBefore = hosts[0].CpuTime();
            var registration = Stopwatch.StartNew();
            var numbers = await RegisterAsync(http, token, motherSign, children, registerClients, registrationLatencies);
            var warmUpNumbers = await RegisterAsync(http, token, motherSign, warmUpChildren, registerClients, registrationLatencies);
            registrationLatencies.Sort();
            Console.WriteLine(new LoadFigures("signed registration (nonce + registerApplication)", registerClients, registrationLatencies.Count, 0,
                registration.Elapsed.TotalSeconds, [.. registrationLatencies]));
            var registrationCpu = (hosts[0].CpuTime() - registrationCpuBefore).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Kezek server CPU over registration: {registrationCpu / Math.Max(1, registrationLatencies.Count):F2} ms per registration ({registrationCpu / 1000:F1} s for {registrationLatencies.Count} registrations, nonces included)"));

            if (warmUpNumbers.Count > 0)
            {
                var warmUpRequests = await PrepareAsync(http, token, motherSign, operatorToken, WarmUpKindergarten, WarmUpGroupYear, Math.Max(1, warmUp / 5), warmUpNumbers, persisted);
                var (warmUpFigures, _) = await FireAsync(clientsOfHosts, token, warmUpRequests, clients, 0, "warm-up: Kezek signed chooseKindergarten");
                Console.WriteLine(warmUpFigures);
            }

            var requests = await PrepareAsync(http, token, motherSign, operatorToken, Kindergarten, GroupYear, seats, numbers, persisted);
            var signedXml = JsonDocument.Parse(requests[0].Body).RootElement.GetProperty("variables").GetProperty("x").GetString()!;
            var plain = await PlainChoose.RunAsync(connection, numbers, seats, clients, GroupYear, signedXml);
            Console.WriteLine(plain.Figures);
            Console.WriteLine($"  plain SQL: {plain.Directions} directions, {plain.SeatsGivenTwice} seats given twice");

            var cpuBefore = hosts.Select(h => h.CpuTime()).ToList();
            var (figures, codes) = await FireAsync(clientsOfHosts, token, requests, clients, rate,
                (rate > 0 ? $"rush: Kezek signed choose, {rate}/s arriving" : "rush: Kezek signed chooseKindergarten") + (instances > 1 ? $", {instances} instances" : ""));
            var cpu = hosts.Select((h, i) => (h.CpuTime() - cpuBefore[i]).TotalMilliseconds).ToList();
            Console.WriteLine(figures);
            var peaks = hosts.Select(h => h.PeakMemoryMiB()).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Kezek / plain SQL = {figures.PerSecond / plain.Figures.PerSecond:P0} of the throughput; Kezek server peak memory (VmHWM) {peaks.Max():F0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Kezek server CPU over the rush: {cpu.Sum() / requests.Count:F2} ms per choice ({cpu.Sum() / 1000:F1} s for {requests.Count} choices{(instances > 1 ? "; " + string.Join(", ", cpu.Select((c, i) => $"instance {i + 1}: {c / 1000:F1} s, peak {peaks[i]:F0} MiB")) : "")})"));
            foreach (var group in codes.GroupBy(c => c).OrderByDescending(g => g.Count()))
                Console.WriteLine($"  {group.Key}: {group.Count()}");

            var accepted = codes.Count(c => c == "OK");
            var violations = await CheckInvariantsAsync(connection, seats, accepted);
            var untrue = codes.Count(c => c != "OK" && c != NoFreePlace);
            if (untrue > 0)
                violations.Add($"{untrue} refusals other than {NoFreePlace}");
            if (accepted < seats && codes.Length > accepted)
                violations.Add($"{seats - accepted} seats left free while {codes.Length - accepted} choices were refused");
            Console.WriteLine(violations.Count == 0 ? "invariants: hold" : "invariants: VIOLATED\n  " + string.Join("\n  ", violations));
            return (violations.Count == 0 ? 0 : 1, figures);
        }
        finally
        {
            foreach (var client in clientsOfHosts)
                client.Dispose();
            foreach (var instance in hosts)
                instance.Dispose();
            NpgsqlConnection.ClearAllPools();
            await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Distinct valid IINs of children born in the year (Iin.Create moves past serials whose check digit does not exist).</summary>
    private static List<string> Children(int year, int count)
    {
        var children = new HashSet<string>();
        for (var i = 0; children.Count < count; i++)
            children.Add(Iin.Create(new DateOnly(year, 1, 1).AddDays(i % 360), i % 2 == 0 ? Sex.Female : Sex.Male, 1000 + (i / 360 * 20)).Value);
        return [.. children];
    }

    private static async Task<List<string>> RegisterAsync(HttpClient http, string token, X509Certificate2 sign, List<string> children, int clients,
        List<double> latencies)
    {
        var numbers = new List<string>();
        await Parallel.ForEachAsync(children, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (child, _) =>
        {
            var input = new Dictionary<string, string> { ["region"] = "almaty", ["childIin"] = child, ["benefitCategory"] = "NONE", ["email"] = "rush@example.kz", ["phone"] = "+77011234567" };
            var started = Stopwatch.GetTimestamp();
            var data = await SignedAsync(http, token, sign, "registerApplication", "RegisterApplicationInput", input, "application { number }");
            lock (latencies)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                numbers.Add(data.GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!);
            }
        });
        return numbers;
    }

    /// <summary>Publishes the seats to free choice and signs one choice per applicant, each with its own nonce.</summary>
    private const string ChooseMutation = "mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }";

    /// <summary>A request's body as first sent (the hash alone when persisted) and the body with the document.</summary>
    private sealed record Request(string Body, string WithDocument);

    private static async Task<List<Request>> PrepareAsync(HttpClient http, string token, X509Certificate2 sign, string operatorToken, Guid kindergarten,
        int groupYear, int seats, List<string> numbers, bool persisted)
    {
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ChooseMutation))) } };
        var published = await PostAsync(http, "mutation($k: ID!, $y: Int!, $n: Int!) { publishPlaces(input: {kindergartenId: $k, groupYear: $y, language: KK, count: $n, mode: FREE_CHOICE}) { freePlaces { placeId } } }",
            new { k = kindergarten, y = groupYear, n = seats }, operatorToken);
        var place = published.GetProperty("publishPlaces").GetProperty("freePlaces")[0].GetProperty("placeId").GetString()!;
        var requests = new List<Request>();
        foreach (var number in numbers)
        {
            var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
            var signed = XmlSigner.Sign(ActionDocument.Action("chooseKindergarten", await NonceAsync(http, token), input.Select(f => new ActionField(f.Key, f.Value))), sign);
            var withDocument = persisted
                ? JsonSerializer.Serialize(new { query = ChooseMutation, variables = new { input, x = signed }, extensions })
                : JsonSerializer.Serialize(new { query = ChooseMutation, variables = new { input, x = signed } });
            requests.Add(new Request(persisted ? JsonSerializer.Serialize(new { variables = new { input, x = signed }, extensions }) : withDocument, withDocument));
        }

        return requests;
    }

    /// <summary>
    /// Sends every request: at once through <paramref name="clients"/> connections, or paced at <paramref name="rate"/> per
    /// second with at most <paramref name="clients"/> in flight (then latency counts from the planned send, so that a
    /// server falling behind shows in it). Answers are the error code of each refusal, or OK.
    /// </summary>
    private static async Task<(LoadFigures Figures, string[] Codes)> FireAsync(List<HttpClient> servers, string token, List<Request> requests, int clients, int rate,
        string what)
    {
        var latencies = new double[requests.Count];
        var codes = new string[requests.Count];
        var next = -1;
        var origin = Stopwatch.GetTimestamp();
        async Task SendAsync(HttpClient http, int index, long planned)
        {
            async Task<JsonElement> SendBodyAsync(string body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            }

            var json = await SendBodyAsync(requests[index].Body);
            if (json.TryGetProperty("errors", out var first) && first[0].GetProperty("extensions").GetProperty("code").GetString() == "PERSISTED_QUERY_NOT_FOUND")
                json = await SendBodyAsync(requests[index].WithDocument);
            latencies[index] = Stopwatch.GetElapsedTime(planned).TotalMilliseconds;
            codes[index] = json.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString()! : "OK";
        }

        if (rate <= 0)
        {
            // Client c talks to server c mod n throughout, as a balancer with sticky connections would spread them.
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests.Count)
                    await SendAsync(servers[client % servers.Count], index, Stopwatch.GetTimestamp());
            })));
        }
        else
        {
            using var inFlight = new SemaphoreSlim(clients);
            var sent = new List<Task>(requests.Count);
            for (var index = 0; index < requests.Count; index++)
            {
                var planned = origin + (long)(index * (double)Stopwatch.Frequency / rate);
                var wait = (planned - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (wait >= 1)
                    await Task.Delay(TimeSpan.FromMilliseconds(wait));
                await inFlight.WaitAsync();
                var i = index;
                sent.Add(Task.Run(async () =>
                {
                    try
                    {
                        await SendAsync(servers[i % servers.Count], i, planned);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }

            await Task.WhenAll(sent);
        }

        var seconds = Stopwatch.GetElapsedTime(origin).TotalSeconds;
        Array.Sort(latencies);
        return (new LoadFigures(what, clients, requests.Count, 0, seconds, latencies), codes);
    }

    private static async Task<List<string>> CheckInvariantsAsync(string connection, int seats, int accepted)
    {
        var violations = new List<string>();
        await using var data = NpgsqlDataSource.Create(connection);
        async Task Expect(string what, string sql, long expected)
        {
            var actual = await Sql.ScalarAsync<long>(data, sql);
            if (actual != expected)
                violations.Add($"{what}: {actual}, expected {expected}");
        }

        var directions = Math.Min(seats, accepted);
        var ours = $"\"KindergartenId\" = '{Kindergarten}'";
        await Expect("accepted choices", $"SELECT COUNT(*) FROM \"Directions\" WHERE \"Status\" = 'Issued' AND {ours}", accepted);
        await Expect("directions", $"SELECT COUNT(*) FROM \"Directions\" WHERE \"Status\" = 'Issued' AND {ours}", directions);
        await Expect("seats given twice", "SELECT COUNT(*) FROM (SELECT \"PlaceId\" FROM \"Directions\" GROUP BY \"PlaceId\" HAVING COUNT(*) > 1) t", 0);
        await Expect("seats taken", $"SELECT COUNT(*) FROM \"Places\" WHERE \"TakenByApplicationId\" IS NOT NULL AND {ours}", directions);
        await Expect("seats held by another application than their direction's",
            "SELECT COUNT(*) FROM \"Directions\" d JOIN \"Places\" p ON p.\"Id\" = d.\"PlaceId\" WHERE p.\"TakenByApplicationId\" <> d.\"ApplicationId\"", 0);
        await Expect("applications with a direction", $"SELECT COUNT(*) FROM \"Applications\" WHERE \"Status\" = 'DirectionIssued' AND \"GroupYear\" = {GroupYear}", directions);

        // Nothing a choice writes is lost or doubled, nothing is written for a refusal (written by whichever instance answered).
        var issued = $"\"Directions\" d WHERE d.\"Status\" = 'Issued' AND d.{ours}";
        var refused = $"\"Applications\" a WHERE a.\"GroupYear\" = {GroupYear} AND a.\"Status\" <> 'DirectionIssued'";
        await Expect("directions without exactly one pending expiry timer",
            $"SELECT COUNT(*) FROM {issued} AND (SELECT COUNT(*) FROM \"WorkflowTimers\" t WHERE t.\"ApplicationId\" = d.\"ApplicationId\" AND t.\"Trigger\" = 'Expire' AND t.\"Status\" = 'Pending') <> 1", 0);
        await Expect("refused applications with an expiry timer",
            $"SELECT COUNT(*) FROM {refused} AND EXISTS (SELECT 1 FROM \"WorkflowTimers\" t WHERE t.\"ApplicationId\" = a.\"Id\" AND t.\"Trigger\" = 'Expire')", 0);
        await Expect("directions without exactly one document",
            $"SELECT COUNT(*) FROM {issued} AND (SELECT COUNT(*) FROM \"Documents\" c WHERE c.\"DirectionId\" = d.\"Id\") <> 1", 0);
        await Expect("directions without exactly one history entry into DirectionIssued",
            $"SELECT COUNT(*) FROM {issued} AND (SELECT COUNT(*) FROM \"HistoryEntries\" h WHERE h.\"ApplicationId\" = d.\"ApplicationId\" AND h.\"ToStatus\" = 'DirectionIssued') <> 1", 0);
        await Expect("directions without a direction-issued notification",
            $"SELECT COUNT(*) FROM {issued} AND NOT EXISTS (SELECT 1 FROM \"Notifications\" n WHERE n.\"ApplicationId\" = d.\"ApplicationId\" AND n.\"Template\" = 'direction-issued')", 0);
        await Expect("kinds of direction-issued notification counts per direction (one family, one count)",
            $"SELECT COUNT(DISTINCT k) FROM (SELECT (SELECT COUNT(*) FROM \"Notifications\" n WHERE n.\"ApplicationId\" = d.\"ApplicationId\" AND n.\"Template\" = 'direction-issued') k FROM {issued}) x",
            directions > 0 ? 1 : 0);
        await Expect("refused applications with a direction-issued notification",
            $"SELECT COUNT(*) FROM {refused} AND EXISTS (SELECT 1 FROM \"Notifications\" n WHERE n.\"ApplicationId\" = a.\"Id\" AND n.\"Template\" = 'direction-issued')", 0);
        return violations;
    }
}
