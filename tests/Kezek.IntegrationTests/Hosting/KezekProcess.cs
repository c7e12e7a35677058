using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>
/// A real Kezek server process (the built Kezek.Server.dll) on the test's database and trust, on a free loopback port:
/// its address once it listens, its output, and <see cref="KillHard"/> — SIGKILL, no graceful shutdown.
/// </summary>
public sealed partial class KezekProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _dataFolder;

    private KezekProcess(Process process, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
    }

    /// <summary>Starts an instance with <see cref="KezekFactory.AnotherInstanceEnvironment"/>, its background work off unless
    /// <paramref name="settings"/> (environment variables, <c>Kezek__…</c>) turn it on.</summary>
    public static KezekProcess Start(KezekFactory kezek, IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("kezek-process-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kezek.Server.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in kezek.AnotherInstanceEnvironment(dataFolder))
            start.Environment[key] = value;
        start.Environment["Kezek__Timers__SweepInterval"] = "1.00:00:00";
        start.Environment["Kezek__Notifications__DispatchInterval"] = "1.00:00:00";
        start.Environment["Kezek__Rules__RefreshInterval"] = "1.00:00:00";
        start.Environment["Kezek__Audit__AnchorInterval"] = "1.00:00:00";
        start.Environment["Kezek__RateLimits__Enabled"] = "false";
        start.Environment["Kezek__Bootstrap__AdministratorIins__0"] = TestPeople.AdministratorIin;
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        if (connectionString is not null)
            start.Environment["Kezek__Database__ConnectionString"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var server = new KezekProcess(process, dataFolder);
        process.OutputDataReceived += (_, e) => server.Received(e.Data);
        process.ErrorDataReceived += (_, e) => server.Received(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Received(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        if (Listening().Match(line) is { Success: true } match)
            _address.TrySetResult(new Uri(match.Groups[1].Value));
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The address once the server listens (after its migrations and start-up), within two minutes.</summary>
    public async Task<Uri> AddressAsync()
    {
        var deadline = Task.Delay(TimeSpan.FromMinutes(2));
        while (!_address.Task.IsCompleted)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("The server stopped before it listened:\n" + Output);
            if (deadline.IsCompleted)
                throw new TimeoutException("The server did not listen within 2 minutes:\n" + Output);
            await Task.WhenAny(_address.Task, Task.Delay(100));
        }

        return await _address.Task;
    }

    /// <summary>A client of this instance (long timeout: big operations are waited for).</summary>
    public async Task<GraphQLClient> ApiAsync(KezekFactory kezek) =>
        new(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = await AddressAsync(),
            Timeout = TimeSpan.FromMinutes(3),
        }, kezek);

    /// <summary>kill -9: the process ends at once, mid-request and mid-transaction, with no shutdown of any kind.</summary>
    public void KillHard()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleanup.
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
