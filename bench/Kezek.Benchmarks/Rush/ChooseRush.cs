using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kezek.Core.Iins;
using Kezek.Identity.Demo;
using Kezek.Identity.Signatures;
using Kezek.Benchmarks.Load;
using Npgsql;

namespace Kezek.Benchmarks.Rush;

/// <summary>
/// The morning rush on seats, measured over real HTTP against a real Kezek server process on PostgreSQL:
/// applicants registered with signed actions, seats published to free choice, then every applicant's signed
/// "choose" fired at once by many clients. Prints throughput and latency, then checks the invariants in the
/// database (exactly as many directions as seats, no seat twice, every refusal a clear code).
/// <code>dotnet run -c Release --project bench/Kezek.Benchmarks -- choose-rush --postgres "Host=…;Username=…" [--applicants 5000] [--seats 1000] [--clients 500] [--register-clients 16]</code>
/// Registration goes through the real signed mutation too, so the setup measures signed registration throughput; and
/// before Kezek's rush the same applicants take seats of another kindergarten through <see cref="PlainChoose"/>.
/// </summary>
public static class ChooseRush
{
    private const string MotherIin = "900514410214";
    private const string AdministratorIin = "800120331051";
    private const string OperatorIin = "850630441203";
    private static readonly Guid Kindergarten = Guid.Parse("0b7a1f3e-5d2c-4e8b-9a61-00000000b001");

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var server = Option("--postgres", Environment.GetEnvironmentVariable("KEZEK_BENCH_POSTGRES") ?? "");
        if (server.Length == 0)
        {
            Console.Error.WriteLine("Give a PostgreSQL server: --postgres \"Host=127.0.0.1;Port=5432;Username=…\" (or KEZEK_BENCH_POSTGRES); bench/choose-rush.sh starts one.");
            return 2;
        }

