using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Kezek.Core.Observability;
using Kezek.IntegrationTests.Hosting;
using Kezek.Server.Hosting;
using Kezek.Workflows.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kezek.IntegrationTests.Api;

/// <summary>
/// A Kezek whose traces, metrics and logs go to in-memory exporters with the production configuration of the instruments
/// (<see cref="Observability.Tracing"/>, <see cref="Observability.Metrics"/>), behind a trusted proxy (10.0.0.1), with
/// 192.0.2.0/24 allowed to scrape; a test names the connection's address in a header (a startup filter stands in for the
/// network). Chromium is missing on purpose: ready, but Degraded.
/// </summary>
public sealed class ObservedKezek : KezekFactory
{
    public const string ConnectionAddressHeader = "X-Test-Connection-Address";

    public List<Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    public List<LogRecord> LogRecords { get; } = [];

    public override Kezek.Infrastructure.Persistence.DatabaseProvider Provider => Kezek.Infrastructure.Persistence.DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "kezek-observed.db")}";

    /// <summary>Everything the providers hold is exported now.</summary>
    public void Flush()
    {
        Services.GetRequiredService<TracerProvider>().ForceFlush();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        Services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kezek:Network:TrustedProxies:0"] = "10.0.0.1",
            ["Kezek:Telemetry:MetricsNetworks:0"] = "192.0.2.0/24",
            ["Kezek:Telemetry:CountsInterval"] = "1.00:00:00",
            ["Kezek:Documents:ChromiumPath"] = "/nonexistent/chromium",
        }));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ConnectionAddressFilter>();
            services.AddOpenTelemetry()
                .WithTracing(tracing => Observability.Tracing(tracing).AddInMemoryExporter(Spans))
                .WithMetrics(metrics => Observability.Metrics(metrics).AddInMemoryExporter(Metrics))
                .WithLogging(logging => logging.AddInMemoryExporter(LogRecords), Observability.LogOptions);
        });
    }

    private sealed class ConnectionAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate following) =>
            {
                if (http.Request.Headers[ConnectionAddressHeader].ToString() is { Length: > 0 } address)
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following(http);
            });
            next(app);
        };
    }
}

/// <summary>Traces, metrics, logs, /metrics and the health endpoints; and that no IIN or name leaves Kezek through any of them.</summary>
public sealed class ObservabilityTests(ObservedKezek kezek) : KezekTest(kezek), IClassFixture<ObservedKezek>
{
    private ObservedKezek Observed => (ObservedKezek)Kezek;

    private async Task<HttpResponseMessage> GetAsync(string path, string? connection = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (connection is not null)
            request.Headers.Add(ObservedKezek.ConnectionAddressHeader, connection);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await Kezek.Api().Http.SendAsync(request);
    }

