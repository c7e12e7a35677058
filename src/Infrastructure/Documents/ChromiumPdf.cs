using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kezek.Core.Documents;
using Microsoft.Extensions.Logging;

namespace Kezek.Infrastructure.Documents;

/// <summary>
/// PDF from HTML with one warm headless Chromium (Debian's <c>chromium</c>), driven over the DevTools protocol: a
/// page per document, printed with its own print CSS (A4), then closed. One document at a time; a browser that
/// stops answering is started again for the next one.
/// </summary>
public sealed partial class ChromiumPdf(string executable, ILogger<ChromiumPdf> logger) : IPdfRenderer, IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private const string Nice = "/usr/bin/nice";

    private Process? _browser;
    private ClientWebSocket? _socket;
    private string? _profile;
    private int _nextId;

    public bool IsAvailable => File.Exists(executable);

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            var token = timeout.Token;
            await EnsureStartedAsync(token);
            var targetId = (await CallAsync("Target.createTarget", new { url = "about:blank" }, null, token)).GetProperty("targetId").GetString()!;
            try
            {
                var session = (await CallAsync("Target.attachToTarget", new { targetId, flatten = true }, null, token)).GetProperty("sessionId").GetString();
                var frameId = (await CallAsync("Page.getFrameTree", new { }, session, token)).GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString();
                await CallAsync("Page.setDocumentContent", new { frameId, html }, session, token);
                var pdf = await CallAsync("Page.printToPDF", new { printBackground = true, preferCSSPageSize = true }, session, token);
                return Convert.FromBase64String(pdf.GetProperty("data").GetString()!);
            }
            finally
            {
                await CallAsync("Target.closeTarget", new { targetId }, null, token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or InvalidOperationException or IOException
                                          && !cancellationToken.IsCancellationRequested)
        {
            Stop(); // the next document starts a fresh browser
            throw new InvalidOperationException("Chromium did not print the document.", exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_socket is { State: WebSocketState.Open } && _browser is { HasExited: false })
            return;
        Stop();
        _profile = Directory.CreateTempSubdirectory("kezek-chromium-").FullName;
        string[] arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={_profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"];
        // PDFs are background work: at nice 10 (inherited by Chromium's own processes) they yield the CPU to requests.
        var start = new ProcessStartInfo(File.Exists(Nice) ? Nice : executable, File.Exists(Nice) ? ["-n", "10", executable, .. arguments] : arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _browser = new Process { StartInfo = start };
        _browser.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } match)
                address.TrySetResult(new Uri(match.Groups[1].Value));
        };
        _browser.OutputDataReceived += (_, _) => { };
        _browser.Start();
        _browser.BeginErrorReadLine();
        _browser.BeginOutputReadLine();
        var endpoint = await address.Task.WaitAsync(cancellationToken);
        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(endpoint, cancellationToken);
        logger.LogInformation("Chromium started for documents");
    }

    private async Task<JsonElement> CallAsync(string method, object parameters, string? session, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = JsonSerializer.SerializeToUtf8Bytes(session is null
            ? new { id, method, @params = parameters }
            : (object)new { id, method, @params = parameters, sessionId = session });
        await _socket!.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    throw new InvalidOperationException("Chromium closed the connection.");
                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            using var answer = JsonDocument.Parse(received.ToArray());
            if (!answer.RootElement.TryGetProperty("id", out var answered) || answered.GetInt32() != id)
                continue; // an event
            if (answer.RootElement.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"{method}: {Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(error))}");
            return answer.RootElement.GetProperty("result").Clone();
        }
    }

    private void Stop()
    {
        _socket?.Dispose();
        _socket = null;
        if (_browser is { HasExited: false })
        {
            _browser.Kill(entireProcessTree: true);
            _browser.WaitForExit();
        }

        _browser?.Dispose();
        _browser = null;
        if (_profile is not null && Directory.Exists(_profile))
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A file the browser still held: the system's temp cleanup takes it.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Listening();
}
