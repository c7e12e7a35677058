using Kezek.Core.Notifications;
using Kezek.Core.Words;

namespace Kezek.Core.Lifecycle;

public enum NotificationStatus
{
    /// <summary>Waiting to be sent (again, after <see cref="Notification.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="Notification.ClaimedUntil"/>.</summary>
    Sending,

    Sent,

    /// <summary>Given up after the last attempt; kept with the error for an operator.</summary>
    Dead,

    /// <summary>An operator decided not to send it (audited); kept, never sent.</summary>
    Discarded,
}

/// <summary>
/// An outbox row: a message to the family about an event of the lifecycle, written in the same transaction
/// as the change that caused it. A dispatcher delivers it by its channel.
/// </summary>
public sealed class Notification
{
    public Notification(long applicationId, string recipientIin, string template, Channel channel, string data, DateTime createdAt, Language language)
    {
        Language = language;
        ApplicationId = applicationId;
        RecipientIin = recipientIin;
        Template = template;
        Channel = channel;
        Data = data;
        CreatedAt = createdAt;
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private Notification()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public string RecipientIin { get; private set; }

    /// <summary>The event, as the name of its template (e.g. "turn-came").</summary>
    public string Template { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>The template's values as JSON (application number, deadline in local time, kindergarten…).</summary>
    public string Data { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public NotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>While <see cref="NotificationStatus.Sending"/>: after this the claim is taken as lost (the dispatcher died) and the row is sent again.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>Identifies the dispatcher's claim: its outcome is recorded only by the claim that sent it.</summary>
    public Guid? ClaimToken { get; private set; }

    /// <summary>Sends that may have reached the recipient twice: a claim expired after an attempt whose outcome was never recorded.</summary>
    public int PossibleDuplicates { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>In-cabinet notifications: when the recipient marked it read.</summary>
    public DateTime? ReadAt { get; private set; }

    /// <summary>The language of the message: the recipient's choice when the notification was written.</summary>
    public Language Language { get; private set; } = Language.Ru;
}