        var applicants = int.Parse(Option("--applicants", "5000"), CultureInfo.InvariantCulture);
        var seats = int.Parse(Option("--seats", "1000"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Option("--clients", "500"), CultureInfo.InvariantCulture);
        var registerClients = int.Parse(Option("--register-clients", "16"), CultureInfo.InvariantCulture);
        var database = $"kezek_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var folder = Directory.CreateTempSubdirectory("kezek-rush-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var authority = DemoCertificateAuthority.Create("KEZEK BENCH CA", now.AddDays(-1), now.AddYears(1));
        Directory.CreateDirectory(Path.Combine(folder, "trusted"));
        await File.WriteAllTextAsync(Path.Combine(folder, "trusted", "bench-ca.crt"), authority.Certificate.ExportCertificatePem());
        using var host = ServerProcess.Kezek(folder, connection, AdministratorIin);
        try
        {
            using var http = new HttpClient { BaseAddress = await host.WaitForAddressAsync(TimeSpan.FromSeconds(60)), Timeout = TimeSpan.FromMinutes(5) };
            var mother = new DemoPerson(MotherIin, "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ");
            using var motherAuth = authority.IssueAuthentication(mother, now.AddDays(-1), now.AddYears(1));
            using var motherSign = authority.IssueSigning(mother, now.AddDays(-1), now.AddYears(1));
            using var adminAuth = authority.IssueAuthentication(new DemoPerson(AdministratorIin, "НҰРЛАНОВ", "АСҚАР", null), now.AddDays(-1), now.AddYears(1));
            using var operatorAuth = authority.IssueAuthentication(new DemoPerson(OperatorIin, "СЕЙТОВА", "ГҮЛНАР", null), now.AddDays(-1), now.AddYears(1));

            var setup = Stopwatch.StartNew();
            var admin = await SignInAsync(http, adminAuth);
            // Distinct valid IINs of 2022 (Iin.Create moves past serials whose check digit does not exist).
            var children = new HashSet<string>();
            for (var i = 0; children.Count < applicants; i++)
                children.Add(Iin.Create(new DateOnly(2022, 1, 1).AddDays(i % 360), i % 2 == 0 ? Sex.Female : Sex.Male, 1000 + (i / 360 * 20)).Value);
            await PostAsync(http, "mutation($csv: String!) { importCivilRegistry(csv: $csv) { added } }", new
            {
                csv = "childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n', children.Select((c, i) =>
                    $"{c},БАЛА {i},{Iin.Parse(c).Value.BirthDate:yyyy-MM-dd},{MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER")),
            }, admin);
            await PostAsync(http, "mutation { grantRole(iin: \"" + OperatorIin + "\", role: OPERATOR, region: \"almaty\") { id } }", null, admin);
            await ExecuteAsync(connection, $"""INSERT INTO "Kindergartens" ("Id", "RegionCode", "Bin", "NameRu", "NameKk", "Address", "Languages", "Ownership") VALUES ('{Kindergarten}', 'almaty', '160140099999', 'Бенчмарк', 'Бенчмарк', 'Алматы', 'kk,ru', 'State')""");
            var token = await SignInAsync(http, motherAuth);
            var numbers = new List<string>();
            var registrationLatencies = new List<double>();
            var registration = Stopwatch.StartNew();
            await Parallel.ForEachAsync(children, new ParallelOptions { MaxDegreeOfParallelism = registerClients }, async (child, _) =>
            {
                var input = new Dictionary<string, string> { ["region"] = "almaty", ["childIin"] = child, ["benefitCategory"] = "NONE", ["email"] = "rush@example.kz", ["phone"] = "+77011234567" };
                var started = Stopwatch.GetTimestamp();
                var data = await SignedAsync(http, token, motherSign, "registerApplication", "RegisterApplicationInput", input, "application { number }");
                lock (numbers)
                {
                    registrationLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    numbers.Add(data.GetProperty("registerApplication").GetProperty("application").GetProperty("number").GetString()!);
                }
            });
            registrationLatencies.Sort();
            Console.WriteLine(new LoadFigures("signed registration (nonce + registerApplication)", registerClients, numbers.Count, 0,
                registration.Elapsed.TotalSeconds, [.. registrationLatencies]));
            var operatorToken = await SignInAsync(http, operatorAuth);
            var published = await PostAsync(http, "mutation($k: ID!, $n: Int!) { publishPlaces(input: {kindergartenId: $k, groupYear: 2022, language: KK, count: $n, mode: FREE_CHOICE}) { freePlaces { placeId } } }",
                new { k = Kindergarten, n = seats }, operatorToken);
            var place = published.GetProperty("publishPlaces").GetProperty("freePlaces")[0].GetProperty("placeId").GetString()!;
            var requests = new List<string>();
            foreach (var number in numbers)
            {
                var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
                var signed = XmlSigner.Sign(ActionDocument.Action("chooseKindergarten", await NonceAsync(http, token), input.Select(f => new ActionField(f.Key, f.Value))), motherSign);
                requests.Add(JsonSerializer.Serialize(new
                {
                    query = "mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }",
                    variables = new { input, x = signed },
                }));
            }

            var plain = await PlainChoose.RunAsync(connection, numbers, seats, clients, 2022, System.Text.Json.JsonDocument.Parse(requests[0]).RootElement.GetProperty("variables").GetProperty("x").GetString()!);
            Console.WriteLine(plain.Figures);
            Console.WriteLine($"  plain SQL: {plain.Directions} directions, {plain.SeatsGivenTwice} seats given twice");

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup: {applicants} applicants registered, {seats} seats published, {requests.Count} signed choices prepared in {setup.Elapsed.TotalSeconds:F1} s"));

