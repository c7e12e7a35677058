using System.Net;
using Kezek.Core.Observability;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kezek.Server.Hosting;

/// <summary>Configuration <c>Kezek:Telemetry</c>: where traces, metrics and logs go, and who may scrape <c>/metrics</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Kezek:Telemetry";

    /// <summary>The OTLP collector (traces, metrics, logs); none by default. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too.</summary>
    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>Networks (CIDR, or single addresses) besides loopback that may read <c>/metrics</c>; everyone else gets 404.</summary>
    public string[] MetricsNetworks { get; set; } = [];

    /// <summary>How often the gauges' counts (timers due, outbox, free seats) are read from the database.</summary>
    public TimeSpan CountsInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A pending timer due for longer than this is counted as lagging.</summary>
    public TimeSpan TimerLagThreshold { get; set; } = TimeSpan.FromMinutes(1);

    public sealed class OtlpSettings
    {
        /// <summary>e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c> (HTTP).</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
        public string Protocol { get; set; } = "grpc";
    }
}

/// <summary>
/// OpenTelemetry for Kezek: metrics always (Kezek's own <c>kezek.*</c>, ASP.NET Core's and HttpClient's), served to Prometheus
/// at <c>/metrics</c> for loopback and <c>Kezek:Telemetry:MetricsNetworks</c> only; traces (ASP.NET Core, EF Core, HttpClient)
/// and logs by OTLP when an endpoint is configured; JSON console logs with the request's scope on every line as an option.
/// No span, metric or log carries an IIN or a name: URLs' query strings are dropped, SQL parameters are never recorded.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    /// <summary><c>Kezek:Logging:Json</c>: console logs as JSON lines (also <c>Logging:Console:FormatterName=json</c>).</summary>
    public const string JsonLogs = "Kezek:Logging:Json";

    private const string OtelEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddKezekObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddHostedService<ObservedCounts>();

        // JSON lines when asked; read when the console logger is made, so every configuration source has been applied.
        services.AddOptions<ConsoleLoggerOptions>().Configure<IConfiguration>((console, configuration) =>
        {
            if (configuration.GetValue<bool>(JsonLogs))
                console.FormatterName = ConsoleFormatterNames.Json;
        });
        // The request's scope (RequestId, TraceId, SpanId, RequestPath — never a query string) on every JSON line.
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat ??= "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kezek"))
            .WithMetrics(metrics => Metrics(metrics).AddPrometheusExporter());
        // The collector is known at start (environment, appsettings): without one, no span is made at all.
        if (Otlp(builder.Configuration) is { } otlp)
        {
            telemetry.WithTracing(tracing => Tracing(tracing)).WithLogging(configureBuilder: null, configureOptions: LogOptions);
            if (otlp.Endpoint is null)
                telemetry.UseOtlpExporter(); // OTEL_EXPORTER_OTLP_* as the SDK reads them
            else
                telemetry.UseOtlpExporter(otlp.Protocol, otlp.Endpoint);
        }

        return builder;
    }

    /// <summary>The meters Kezek reports (also what the tests' in-memory exporter reads).</summary>
    public static MeterProviderBuilder Metrics(MeterProviderBuilder metrics) => metrics
        .AddMeter(KezekMetrics.MeterName)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();

    /// <summary>The spans Kezek makes, stripped of what could carry personal data (also what the tests' in-memory exporter reads).</summary>
    public static TracerProviderBuilder Tracing(TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(aspNetCore =>
        {
            aspNetCore.RecordException = false;
            // Health checks and scrapes are not traced; a GraphQL GET's query string (it may name an IIN) never reaches a span.
            aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsPath);
            aspNetCore.EnrichWithHttpRequest = (activity, _) => DropQuery(activity);
        })
        .AddHttpClientInstrumentation(http =>
        {
            http.RecordException = false;
            http.EnrichWithHttpRequestMessage = (activity, _) => DropQuery(activity);
        })
        // The SQL text only: parameters stay @p0, their values are never recorded (the instrumentation's default).
        .AddEntityFrameworkCoreInstrumentation();

    /// <summary>Log records as OTLP carries them: with scopes, never with the raw state beyond the message's own values.</summary>
    public static void LogOptions(OpenTelemetryLoggerOptions options)
    {
        options.IncludeScopes = true;
        options.IncludeFormattedMessage = true;
    }

    private static void DropQuery(System.Diagnostics.Activity activity)
    {
        activity.SetTag("url.query", null);
        if (activity.GetTagItem("url.full") is string full && full.IndexOf('?', StringComparison.Ordinal) is var at and >= 0)
            activity.SetTag("url.full", full[..at]);
    }

    private sealed record OtlpTarget(OtlpExportProtocol Protocol, Uri? Endpoint);

    private static OtlpTarget? Otlp(ConfigurationManager configuration)
    {
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Otlp ?? new();
        var protocol = settings.Protocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (!string.IsNullOrWhiteSpace(settings.Endpoint))
            // A malformed address is refused with its key by the start-up checks; here it only means no exporter.
            return Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var endpoint) ? new OtlpTarget(protocol, endpoint) : null;
        return string.IsNullOrWhiteSpace(configuration[OtelEndpoint]) ? null : new OtlpTarget(protocol, null);
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus, answered to loopback and the configured networks only (behind a trusted proxy, by the
    /// client's real address, which <see cref="TrustedProxies"/> has set); anyone else gets 404, as if there were nothing.
    /// </summary>
    public static WebApplication MapKezekMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            var telemetry = http.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value;
            if (!MayScrape(http.Connection.RemoteIpAddress, telemetry.MetricsNetworks))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(http);
        }), optionsName: null);
        return app;
    }

    /// <summary>Loopback, or an address inside one of <paramref name="networks"/> (CIDR or single addresses).</summary>
    public static bool MayScrape(IPAddress? client, IEnumerable<string> networks)
    {
        if (client is null)
            return false;
        if (client.IsIPv4MappedToIPv6)
            client = client.MapToIPv4();
        if (IPAddress.IsLoopback(client))
            return true;
        foreach (var entry in networks)
        {
            if (entry.Contains('/', StringComparison.Ordinal)
                    ? System.Net.IPNetwork.TryParse(entry, out var network) && network.Contains(client)
                    : IPAddress.TryParse(entry, out var single) && single.Equals(client))
                return true;
        }

        return false;
    }
}
