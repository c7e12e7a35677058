using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kezek.Identity.Sessions;

/// <summary>
/// Deletes nonces as soon as they expired and sessions a day after, every <see cref="Interval"/>, so that anonymous
/// nonce requests cannot grow the database without end (they are rate-limited too). Idempotent deletes: every instance
/// may run it.
/// </summary>
public sealed class ExpiredCredentials(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredCredentials> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    /// <summary>A session is kept a day after it ended (who was signed in when); an expired nonce is of no use to anyone.</summary>
    public static readonly TimeSpan SessionsKeptAfterExpiry = TimeSpan.FromDays(1);

    public async Task<int> DeleteAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IKezekDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var nonces = await db.Nonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var sessionsBefore = now - SessionsKeptAfterExpiry;
        var sessions = await db.Sessions.Where(s => s.ExpiresAt < sessionsBefore).ExecuteDeleteAsync(cancellationToken);
        return nonces + sessions;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await DeleteAsync(stoppingToken);
                if (deleted > 0)
                    logger.LogInformation("Deleted {Count} expired nonces and sessions", deleted);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The next tick tries again; a database outage must not stop the host.
                logger.LogWarning(exception, "Could not delete expired nonces and sessions");
            }
        }
    }
}
