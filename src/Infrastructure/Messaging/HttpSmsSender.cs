using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kezek.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Kezek.Infrastructure.Messaging;

/// <summary><c>Kezek:Sms</c>: the HTTP gateway that carries SMS.</summary>
public sealed class SmsOptions
{
    public const string Section = "Kezek:Sms";

    /// <summary>Empty: SMS are not sent (the rows wait in the outbox).</summary>
    public string Url { get; set; } = "";

    public string? Token { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// SMS through an HTTP gateway: <c>POST {Url}</c> with <c>{"to", "text", "idempotencyKey"}</c> as JSON and the token as a
/// bearer; any 2xx is accepted, anything else is a failure to retry. A region plugs its operator's gateway in here.
/// </summary>
public sealed class HttpSmsSender(IOptions<SmsOptions> options, IHttpClientFactory clients) : ISmsSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Url);

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = clients.CreateClient(nameof(HttpSmsSender));
        client.Timeout = settings.Timeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new { to = message.To, text = message.Text, idempotencyKey = message.IdempotencyKey }),
        };
        if (!string.IsNullOrEmpty(settings.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
