using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.RuleSets;

namespace Kezek.Server.Hosting;

/// <summary>Every few seconds, puts in force here the rule-set and workflow versions that another instance activated (those in force stay until then).</summary>
public sealed class RuleSetRefresher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RuleSetRefresher> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    protected override (string Key, TimeSpan Default) Interval => (KezekConfiguration.RulesRefreshInterval, TimeSpan.FromSeconds(5));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<RuleSetVersions>().RefreshAsync(cancellationToken);
        await services.GetRequiredService<WorkflowVersions>().RefreshAsync(cancellationToken);
    }
}
