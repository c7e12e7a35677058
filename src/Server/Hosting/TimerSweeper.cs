using Kezek.Workflows.Timers;

namespace Kezek.Server.Hosting;

/// <summary>
/// Every few seconds, fires the workflow timers that are due. Every instance sweeps; the timers' own claims make
/// each fire once (see <see cref="DueTimers"/>), so no instance needs to be the leader.
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
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Nothing is lost: a timer not fired stays pending for the next tick.
                logger.LogWarning(exception, "Timer sweep failed; trying again next tick");
            }
        }
    }
}
