using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// The outbox delivered for real: e-mail to a real SMTP server (aiosmtpd), SMS to an HTTP gateway, the cabinet over
/// GraphQL; an SMTP outage followed by recovery delivers everything once; a gateway that keeps failing ends in Dead.
/// </summary>
public abstract class NotificationTests(KezekFactory kezek) : KezekTest(kezek)
{
    private async Task<DispatchResult> DispatchAsync()
    {
        using var scope = Kezek.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_turn_arrives_by_e_mail_SMS_and_in_the_cabinet_with_the_deadline_in_local_time()
    {
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        await smtp.StartAsync();
        using var gateway = new SmsGateway(Kezek.SmsPort);
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        Assert.Equal(new DispatchResult(3, 0, 0), await DispatchAsync()); // "registered", by each channel
        await queue.PublishAsync(1);

        Assert.Equal(new DispatchResult(3, 0, 0), await DispatchAsync());

        Assert.Equal(["Заявление зарегистрировано", "Подошла очередь в детский сад"], smtp.Messages().Select(m => m.Subject).Order());
        var mail = smtp.Messages().Single(m => m.Subject == "Подошла очередь в детский сад");
        Assert.Equal("aigerim@example.kz", mail.To.Mailboxes.Single().Address);
        Assert.Contains("<b>04.09.2026</b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(queue.Numbers[0], mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Queues.ChildName(0), mail.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("@kezek", mail.MessageId, StringComparison.Ordinal);

        var sms = gateway.Received.Single(r => r.Body.GetProperty("text").GetString()!.Contains("подошла очередь", StringComparison.Ordinal));
        Assert.Equal("+77011234567", sms.Body.GetProperty("to").GetString());
        Assert.Contains("до 04.09.2026 включительно", sms.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("kezek-", sms.Body.GetProperty("idempotencyKey").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer test-gateway-token", sms.Authorization);

        var cabinet = (await queue.Api.PostAsync("{ notifications { id event applicationNumber subject text readAt } }", token: queue.Mother)).Ok()
            .GetProperty("notifications");
        Assert.Equal(["turn-came", "registered"], cabinet.EnumerateArray().Select(m => m.GetProperty("event").GetString()));
        var message = cabinet[0];
        Assert.Equal(queue.Numbers[0], message.GetProperty("applicationNumber").GetString());
        var read = await queue.Api.PostAsync("mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }",
            new { ids = new[] { message.GetProperty("id").GetString() } }, queue.Mother);
        Assert.Equal(1, read.Ok().GetProperty("markNotificationsRead").GetInt32());
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.Empty((await queue.Api.PostAsync("{ notifications { id } }", token: stranger)).Ok().GetProperty("notifications").EnumerateArray());
        Assert.Equal(new DispatchResult(0, 0, 0), await DispatchAsync());
    }

    [Fact]
    public async Task A_parent_who_chose_Kazakh_gets_the_turn_in_Kazakh_and_gives_the_e_mail_asked_at_the_first_sign_in()
    {
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        await smtp.StartAsync();
        using var gateway = new SmsGateway(Kezek.SmsPort);
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        // Registering gave her e-mail (the application's) until she says otherwise.
        const string me = "{ me { needsEmail email messageLanguage } }";
        var before = (await queue.Api.PostAsync(me, token: queue.Mother)).Ok().GetProperty("me");
        Assert.False(before.GetProperty("needsEmail").GetBoolean());
        Assert.Equal("aigerim@example.kz", before.GetProperty("email").GetString());
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        Assert.True((await queue.Api.PostAsync(me, token: stranger)).Ok().GetProperty("me").GetProperty("needsEmail").GetBoolean());
        Assert.Equal("INVALID_EMAIL", (await queue.Api.PostAsync("mutation { updateContactPreferences(email: \"nope\", language: KK) { iin } }",
            token: queue.Mother)).ErrorCode);
        var updated = (await queue.Api.PostAsync("mutation { updateContactPreferences(email: \"aigerim@mail.kz\", language: KK) { needsEmail email messageLanguage } }",
            token: queue.Mother)).Ok().GetProperty("updateContactPreferences");
        Assert.False(updated.GetProperty("needsEmail").GetBoolean());
        Assert.Equal("KK", updated.GetProperty("messageLanguage").GetString());

        await queue.PublishAsync(1);
        Assert.Equal(new DispatchResult(6, 0, 0), await DispatchAsync()); // "registered" (written in Russian before she chose) and the turn
        var mail = smtp.Messages().Single(m => m.Subject == "Балабақшаға кезек келді");
        Assert.Equal("aigerim@mail.kz", mail.To.Mailboxes.Single().Address); // the address she gave wins over the application's
        Assert.Contains("04.09.2026", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(gateway.Received, r => r.Body.GetProperty("text").GetString()!.Contains("қоса алғанда", StringComparison.Ordinal));
        var cabinet = (await queue.Api.PostAsync("{ notifications { subject } }", token: queue.Mother)).Ok().GetProperty("notifications");
        Assert.Equal("Балабақшаға кезек келді", cabinet[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task An_SMTP_outage_delays_the_e_mail_and_recovery_delivers_each_exactly_once()
    {
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        using var gateway = new SmsGateway(Kezek.SmsPort);
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        await queue.PublishAsync(2);

        // The mail server is down: the e-mails ("registered" and the turn, for two children) wait; the SMS and the cabinet do not.
        Assert.Equal(new DispatchResult(8, 4, 0), await DispatchAsync());
        var waiting = await Kezek.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Channel == Channel.Email).ToListAsync());
        Assert.All(waiting, n => Assert.Equal(NotificationStatus.Pending, n.Status));
        Assert.All(waiting, n => Assert.NotNull(n.LastError));

        // It comes back; the retry waits for its pause, then delivers each once.
        await smtp.StartAsync();
        Assert.Equal(new DispatchResult(0, 0, 0), await DispatchAsync());
        Kezek.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchResult(4, 0, 0), await DispatchAsync());
        Assert.Equal(new DispatchResult(0, 0, 0), await DispatchAsync());
        var mails = smtp.Messages();
        Assert.Equal(4, mails.Count);
        Assert.Equal(4, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(4, gateway.Received.Count);
    }

    [Fact]
    public async Task Dispatchers_running_at_once_send_each_message_once_and_a_hung_gateway_is_a_failure_to_retry()
    {
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        await smtp.StartAsync();
        using var gateway = new SmsGateway(Kezek.SmsPort) { Delay = TimeSpan.FromSeconds(3) };
        var queue = await new Queues(Kezek).WithChildrenAsync(3, oneMinuteApart: false);
        await queue.PublishAsync(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(DispatchAsync)));
        // 6 messages by each channel (registered and the turn for three children): e-mail and cabinet sent, SMS timed out.
        Assert.Equal(12, results.Sum(r => r.Sent));
        Assert.Equal(6, results.Sum(r => r.Failed));
        // Every e-mail arrived; a resend could only follow a send whose outcome was unknown, and would be recorded.
        var mails = smtp.Messages();
        Assert.Equal(6, mails.Select(m => m.MessageId).Distinct().Count());
        var recorded = await Kezek.WithDbAsync(db => db.Notifications.Where(n => n.Channel == Channel.Email).SumAsync(n => n.PossibleDuplicates));
        Assert.InRange(mails.Count - 6, 0, recorded);
        var sms = await Kezek.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Channel == Channel.Sms).ToListAsync());
        Assert.All(sms, n => Assert.Equal(NotificationStatus.Pending, n.Status));
        Assert.All(sms, n => Assert.StartsWith("TaskCanceledException", n.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_family_is_reminded_once_a_day_before_the_direction_expires()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        async Task<int> RemindAsync()
        {
            using var scope = Kezek.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DirectionReminders>().RemindAsync(CancellationToken.None);
        }

        // It expires at the end of Tuesday 8 September; the reminder comes 24 hours before.
        Kezek.Clock.Set(new DateTimeOffset(2026, 9, 7, 23, 0, 0, TimeSpan.FromHours(5)));
        Assert.Equal(0, await RemindAsync());
        Kezek.Clock.Set(new DateTimeOffset(2026, 9, 8, 0, 30, 0, TimeSpan.FromHours(5)));
        var reminded = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RemindAsync)));
        Assert.Equal(1, reminded.Sum());
        Assert.Equal(0, await RemindAsync());
        var rows = await Kezek.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "direction-expiring").ToListAsync());
        Assert.Equal(["cabinet", "email", "sms"], rows.Select(n => n.Channel.Code).Order());
        Assert.Contains("\"directionExpiresAt\":\"2026-09-09T00:00:00+05:00\"", rows[0].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_keeps_failing_ends_in_dead_letters_with_the_error_and_loses_nothing_else()
    {
        using var smtp = new SmtpCatcher(Kezek.SmtpPort);
        await smtp.StartAsync();
        using var gateway = new SmsGateway(Kezek.SmsPort) { Failing = true };
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);

        for (var attempt = 0; attempt < OutboxDispatcher.MaxAttempts; attempt++)
        {
            await DispatchAsync();
            Kezek.Clock.Advance(TimeSpan.FromHours(2));
        }

        var sms = await Kezek.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Channel == Channel.Sms).ToListAsync());
        Assert.Equal(2, sms.Count);
        Assert.All(sms, n => Assert.Equal(NotificationStatus.Dead, n.Status));
        Assert.All(sms, n => Assert.Equal(OutboxDispatcher.MaxAttempts, n.Attempts));
        Assert.All(sms, n => Assert.Contains("500", n.LastError, StringComparison.Ordinal));
        Assert.Equal(2, smtp.Messages().Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationsOnSqlite(SqliteKezek kezek) : NotificationTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class NotificationsOnPostgres(PostgresKezek kezek) : NotificationTests(kezek);
