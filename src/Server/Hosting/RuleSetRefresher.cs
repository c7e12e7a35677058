using Kezek.Workflows.RuleSets;

namespace Kezek.Server.Hosting;

/// <summary>Every few seconds, puts in force here the rule-set and workflow versions that another instance activated.</summary>
public sealed class RuleSetRefresher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RuleSetRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(KezekConfiguration.RulesRefreshInterval, TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RuleSetVersions>().RefreshAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Lifecycle.WorkflowVersions>().RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The rule sets in force stay in force; the next tick tries again.
                logger.LogWarning(exception, "Could not look for new rule-set versions");
            }
        }
    }
}
