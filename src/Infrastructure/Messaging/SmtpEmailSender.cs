using Kezek.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kezek.Infrastructure.Messaging;

/// <summary><c>Kezek:Email</c>: the SMTP server that carries Kezek's e-mail.</summary>
public sealed class EmailOptions
{
    public const string Section = "Kezek:Email";

    /// <summary>Empty: e-mail is not sent (the rows wait in the outbox).</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Kezek <noreply@kezek.kz>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>E-mail over SMTP with MailKit; the notification's id is the Message-ID, so a resend is recognisable.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("html") { Text = message.Html },
            MessageId = $"{message.Id}@kezek",
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or OperationCanceledException)
        {
            // The server accepted the message: a failed goodbye must not make it look unsent (and be sent again).
        }
    }
}
