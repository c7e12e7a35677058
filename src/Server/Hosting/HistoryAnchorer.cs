using Kezek.Workflows.Audit;

namespace Kezek.Server.Hosting;

/// <summary>Every hour: each region's day that has ended gets its history anchor (once, whichever instance comes first).</summary>
public sealed class HistoryAnchorer(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<HistoryAnchorer> logger)
    : PeriodicWork(scopes, configuration, logger)
{
    public const string IntervalKey = "Kezek:Audit:AnchorInterval";

    protected override (string Key, TimeSpan Default) Interval => (IntervalKey, TimeSpan.FromHours(1));

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<HistoryAnchors>().AnchorEndedDaysAsync(cancellationToken);
}
