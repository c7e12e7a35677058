using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kezek.Benchmarks.Rush;

/// <summary>A real Kezek server process (the built Kezek.Server.dll) on PostgreSQL, listening on a free loopback port.</summary>
public sealed partial class KezekProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KezekProcess(Process process) => _process = process;

    public static KezekProcess Start(string folder, string connectionString, string administratorIin)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kezek.Server.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Kezek__DataPath"] = Path.Combine(folder, "data");
        start.Environment["Kezek__Database__Provider"] = "PostgreSql";
        start.Environment["Kezek__Database__ConnectionString"] = connectionString;
        start.Environment["Kezek__Signatures__TrustedRootsPath"] = Path.Combine(folder, "trusted");
        start.Environment["Kezek__Bootstrap__AdministratorIins__0"] = administratorIin;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        var process = new Process { StartInfo = start };
        var kezek = new KezekProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } match)
                kezek._address.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine("kezek: " + e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return kezek;
    }

    public async Task<Uri> WaitForAddressAsync(TimeSpan timeout) => await _address.Task.WaitAsync(timeout);

    private bool _disposed;

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
