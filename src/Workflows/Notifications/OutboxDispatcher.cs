using System.Globalization;
using System.Text.Json;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Notifications;

/// <summary>What one dispatch did.</summary>
public sealed record DispatchResult(int Sent, int Failed, int Dead);

/// <summary>
/// Sends the outbox: each row is claimed (<c>Pending → Sending</c>, with a lease) by a conditional update, so that
/// instances never send the same row at once; sent, it is marked <c>Sent</c>; failed, it waits with a growing pause
/// and is given up (<c>Dead</c>, with the error) after <see cref="MaxAttempts"/>. A dispatcher that dies between
/// sending and marking leaves its claim to expire: the row is sent again, at most once more, and counted in
/// <see cref="Notification.PossibleDuplicates"/>; the e-mail's Message-ID and the SMS idempotency key let receivers
/// drop such a resend. Channels without a configured sender wait, never lost.
/// </summary>
public sealed class OutboxDispatcher(IKezekDb db, INotificationRenderer renderer, IEmailSender email, ISmsSender sms, RuleSetCatalog rules,
    TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 8;
    public const int DefaultBatchSize = 200;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <param name="lease">How long a claim lasts before another dispatcher takes the row as lost (<see cref="Lease"/> by default);
    /// it must outlast one send, SMTP timeout included.</param>
    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken, int batchSize = DefaultBatchSize, TimeSpan? lease = null)
    {
        var claimLease = lease ?? Lease;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Status == NotificationStatus.Sending && n.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, n => n.Attempts >= MaxAttempts ? NotificationStatus.Dead : NotificationStatus.Pending)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.ClaimToken, (Guid?)null)
                .SetProperty(n => n.PossibleDuplicates, n => n.PossibleDuplicates + 1), cancellationToken);

        var channels = new List<Channel> { Channel.Cabinet };
        if (email.IsConfigured)
            channels.Add(Channel.Email);
        if (sms.IsConfigured)
            channels.Add(Channel.Sms);
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && channels.Contains(n.Channel) && (n.NextAttemptAt == null || n.NextAttemptAt <= now))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(batchSize).ToListAsync(cancellationToken);

        int sent = 0, failed = 0, dead = 0;
        foreach (var id in due)
        {
            // A claim of its own, with the clock read now: a slow batch never sends on an expired lease, and only this
            // claim may record the outcome.
            var claim = Guid.NewGuid();
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            // Still pending and due: a row another dispatcher just failed waits for its pause, not for this batch.
            var claimed = await db.Notifications.Where(n => n.Id == id && n.Status == NotificationStatus.Pending
                                                             && (n.NextAttemptAt == null || n.NextAttemptAt <= claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sending).SetProperty(n => n.ClaimedUntil, claimedAt + claimLease)
                    .SetProperty(n => n.ClaimToken, claim).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
            if (claimed == 0)
                continue; // another instance has it
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
            try
            {
                await SendAsync(notification, cancellationToken);
                await db.Notifications.Where(n => n.Id == id && n.ClaimToken == claim)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sent).SetProperty(n => n.SentAt, clock.GetUtcNow().UtcDateTime)
                        .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A timeout is a failure like any other (only a stopping host's cancellation is not). The error may name an
                // address: it is kept with the row, and the log says only which row and channel.
                logger.LogWarning("Notification {NotificationId} ({Channel}) not sent, attempt {Attempt}: {Error}", id, notification.Channel,
                    notification.Attempts, exception.GetType().Name);
                var giveUp = notification.Attempts >= MaxAttempts;
                var error = $"{exception.GetType().Name}: {exception.Message}";
                var retryAt = clock.GetUtcNow().UtcDateTime + Backoff(notification.Attempts);
                // A timeout leaves it unknown whether the server took the message: the retry may be a duplicate, so count it.
                var unknown = exception is OperationCanceledException or TimeoutException ? 1 : 0;
                await db.Notifications.Where(n => n.Id == id && n.ClaimToken == claim)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, giveUp ? NotificationStatus.Dead : NotificationStatus.Pending)
                        .SetProperty(n => n.PossibleDuplicates, n => n.PossibleDuplicates + unknown)
                        .SetProperty(n => n.NextAttemptAt, retryAt).SetProperty(n => n.ClaimedUntil, (DateTime?)null)
                        .SetProperty(n => n.LastError, error[..Math.Min(error.Length, 500)]), CancellationToken.None);
                if (giveUp)
                    dead++;
                else
                    failed++;
            }
        }

        return new DispatchResult(sent, failed, dead);
    }

    /// <summary>30 s, 1 min, 2 min … up to an hour between attempts.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (notification.Channel == Channel.Cabinet)
            return; // the row itself is the message in the family's cabinet
        var contact = await ContactAsync(notification.ApplicationId, cancellationToken);
        var rendered = renderer.Render(notification.Template, notification.Language, await ValuesAsync(notification, contact, cancellationToken));
        // The e-mail the person gave at sign-in wins over the one typed into the application.
        var preferred = await db.ContactPreferences.AsNoTracking().Where(p => p.Iin == notification.RecipientIin).Select(p => p.Email)
            .SingleOrDefaultAsync(cancellationToken);
        if (notification.Channel == Channel.Email)
            await email.SendAsync(new EmailMessage(notification.Id.ToString(CultureInfo.InvariantCulture), preferred ?? contact.Email, rendered.Subject,
                rendered.Html), cancellationToken);
        else if (notification.Channel == Channel.Sms)
            await sms.SendAsync(new SmsMessage($"kezek-{notification.Id}", contact.Phone, rendered.Sms), cancellationToken);
        else
            throw new InvalidOperationException($"Unknown channel {notification.Channel}.");
    }

    private sealed record Contact(string RegionCode, string ChildName, string Email, string Phone);

    private Task<Contact> ContactAsync(long applicationId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new Contact(a.RegionCode, a.Child.FullName, a.Applicant.Email, a.Applicant.Phone)).SingleAsync(cancellationToken);

    /// <summary>The template's values: what the transition recorded, with days shown as the family reads them (dd.MM.yyyy, region time).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ValuesAsync(Notification notification, CancellationToken cancellationToken) =>
        await ValuesAsync(notification, await ContactAsync(notification.ApplicationId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyDictionary<string, string?>> ValuesAsync(Notification notification, Contact application, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, string?>>(notification.Data) ?? [];
        var policy = rules.For(application.RegionCode).RuleSet.Policy;
        string? LastDay(string key) => data.GetValueOrDefault(key) is { Length: > 0 } instant
            ? policy.LastDayOf(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).UtcDateTime).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : "";
        var kindergarten = data.GetValueOrDefault("kindergartenId") is { Length: > 0 } id && Guid.TryParse(id, out var kindergartenId)
            ? await db.Kindergartens.AsNoTracking().SingleOrDefaultAsync(k => k.Id == kindergartenId, cancellationToken)
            : null;
        return new Dictionary<string, string?>
        {
            ["applicationNumber"] = data.GetValueOrDefault("applicationNumber"),
            ["childName"] = application.ChildName,
            ["status"] = data.GetValueOrDefault("status"),
            ["deadlineDay"] = LastDay("deadline"),
            ["directionExpiresDay"] = LastDay("directionExpiresAt"),
            ["stopListedUntilDay"] = LastDay("stopListedUntil"),
            ["kindergartenName"] = kindergarten?.Name(notification.Language) ?? "",
            ["kindergartenAddress"] = kindergarten?.Address(notification.Language) ?? "",
            ["reason"] = data.GetValueOrDefault("reason") ?? "",
            // A benefit's messages: its category (OutOfTurn, Priority) and the last day it counts.
            ["benefitCategory"] = data.GetValueOrDefault("benefitCategory") ?? "",
            ["benefitValidUntilDay"] = LastDay("benefitEndsAt"),
            // A release window's messages: its close (HH:mm, region time) and, to a family not placed, why, in its language.
            ["windowClosesAt"] = data.GetValueOrDefault("windowClosesAt") ?? "",
            ["allocationReason"] = data.GetValueOrDefault("allocationReason." + notification.Language.Code) ?? data.GetValueOrDefault("allocationReason.ru") ?? "",
        };
    }
}
