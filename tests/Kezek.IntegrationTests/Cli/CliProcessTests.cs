using System.Diagnostics;
using Kezek.Server.Cli;
using Microsoft.Data.Sqlite;

namespace Kezek.IntegrationTests.Cli;

/// <summary>The CLI as operators run it: the built server binary with a command, its exit code and what it prints.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kezek-cli-process-").FullName;

    private async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kezek.Server.dll"), .. args])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Kezek__DataPath"] = Path.Combine(_folder, "data");
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public async Task Help_lists_the_commands_and_exit_codes_and_an_unknown_command_is_a_usage_error_not_a_server()
    {
        var (code, output, _) = await RunAsync(NoSettings, "--help", "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("kezek import regions <file.csv>", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done; 1 refused", output, StringComparison.Ordinal);

        (code, _, var error) = await RunAsync(NoSettings, "frobnicate", "--lang", "en");
        Assert.Equal(CliExit.Usage, code);
        Assert.Contains("Unknown command: frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_exits_with_3()
    {
        var settings = new Dictionary<string, string>
        {
            ["Kezek__Database__Provider"] = "PostgreSql",
            ["Kezek__Database__ConnectionString"] = $"Host=127.0.0.1;Port={Hosting.KezekFactory.FreePort()};Username=kezek;Password=x;Database=none;Timeout=3",
        };
        var (code, _, error) = await RunAsync(settings, "migrate", "--lang", "en");
        Assert.Equal(CliExit.DatabaseUnreachable, code);
        Assert.Contains("The database cannot be reached", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_then_demo_data_fill_a_new_SQLite_database_once()
    {
        var database = Path.Combine(_folder, "demo.db");
        var settings = new Dictionary<string, string>
        {
            ["Kezek__Database__Provider"] = "Sqlite",
            ["Kezek__Database__ConnectionString"] = $"Data Source={database}",
        };
        var (code, output, _) = await RunAsync(settings, "migrate", "--lang", "en");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("Migrations applied:", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync(settings, "demo-data", "--applications", "300", "--seed", "7");
        Assert.Equal(CliExit.Done, code);
        Assert.Contains("Generated 300 applications", output, StringComparison.Ordinal);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM \"Applications\"";
            Assert.Equal(300L, (long)(await count.ExecuteScalarAsync())!);
        }

        (code, _, var error) = await RunAsync(settings, "demo-data", "--applications", "300", "--lang", "en");
        Assert.Equal(CliExit.Refused, code);
        Assert.Contains("--replace", error, StringComparison.Ordinal);
    }

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
}
