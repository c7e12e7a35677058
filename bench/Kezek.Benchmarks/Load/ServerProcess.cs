using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kezek.Benchmarks.Load;

/// <summary>
/// A server under load as its own process on a free loopback port: the real Kezek server (the built Kezek.Server.dll)
/// or the bare minimal-API endpoint of this assembly. Knows its address once it listens, and its peak memory.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
    private bool _disposed;

    /// <summary>What the server wrote to its standard output (its log lines at the levels it was given).</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    private ServerProcess(Process process) => _process = process;

    /// <summary>Kezek on PostgreSQL with Production settings; <paramref name="settings"/> add or override configuration.</summary>
    public static ServerProcess Kezek(string folder, string connectionString, string administratorIin,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kezek__DataPath"] = Path.Combine(folder, "data"),
            ["Kezek__Database__Provider"] = "PostgreSql",
            ["Kezek__Database__ConnectionString"] = connectionString,
            ["Kezek__Signatures__TrustedRootsPath"] = Path.Combine(folder, "trusted"),
            ["Kezek__Bootstrap__AdministratorIins__0"] = administratorIin,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Urls"] = "http://127.0.0.1:0",
            // The load driver is one address and, in the rush, one mother: the per-address and per-person limits would refuse it.
            ["Kezek__RateLimits__Enabled"] = "false",
        };
        // Revocation is required in Production: the bench CA's CRL (written by TrustBenchCa) answers for its certificates.
        if (File.Exists(Path.Combine(folder, "trusted", "bench-ca.crl")))
            environment["Kezek__Signatures__Revocation__Crls__0"] = Path.Combine(folder, "trusted", "bench-ca.crl");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        return Start("kezek", Path.Combine(AppContext.BaseDirectory, "Kezek.Server.dll"), [], environment);
    }

    /// <summary>Trusts the bench CA in <paramref name="folder"/> (its certificate as the only root) with its CRL, revoking nothing.</summary>
    public static async Task TrustBenchCaAsync(string folder, Kezek.Identity.Demo.DemoCertificateAuthority authority, DateTimeOffset now)
    {
        Directory.CreateDirectory(Path.Combine(folder, "trusted"));
        await File.WriteAllTextAsync(Path.Combine(folder, "trusted", "bench-ca.crt"), authority.Certificate.ExportCertificatePem());
        await File.WriteAllBytesAsync(Path.Combine(folder, "trusted", "bench-ca.crl"), authority.PublishCrl(now.ToUnixTimeSeconds(), now.AddDays(-1), now.AddDays(30)));
    }

    /// <summary>The bare endpoint: the same SQL behind a minimal API, what a hand-written REST service gets.</summary>
    public static ServerProcess BareApi(string connectionString) =>
        Start("bare", Path.Combine(AppContext.BaseDirectory, "Kezek.Benchmarks.dll"), ["bare-api", "--postgres", connectionString],
            new Dictionary<string, string> { ["Urls"] = "http://127.0.0.1:0", ["Logging__LogLevel__Default"] = "Warning", ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information" });

    private static ServerProcess Start(string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            server._lines.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
                server._address.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine(name + ": " + e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The server's address once it listens; a country generated before later migrations is migrated first, hence long timeouts.</summary>
    public async Task<Uri> WaitForAddressAsync(TimeSpan timeout) => await _address.Task.WaitAsync(timeout);

    /// <summary>The process's peak resident memory so far (VmHWM), in MiB.</summary>
    public double PeakMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The CPU time (user + system) the process has used so far, read from /proc by the runtime.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The process id (for <c>dotnet-counters</c>, <c>dotnet-gcdump</c> or <c>perf</c> beside a run).</summary>
    public int Id => _process.Id;

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
