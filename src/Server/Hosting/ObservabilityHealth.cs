using System.Text.Json;
using Kezek.Core.Documents;
using Kezek.Core.Notifications;
using Kezek.Core.Words;
using Kezek.Infrastructure.Documents;
using Kezek.Infrastructure.Persistence;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kezek.Server.Hosting;

/// <summary>
/// Health a load balancer understands: <c>/health/live</c> — the process answers; <c>/health/ready</c> — the database answers,
/// the templates and words, the rule sets and their lifecycles are loaded (200 when Healthy or Degraded, 503 when Unhealthy);
/// Chromium is reported but optional (without it documents are HTML: Degraded, still ready). Both answer JSON with each
/// check's status and a fixed description — never personal data, never an exception's message. <c>/health</c> stays as it was.
/// </summary>
public static class ObservabilityHealth
{
    private const string Ready = "ready";

    public static IServiceCollection AddKezekHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<TemplatesCheck>("templates", tags: [Ready])
            .AddCheck<RulesCheck>("rules", tags: [Ready])
            .AddCheck<ChromiumCheck>("chromium", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static WebApplication MapKezekHealth(this WebApplication app)
    {
        // As before: the process answers (no check runs).
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync });
        return app;
    }

    private static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, cancellationToken: http.RequestAborted);
    }

    private sealed class DatabaseCheck(KezekDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy("The database answers.")
                    : HealthCheckResult.Unhealthy("The database does not answer.");
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"The database does not answer ({exception.GetBaseException().GetType().Name}).");
            }
        }
    }

    private sealed class TemplatesCheck(IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                // Singletons parsed and checked at start: resolving them is free once they are loaded.
                services.GetRequiredService<INotificationRenderer>();
                services.GetRequiredService<IDocumentRenderer>();
                services.GetRequiredService<IWordCatalog>();
                return Task.FromResult(HealthCheckResult.Healthy("Templates and words are loaded."));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"Templates or words failed to load ({exception.GetType().Name})."));
            }
        }
    }

    private sealed class RulesCheck(RuleSetCatalog rules, WorkflowCatalog workflows) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var active = rules.All;
            if (active.Count == 0)
                return Task.FromResult(HealthCheckResult.Unhealthy("No rule set is loaded."));
            var missing = active.Select(r => r.RuleSet.Policy.Lifecycle).Distinct(StringComparer.Ordinal).Where(l => !workflows.Has(l)).ToList();
            return Task.FromResult(missing.Count == 0
                ? HealthCheckResult.Healthy($"{active.Count} rule sets and their lifecycles are loaded.")
                : HealthCheckResult.Unhealthy($"Lifecycles not loaded: {string.Join(", ", missing)}."));
        }
    }

    private sealed class ChromiumCheck(IPdfRenderer pdf) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(pdf is not ChromiumPdf chromium || chromium.IsAvailable
                ? HealthCheckResult.Healthy("Chromium makes the PDFs.")
                : new HealthCheckResult(context.Registration.FailureStatus, "Chromium is missing: documents are served as HTML (Kezek:Documents:ChromiumPath)."));
    }
}
