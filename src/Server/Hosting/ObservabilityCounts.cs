using Kezek.Core.Lifecycle;
using Kezek.Core.Observability;
using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kezek.Server.Hosting;

/// <summary>
/// The gauges' counts — timers due and lagging, the outbox waiting and given up, free seats per region — read from the database
/// every <c>Kezek:Telemetry:CountsInterval</c> (15 s) into <see cref="KezekMetrics.Counts"/>: a scrape reads what is there and
/// never queries. Five small aggregate queries on indexed columns per interval, per instance.
/// </summary>
public sealed class ObservedCounts(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ObservedCounts> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    /// <summary><c>Kezek:Telemetry:CountsInterval</c> (<see cref="TelemetryOptions.CountsInterval"/>); the gauges read zero until the first count.</summary>
    protected override (string Key, TimeSpan Default) Interval => ($"{TelemetryOptions.Section}:CountsInterval", new TelemetryOptions().CountsInterval);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) => CountAsync(services, cancellationToken);

    /// <summary>Counts once and publishes the counts to the gauges.</summary>
    public static async Task<KezekCounts> CountAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<KezekDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var lagging = now - services.GetRequiredService<IOptions<TelemetryOptions>>().Value.TimerLagThreshold;
        var pendingTimers = db.WorkflowTimers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending);
        var counts = new KezekCounts(
            TimersDue: await pendingTimers.LongCountAsync(t => t.DueAt <= now, cancellationToken),
            TimersLagging: await pendingTimers.LongCountAsync(t => t.DueAt <= lagging, cancellationToken),
            OutboxPending: await db.Notifications.AsNoTracking()
                .LongCountAsync(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending, cancellationToken),
            OutboxDeadLetters: await db.Notifications.AsNoTracking().LongCountAsync(n => n.Status == NotificationStatus.Dead, cancellationToken),
            FreeSeats: (await db.Places.AsNoTracking().Where(p => p.TakenByApplicationId == null)
                    .GroupBy(p => p.RegionCode).Select(g => new { Region = g.Key, Count = g.LongCount() })
                    .ToListAsync(cancellationToken))
                .ToDictionary(r => r.Region, r => r.Count, StringComparer.Ordinal),
            CountedAt: services.GetRequiredService<TimeProvider>().GetUtcNow());
        KezekMetrics.Counts = counts;
        return counts;
    }
}
