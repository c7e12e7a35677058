namespace Kezek.Core.Lifecycle;

/// <summary>
/// An outbox row: a message to the family about an event of the lifecycle, written in the same transaction
/// as the change that caused it. A dispatcher delivers it by its channel.
/// </summary>
public sealed class Notification
{
    public Notification(long applicationId, string recipientIin, string template, string channel, string data, DateTime createdAt)
    {
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

    /// <summary>"email", "sms" or "cabinet".</summary>
    public string Channel { get; private set; }

    /// <summary>The template's values as JSON (application number, deadline in local time, kindergarten…).</summary>
    public string Data { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }
}
