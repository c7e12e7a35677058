using Kezek.Workflows.Places;
using Kezek.Workflows.Timers;

namespace Kezek.Server.Hosting;

/// <summary>
/// Every few seconds, fires the workflow timers that are due and offers queue seats still owed to a turn. Every
/// instance sweeps; the timers' own claims (and the region lock of the turns) make each happen once, so no instance
/// needs to be the leader.
/// </summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TimerSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(KezekConfiguration.TimersSweepInterval, TimeSpan.FromSeconds(10));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var swept = await scope.ServiceProvider.GetRequiredService<DueTimers>().SweepAsync(stoppingToken);
                if (swept.Total > 0)
                    logger.LogInformation("Timers: {Fired} fired, {Discarded} discarded, {Elsewhere} taken by another instance",
                        swept.Fired, swept.Discarded, swept.TakenElsewhere);
                // Directions about to expire: the family is reminded once.
                await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Notifications.DirectionReminders>().RemindAsync(stoppingToken);
                // Queue seats still unclaimed (nobody was eligible when they were published) go to whoever is eligible now.
                var notified = await scope.ServiceProvider.GetRequiredService<Turns>().OfferOwedAsync(stoppingToken);
                if (notified > 0)
                    logger.LogInformation("Turns: {Notified} applications notified for seats published earlier", notified);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost: a timer not fired stays pending for the next tick.
                logger.LogWarning(exception, "Timer sweep failed; trying again next tick");
            }
        }
    }
}
