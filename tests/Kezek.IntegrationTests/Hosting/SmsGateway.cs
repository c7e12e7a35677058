using System.Net;
using System.Text.Json;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>An SMS gateway for the tests: a small HTTP listener on 127.0.0.1 that records what Kezek posts, or answers 500 when told to.</summary>
public sealed class SmsGateway : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(JsonElement Body, string? Authorization)> _received = [];
    private readonly Task _loop;

    public SmsGateway(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/sms/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public bool Failing { get; set; }

    /// <summary>How long the gateway takes to answer (longer than Kezek's timeout plays a hung gateway).</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<(JsonElement Body, string? Authorization)> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
                if (!Failing)
                {
                    lock (_received)
                        _received.Add((body, context.Request.Headers["Authorization"]));
                }
            }

            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay);
            try
            {
                context.Response.StatusCode = Failing ? 500 : 202;
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The caller gave up (a timeout) or the gateway is closing.
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a request in flight.
        }
    }
}