    /// <summary>Registrations, a published seat, a choice, an enrolment: the counters have something to count.</summary>
    private async Task<(Queues Queue, string Direction)> ChoiceAsync(int children = 2)
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(children);
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        var chosen = await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync(mode: "FREE_CHOICE"));
        return (queue, Queues.DirectionId(chosen));
    }

    [Fact]
    public async Task Metrics_show_kezek_instruments_after_a_choice_to_loopback_and_configured_networks_only()
    {
        var (queue, _) = await ChoiceAsync();
        // A refusal by code too: the same seat again, now taken.
        Assert.NotNull((await queue.ChooseAsync(queue.Numbers[1], Guid.NewGuid().ToString())).ErrorCode);
        using (var scope = Kezek.Services.CreateScope())
        {
            var counts = await ObservedCounts.CountAsync(scope.ServiceProvider, CancellationToken.None);
            Assert.Equal(0, counts.FreeSeats.GetValueOrDefault("almaty"));
        }

        await queue.PublishAsync(2, mode: "FREE_CHOICE");
        using (var scope = Kezek.Services.CreateScope())
            Assert.Equal(2, (await ObservedCounts.CountAsync(scope.ServiceProvider, CancellationToken.None)).FreeSeats["almaty"]);

        var scraped = await GetAsync("/metrics", connection: "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var text = await scraped.Content.ReadAsStringAsync();
        Assert.Contains("kezek_choices_total{", text, StringComparison.Ordinal);
        Assert.Contains("result=\"accepted\"", text, StringComparison.Ordinal);
        Assert.Contains("result=\"refused\"", text, StringComparison.Ordinal);
        Assert.Contains("kezek_signature_checks_total{", text, StringComparison.Ordinal);
        Assert.Contains("kezek_rules_evaluations_total{", text, StringComparison.Ordinal);
        Assert.Contains("kezek_seats_free{", text, StringComparison.Ordinal);
        Assert.Contains("region=\"almaty\"", text, StringComparison.Ordinal);
        foreach (var gauge in new[] { "kezek_timers_due", "kezek_timers_lagging", "kezek_outbox_pending", "kezek_outbox_dead_letters" })
            Assert.Contains(gauge, text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);

        // A configured network may scrape; anyone else, a forged X-Forwarded-For, or a trusted proxy's outside client may not.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/metrics", connection: "192.0.2.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/metrics", connection: "10.0.0.1", forwardedFor: "192.0.2.8")).StatusCode);
        var refused = await GetAsync("/metrics", connection: "203.0.113.5");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("kezek_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/metrics", connection: "203.0.113.5", forwardedFor: "127.0.0.1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/metrics", connection: "10.0.0.1", forwardedFor: "203.0.113.9")).StatusCode);
        // No address at all (a Unix socket, the test server): refused.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Health_live_and_ready_answer_json_and_a_missing_Chromium_only_degrades()
    {
        var live = await GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        var ready = await GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        foreach (var check in new[] { "database", "templates", "rules" })
            Assert.Equal("Healthy", checks.GetProperty(check).GetProperty("status").GetString());
        Assert.Equal("Degraded", checks.GetProperty("chromium").GetProperty("status").GetString());

        var health = await GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_whole_journey_exports_no_IIN_and_no_name_in_any_span_metric_or_log()
    {
        using var sms = new SmsGateway(Kezek.SmsPort);
        Observed.Flush();
        lock (Observed.Spans)
            Observed.Spans.Clear();
        Observed.LogRecords.Clear();
        Kezek.Logs.Lines.Clear();

        // Register (the civil registry's import first), sign in, look up, publish, choose, enrol; the timers and the outbox run.
        var (queue, direction) = await ChoiceAsync(children: 3);
        await queue.Api.Http.GetAsync($"/graphql?query={Uri.EscapeDataString($"{{ queuePosition(region: \"almaty\", childIin: \"{Queues.ChildIins(3, new DateOnly(2022, 1, 1))[1]}\") {{ queueNumber childName }} }}")}");
        await queue.Api.PostAsync("query($iin: String!) { queuePosition(region: \"almaty\", childIin: $iin) { queueNumber } }",
            new { iin = Queues.ChildIins(3, new DateOnly(2022, 1, 1))[2] });
        await queue.ApplicationAsync(queue.Numbers[0]);
        Assert.Equal("ENROLLED", (await queue.EnrollAsync(direction)).Ok().GetProperty("enrollChild").GetProperty("direction").GetProperty("status").GetString());
        await queue.AdvanceClockAsync(TimeSpan.FromDays(30));
        await queue.SweepAsync();
        using (var scope = Kezek.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        await queue.Api.PostAsync("mutation { attachApplication(childIin: \"220315670018\") { application { number } } }", token: stranger);
        Observed.Flush();

        var exported = Exported();
        // Not vacuous: the journey's requests, its SQL, Kezek's counters and its log lines are all there.
        Assert.Contains(exported, line => line.StartsWith("span POST", StringComparison.Ordinal));
        Assert.Contains(exported, line => line.StartsWith("span ", StringComparison.Ordinal) && line.Contains("SELECT", StringComparison.Ordinal));
        Assert.Contains(exported, line => line.StartsWith("span ", StringComparison.Ordinal) && line.Contains("/sms/", StringComparison.Ordinal));
        Assert.Contains(exported, line => line.StartsWith("metric kezek.choices", StringComparison.Ordinal));
        Assert.Contains(exported, line => line.StartsWith("metric kezek.signature.checks", StringComparison.Ordinal));
        Assert.Contains(exported, line => line.StartsWith("log ", StringComparison.Ordinal) && line.Contains("RequestId", StringComparison.Ordinal));
        Assert.Contains(exported, line => line.StartsWith("captured ", StringComparison.Ordinal));

        var secrets = new List<string>
        {
            TestPeople.MotherIin, TestPeople.FatherIin, TestPeople.StrangerIin, TestPeople.AdministratorIin, TestPeople.OperatorIin,
            TestPeople.ChildIin, TestPeople.ChildName, "АХМЕТОВА", "АЙГЕРІМ", "ҚОҢЫРБАЕВА", "ӘСЕЛ-ҮМІТ", "ШАҺАРҒАЛИҚЫЗЫ",
            People.Mother.FullName, People.Stranger.FullName, People.Operator.FullName, People.Administrator.FullName,
            "aigerim@example.kz", "77011234567",
        };
        secrets.AddRange(Queues.ChildIins(3, new DateOnly(2022, 1, 1)));
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            var leaks = exported.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
            Assert.True(leaks.Count == 0, $"{secret} leaked:\n{string.Join("\n", leaks)}");
        }
    }

    /// <summary>
    /// A copy of what an in-memory exporter has gathered so far. The background services (the sweeper, the document worker)
    /// go on exporting while the test reads, and the exporters add without a lock: a copy that met an addition is taken again.
    /// </summary>
    private static List<T> Snapshot<T>(List<T> exported)
    {
        while (true)
        {
            try
            {
                // The list's own enumerator notices an addition (InvalidOperationException): then the copy is taken again.
                var copy = new List<T>();
                foreach (var item in exported)
                    copy.Add(item);
                return copy;
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    /// <summary>Every exported thing as text lines: spans (name, tags, events, status), metrics (name, tags), log records (message,
    /// attributes, scopes, exception), and the capturing logger's lines.</summary>
    private List<string> Exported()
    {
        var lines = new List<string>();
        {
            foreach (var span in Snapshot(Observed.Spans))
            {
                lines.Add($"span {span.DisplayName} {span.OperationName} {span.StatusDescription} " +
                          string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
                          string.Join(" ", span.Baggage.Select(b => $"{b.Key}={b.Value}")));
                lines.AddRange(span.Events.Select(e => $"span-event {e.Name} " + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))));
            }
        }

        foreach (var metric in Snapshot(Observed.Metrics))
        {
            var points = new List<string>();
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                    points.Add($"{tag.Key}={tag.Value}");
            }

            lines.Add($"metric {metric.Name} {metric.Description} " + string.Join(" ", points));
        }

        foreach (var record in Snapshot(Observed.LogRecords))
        {
            var scopes = new List<string>();
            record.ForEachScope((scope, list) =>
            {
                foreach (var item in scope)
                    list.Add($"{item.Key}={item.Value}");
            }, scopes);
            lines.Add($"log {record.CategoryName} {record.FormattedMessage} {record.Body} " +
                      string.Join(" ", (record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}")) + " " + string.Join(" ", scopes) +
                      " " + record.Exception);
        }

        lines.AddRange(Kezek.Logs.Lines.Select(line => "captured " + line));
        return lines;
    }
}
