using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Kezek.IntegrationTests.Hosting;
using Kezek.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Kezek.IntegrationTests.Api;

/// <summary>
/// The conventions every ASP.NET Core host and container relies on, proven on the built server process (Kezek.Server.dll):
/// <c>ASPNETCORE_URLS</c> and <c>ASPNETCORE_HTTP_PORTS</c> decide where it listens, <c>*_FILE</c> keys read secrets from files,
/// <c>Kezek:Logging:Json</c> makes every line JSON with the request's id, and a wrong setting stops the start in one line.
/// </summary>
public sealed class ConventionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kezek-conventions-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleanup.
        }
    }

    private sealed class Server(Process process, StringBuilder output, StringBuilder errors) : IDisposable
    {
        public Process Process => process;

        public string Output
        {
            get
            {
                lock (output)
                    return output.ToString();
            }
        }

        public string Errors
        {
            get
            {
                lock (errors)
                    return errors.ToString();
            }
        }

        /// <summary>Ends it (killed: the test has what it needs) and waits for the last lines.</summary>
        public void Stop()
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            Stop();
            process.Dispose();
        }
    }

    /// <summary>The server with a minimal configuration of its own (SQLite in the test's folder) and <paramref name="settings"/>.</summary>
    private Server Start(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kezek.Server.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Kezek__", StringComparison.Ordinal)
                                                                   || k.Equals("Urls", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(inherited);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Kezek__DataPath"] = Path.Combine(_folder, "data");
        start.Environment["Kezek__Demo__Seed"] = "false";
        start.Environment["Kezek__Timers__SweepInterval"] = "1.00:00:00";
        start.Environment["Kezek__Notifications__DispatchInterval"] = "1.00:00:00";
        start.Environment["Kezek__Audit__AnchorInterval"] = "1.00:00:00";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        StringBuilder output = new(), errors = new();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
                errors.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Server(process, output, errors);
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{0}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{0}")]
    public async Task The_standard_variable_decides_where_it_listens_a_secret_comes_from_a_file_and_logs_are_JSON_with_the_request_id(
        string variable, string value)
    {
        var port = KezekFactory.FreePort();
        var database = Path.Combine(_folder, "from-secret.db");
        var secret = Path.Combine(_folder, "db-secret");
        await File.WriteAllTextAsync(secret, $"Data Source={database}\n");
        using var server = Start(new Dictionary<string, string>
        {
            [variable] = string.Format(System.Globalization.CultureInfo.InvariantCulture, value, port),
            ["Kezek__Database__Provider"] = "Sqlite",
            // The file wins over a value given beside it.
            ["Kezek__Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "not-this.db")}",
            ["Kezek__Database__ConnectionString_FILE"] = secret,
            ["Kezek__Logging__Json"] = "true",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(server.Process.HasExited, "The server stopped:\n" + server.Output + server.Errors);
            Assert.True(DateTime.UtcNow < deadline, "The server did not listen on the port of " + variable + ":\n" + server.Output);
            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                    break;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        var nonce = await http.PostAsync("/graphql", new StringContent("""{"query":"mutation { requestNonce { value } }"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, nonce.StatusCode);
        Assert.True(File.Exists(database), "The connection string did not come from the secret file.");
        Assert.False(File.Exists(Path.Combine(_folder, "not-this.db")));

        server.Stop();
        var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        var logged = lines.Select(line =>
        {
            try
            {
                return JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException)
            {
                Assert.Fail("A line that is not JSON: " + line);
                throw;
            }
        }).ToList();
        // The nonce's INSERT, logged inside the request: its scope names the request and the trace.
        var insert = logged.First(l => l.GetProperty("Category").GetString() == "Microsoft.EntityFrameworkCore.Database.Command"
                                       && l.GetProperty("Message").GetString()!.Contains("INSERT INTO \"Nonces\"", StringComparison.Ordinal));
        var scopes = insert.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString()!.Length > 0);
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString()!.Length == 32);
    }

    [Theory]
    [InlineData("Kezek__Database__Provider", "PostgreSql", "Kezek:Database:ConnectionString is required when Kezek:Database:Provider is PostgreSql")]
    [InlineData("Kezek__RateLimits__SignInsPerAddress", "-1", "Kezek:RateLimits:SignInsPerAddress must be positive (it is -1)")]
    [InlineData("Kezek__Limits__MaxRootFields", "0", "Kezek:Limits:MaxRootFields must be positive (it is 0)")]
    [InlineData("Kezek__Telemetry__MetricsNetworks__0", "10.0.0.0/99", "Kezek:Telemetry:MetricsNetworks:0 is neither an address nor a network")]
    [InlineData("Kezek__Timers__SweepInterval", "-00:00:05", "Kezek:Timers:SweepInterval must be a positive time span")]
    [InlineData("Kezek__Sms__Token_FILE", "/nonexistent/kezek-sms-token", "Kezek:Sms:Token_FILE names a secret file that cannot be read")]
    [InlineData("Kezek__Bootstrap__AdministratorIins__0", "123", "Kezek:Bootstrap:AdministratorIins:0 is not a valid IIN")]
    [InlineData("Kezek__Database__Provider", "Oracle", "Kezek:Database:Provider")]
    public async Task A_wrong_setting_stops_the_start_with_one_line_naming_the_key(string key, string value, string expected)
    {
        using var server = Start(new Dictionary<string, string> { [key] = value });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await server.Process.WaitForExitAsync(timeout.Token);
        server.Process.WaitForExit(); // the output's last lines

        Assert.Equal(1, server.Process.ExitCode);
        var errors = server.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(errors);
        Assert.StartsWith("Kezek cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output + server.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Appsettings_leave_the_address_to_the_standard_variables_and_development_keeps_its_port()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        Assert.DoesNotContain(settings.RootElement.EnumerateObject(), p => p.Name.Equals("Urls", StringComparison.OrdinalIgnoreCase));

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kezek.slnx")))
            root = root.Parent;
        Assert.NotNull(root);
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.FullName, "src", "Server", "Properties", "launchSettings.json")));
        Assert.Equal("http://localhost:5080", launch.RootElement.GetProperty("profiles").GetProperty("Kezek").GetProperty("applicationUrl").GetString());
    }

    [Fact]
    public void A_FILE_key_within_a_section_gives_the_files_content_without_its_trailing_line_break()
    {
        var secret = Path.Combine(_folder, "password");
        File.WriteAllText(secret, "s3cret with spaces \r\n");
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kezek:Email:Password"] = "given beside it",
                ["Kezek:Email:Password_FILE"] = secret,
                // The machine's own variables are not Kezek's, even when their file is missing.
                ["TF_CLI_CONFIG_FILE"] = "/nonexistent/terraformrc",
            })
            .AddSecretFiles()
            .Build();

        Assert.Equal("s3cret with spaces ", configuration["Kezek:Email:Password"]);
        Assert.Empty(configuration.GetSection(Kezek.Server.Hosting.SecretFiles.FailuresSection).GetChildren());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("192.0.2.44", true)]
    [InlineData("192.0.2.45", false)]
    [InlineData("203.0.113.5", false)]
    public void Metrics_may_be_scraped_from_loopback_and_the_configured_networks_only(string client, bool allowed) =>
        Assert.Equal(allowed, Kezek.Server.Hosting.Observability.MayScrape(IPAddress.Parse(client), ["10.0.0.0/8", "192.0.2.44"]));
}