            // The rush: every signed choice at once, by `clients` concurrent connections.
            var latencies = new double[requests.Count];
            var codes = new string[requests.Count];
            var next = -1;
            var rush = Stopwatch.StartNew();
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
                    codes[index] = json.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString()! : "OK";
                }
            })));
            rush.Stop();

            Array.Sort(latencies);
            var figures = new LoadFigures("rush: Kezek signed chooseKindergarten", clients, requests.Count, 0, rush.Elapsed.TotalSeconds, latencies);
            Console.WriteLine(figures);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Kezek / plain SQL = {figures.PerSecond / plain.Figures.PerSecond:P0} of the throughput; Kezek server peak memory (VmHWM) {host.PeakMemoryMiB():F0} MiB"));
            foreach (var group in codes.GroupBy(c => c).OrderByDescending(g => g.Count()))
                Console.WriteLine($"  {group.Key}: {group.Count()}");

            var violations = await CheckInvariantsAsync(connection, seats, codes.Count(c => c == "OK"));
            var unclear = codes.Count(c => c is not ("OK" or "NO_FREE_PLACE" or "NO_FREE_PLACES" or "TURN_NOT_COME"));
            Console.WriteLine(violations.Count == 0 && unclear == 0 ? "invariants: hold" : "invariants: VIOLATED\n  " + string.Join("\n  ", violations.Append($"{unclear} unclear refusals")));
            return violations.Count == 0 && unclear == 0 ? 0 : 1;
        }
        finally
        {
            host.Dispose();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> CheckInvariantsAsync(string connection, int seats, int accepted)
    {
        var violations = new List<string>();
        async Task Expect(string what, string sql, long expected)
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(sql, db);
            var actual = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (actual != expected)
                violations.Add($"{what}: {actual}, expected {expected}");
        }

        var directions = Math.Min(seats, accepted);
        await Expect("accepted choices", "SELECT COUNT(*) FROM \"Directions\" WHERE \"Status\" = 'Issued'", accepted);
        await Expect("directions", "SELECT COUNT(*) FROM \"Directions\" WHERE \"Status\" = 'Issued'", directions);
        await Expect("seats given twice", "SELECT COUNT(*) FROM (SELECT \"PlaceId\" FROM \"Directions\" GROUP BY \"PlaceId\" HAVING COUNT(*) > 1) t", 0);
        await Expect("seats taken", "SELECT COUNT(*) FROM \"Places\" WHERE \"TakenByApplicationId\" IS NOT NULL", directions);
        await Expect("seats held by another application than their direction's",
            "SELECT COUNT(*) FROM \"Directions\" d JOIN \"Places\" p ON p.\"Id\" = d.\"PlaceId\" WHERE p.\"TakenByApplicationId\" <> d.\"ApplicationId\"", 0);
        await Expect("applications with a direction", "SELECT COUNT(*) FROM \"Applications\" WHERE \"Status\" = 'DirectionIssued'", directions);
        return violations;
    }

    private static async Task<string> SignInAsync(HttpClient http, System.Security.Cryptography.X509Certificates.X509Certificate2 auth)
    {
        var signed = XmlSigner.Sign(ActionDocument.Login(await NonceAsync(http, null)), auth);
        return (await PostAsync(http, "mutation($x: String!) { signIn(signedXml: $x) { token } }", new { x = signed }, null))
            .GetProperty("signIn").GetProperty("token").GetString()!;
    }

    private static async Task<string> NonceAsync(HttpClient http, string? token) =>
        (await PostAsync(http, "mutation { requestNonce { value } }", null, token)).GetProperty("requestNonce").GetProperty("value").GetString()!;

    private static async Task<JsonElement> SignedAsync(HttpClient http, string token, System.Security.Cryptography.X509Certificates.X509Certificate2 key,
        string mutation, string inputType, Dictionary<string, string> input, string selection)
    {
        var signed = XmlSigner.Sign(ActionDocument.Action(mutation, await NonceAsync(http, token), input.Select(f => new ActionField(f.Key, f.Value))), key);
        return await PostAsync(http, $"mutation($input: {inputType}!, $x: String!) {{ {mutation}(input: $input, signedXml: $x) {{ {selection} }} }}",
            new { input, x = signed }, token);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string query, object? variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (json.TryGetProperty("errors", out var errors))
            throw new InvalidOperationException($"{query[..Math.Min(60, query.Length)]}…: {errors}");
        return json.GetProperty("data");
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
