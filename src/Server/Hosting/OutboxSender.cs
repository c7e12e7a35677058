using Kezek.Workflows.Notifications;

namespace Kezek.Server.Hosting;

/// <summary>Every few seconds, sends what the outbox holds (e-mail, SMS; in-cabinet rows are marked delivered) and makes the PDFs of new documents. Every instance works; claims keep them apart.</summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(KezekConfiguration.NotificationsDispatchInterval, TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(stoppingToken);
                if (sent.Sent + sent.Failed + sent.Dead > 0)
                    logger.LogInformation("Outbox: {Sent} sent, {Failed} to retry, {Dead} given up", sent.Sent, sent.Failed, sent.Dead);
                // Documents issued since the last tick get their PDF (outside the issuing transaction).
                await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Documents.DocumentPdfs>().MakePendingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox dispatch failed; trying again next tick");
            }
        }
    }
}
