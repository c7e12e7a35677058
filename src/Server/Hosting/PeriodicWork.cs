namespace Kezek.Server.Hosting;

/// <summary>
/// Work every instance does every few seconds, in a fresh scope: a failed tick is logged and the next one tries
/// again (what it did not finish stays for it); only the host's stopping ends the loop.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, IConfiguration configuration, ILogger logger) : BackgroundService
{
    /// <summary>The configuration key of the interval, and its default.</summary>
    protected abstract (string Key, TimeSpan Default) Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(Interval.Key, Interval.Default));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "{Work} failed; trying again next tick", GetType().Name);
            }
        }
    }
}
