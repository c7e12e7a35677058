using Kezek.Workflows.Notifications;
using Kezek.Workflows.Places;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Server.Hosting;

/// <summary>
/// Every few seconds: fires the workflow timers that are due, reminds families whose direction is about to expire,
/// and offers queue seats still owed to a turn. Every instance sweeps; the timers' claims (and the region lock of the
/// turns) make each happen once, so no instance needs to be the leader.
/// </summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TimerSweeper> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    /// <summary>Partitions swept side by side: the database waits, not the CPU, while one timer's transaction commits.</summary>
    public const int DefaultParallelism = 4;

    protected override (string Key, TimeSpan Default) Interval => (KezekConfiguration.TimersSweepInterval, TimeSpan.FromSeconds(10));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // SQLite has one writer: shares side by side would only wait for each other (and time out behind a long transition).
        var parallelism = services.GetRequiredService<IKezekDb>().Database.IsSqlite() ? 1
            : Math.Max(1, services.GetRequiredService<IConfiguration>().GetValue(KezekConfiguration.TimersSweepParallelism, DefaultParallelism));
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var shares = await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async index =>
        {
            using var scope = scopes.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DueTimers>()
                .SweepAsync(cancellationToken, partition: new SweepPartition(index, parallelism));
        }));
        var swept = new SweepResult(shares.Sum(s => s.Fired), shares.Sum(s => s.Discarded), shares.Sum(s => s.TakenElsewhere));
        Kezek.Core.Observability.KezekMetrics.TimersSwept(swept.Fired, swept.Discarded, swept.TakenElsewhere);
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
