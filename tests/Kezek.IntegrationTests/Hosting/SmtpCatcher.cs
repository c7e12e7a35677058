using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd (installed by ./test.sh) on 127.0.0.1, storing what it
/// receives in a Maildir. Stopped and started again to play an outage.
/// </summary>
public sealed class SmtpCatcher(int port) : IDisposable
{
    private readonly string _maildir = Directory.CreateTempSubdirectory("kezek-mail-").FullName;
    private Process? _process;

    public async Task StartAsync()
    {
        foreach (var folder in new[] { "new", "cur", "tmp" })
            Directory.CreateDirectory(Path.Combine(_maildir, folder));
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var errors = new System.Text.StringBuilder();
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        _process.Start();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"aiosmtpd stopped (./test.sh installs python3-aiosmtpd): {errors}");
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not listen within 10 s.");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() => Directory.Exists(Path.Combine(_maildir, "new"))
        ? [.. Directory.EnumerateFiles(Path.Combine(_maildir, "new")).Select(file => MimeMessage.Load(file))]
        : [];

    public void Dispose()
    {
        Stop();
        Directory.Delete(_maildir, recursive: true);
    }
}
