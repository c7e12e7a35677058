using Kezek.Workflows.Notifications;
using Kezek.Workflows.Places;
using Kezek.Workflows.Timers;

namespace Kezek.Server.Hosting;

/// <summary>
/// Every few seconds: fires the workflow timers that are due, reminds families whose direction is about to expire,
/// and offers queue seats still owed to a turn. Every instance sweeps; the timers' claims (and the region lock of the
/// turns) make each happen once, so no instance needs to be the leader.
/// </summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TimerSweeper> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    protected override (string Key, TimeSpan Default) Interval => (KezekConfiguration.TimersSweepInterval, TimeSpan.FromSeconds(10));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var swept = await services.GetRequiredService<DueTimers>().SweepAsync(cancellationToken);
        if (swept.Total > 0)
            logger.LogInformation("Timers: {Fired} fired, {Discarded} discarded, {Elsewhere} taken by another instance",
                swept.Fired, swept.Discarded, swept.TakenElsewhere);
        await services.GetRequiredService<DirectionReminders>().RemindAsync(cancellationToken);
        // Queue seats still unclaimed (nobody was eligible when they were published) go to whoever is eligible now.
        var notified = await services.GetRequiredService<Turns>().OfferOwedAsync(cancellationToken);
        if (notified > 0)
            logger.LogInformation("Turns: {Notified} applications notified for seats published earlier", notified);
    }
}
