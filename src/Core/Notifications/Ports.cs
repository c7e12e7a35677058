using Kezek.Core.Words;

namespace Kezek.Core.Notifications;

/// <summary>A notification rendered for its channel: the e-mail subject and HTML body, or the SMS text.</summary>
public sealed record RenderedNotification(string Subject, string Html, string Sms);

/// <summary>Renders a notification's template (<c>templates/notifications/&lt;event&gt;.&lt;lang&gt;</c>) with its values.</summary>
public interface INotificationRenderer
{
    RenderedNotification Render(string template, Language language, IReadOnlyDictionary<string, string?> values);

    /// <summary>Whether the event has its templates in Russian and Kazakh (checked when a workflow is loaded).</summary>
    bool Has(string template);

    /// <summary>Every event with its templates in Russian and Kazakh: what a workflow's <c>notify</c> may name.</summary>
    IReadOnlyList<string> Events { get; }
}

/// <summary>One e-mail; <see cref="Id"/> is unique per notification, so that a receiver can tell a resend from a new message.</summary>
public sealed record EmailMessage(string Id, string To, string Subject, string Html);

/// <summary>One SMS; <see cref="IdempotencyKey"/> lets the gateway drop a resend.</summary>
public sealed record SmsMessage(string IdempotencyKey, string To, string Text);

/// <summary>Sends e-mail (an SMTP server, by configuration). Throws when the message was not accepted.</summary>
public interface IEmailSender
{
    bool IsConfigured { get; }

    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends SMS (an HTTP gateway, by configuration). Throws when the message was not accepted.</summary>
public interface ISmsSender
{
    bool IsConfigured { get; }

    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
