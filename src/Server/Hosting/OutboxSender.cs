using Kezek.Workflows.Notifications;

namespace Kezek.Server.Hosting;

/// <summary>
/// Every few seconds, sends what the outbox holds (e-mail, SMS; in-cabinet rows are marked delivered). Every instance
/// works; claims keep them apart. (Documents are the <see cref="DocumentWorker"/>'s.)
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OutboxSender> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    protected override (string Key, TimeSpan Default) Interval => (KezekConfiguration.NotificationsDispatchInterval, TimeSpan.FromSeconds(5));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken,
            lease: services.GetRequiredService<IConfiguration>().GetValue(KezekConfiguration.NotificationsClaimLease, OutboxDispatcher.Lease));
        Kezek.Core.Observability.KezekMetrics.OutboxDispatched(sent.Sent, sent.Failed, sent.Dead);
        if (sent.Sent + sent.Failed + sent.Dead > 0)
            logger.LogInformation("Outbox: {Sent} delivered (cabinet included), {Failed} to retry, {Dead} given up", sent.Sent, sent.Failed, sent.Dead);
    }
}
