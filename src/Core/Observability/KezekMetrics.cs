using System.Diagnostics;
using System.Diagnostics.Metrics;
using Kezek.Core.Results;

namespace Kezek.Core.Observability;

/// <summary>
/// Kezek's own instruments (the meter <c>Kezek</c>, every name <c>kezek.*</c>, so Prometheus shows them as <c>kezek_*</c>).
/// Counters are added at the measured points by one-line calls; the gauges read <see cref="Counts"/>, which a background
/// service refreshes (a scrape never queries the database). Tags hold codes, results, rule and region codes only — never an
/// IIN, a name or a number of an application.
/// </summary>
public static class KezekMetrics
{
    public const string MeterName = "Kezek";

    private static readonly Meter Meter = new(MeterName, typeof(KezekMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Choices = Meter.CreateCounter<long>("kezek.choices", "{choice}",
        "Choices of a kindergarten: result=accepted|refused, code=the refusal's error code.");

    private static readonly Counter<long> SignatureChecks = Meter.CreateCounter<long>("kezek.signature.checks", "{check}",
        "Signature checks: result=valid|refused, code=the refusal's error code, reason=which check refused it.");

    private static readonly Counter<long> RuleEvaluations = Meter.CreateCounter<long>("kezek.rules.evaluations", "{evaluation}",
        "Evaluations of a region's rules: region, rule, result=true|false|deadline|error.");

    private static readonly Counter<long> TimersFired = Meter.CreateCounter<long>("kezek.timers.fired", "{timer}",
        "Workflow timers handled by the sweeps: outcome=fired|discarded|elsewhere.");

    private static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("kezek.outbox.sent", "{notification}",
        "Outbox rows delivered (cabinet included).");

    private static readonly Counter<long> OutboxFailed = Meter.CreateCounter<long>("kezek.outbox.failed", "{notification}",
        "Outbox deliveries that failed and will be tried again.");

    private static readonly Counter<long> OutboxDead = Meter.CreateCounter<long>("kezek.outbox.dead", "{notification}",
        "Outbox rows given up after their last attempt.");

    /// <summary>The latest counts the gauges report (refreshed in the background; zero until the first refresh).</summary>
    public static KezekCounts Counts { get; set; } = KezekCounts.Empty;

    static KezekMetrics()
    {
        Meter.CreateObservableGauge("kezek.timers.due", () => Counts.TimersDue, "{timer}",
            "Pending workflow timers whose time has come, at the last count.");
        Meter.CreateObservableGauge("kezek.timers.lagging", () => Counts.TimersLagging, "{timer}",
            "Pending workflow timers due for longer than the lag threshold (Kezek:Telemetry:TimerLagThreshold), at the last count.");
        Meter.CreateObservableGauge("kezek.outbox.pending", () => Counts.OutboxPending, "{notification}",
            "Outbox rows waiting to be sent (pending or being sent), at the last count.");
        Meter.CreateObservableGauge("kezek.outbox.dead_letters", () => Counts.OutboxDeadLetters, "{notification}",
            "Outbox rows given up and waiting for an operator, at the last count.");
        Meter.CreateObservableGauge("kezek.seats.free", () => Counts.FreeSeats.Select(region =>
                new Measurement<long>(region.Value, new KeyValuePair<string, object?>("region", region.Key))), "{seat}",
            "Published seats not taken, by region, at the last count.");
    }

    /// <summary>Counts a choice's outcome and gives it back: <c>return KezekMetrics.Choice(await …);</c>.</summary>
    public static Result<T> Choice<T>(Result<T> result)
    {
        Choices.Add(1, new TagList { { "result", result.IsSuccess ? "accepted" : "refused" }, { "code", result.Error?.Code ?? "" } });
        return result;
    }

    /// <summary>Counts a signature that passed every check (revocation included) and gives it back.</summary>
    public static T SignatureValid<T>(T verified)
    {
        SignatureChecked(null);
        return verified;
    }

    /// <summary>Counts a signature check: <paramref name="code"/> null for a valid one.</summary>
    public static void SignatureChecked(string? code, string? reason = null) =>
        SignatureChecks.Add(1, new TagList
        {
            { "result", code is null ? "valid" : "refused" }, { "code", code ?? "" }, { "reason", reason is null ? "" : ReasonTag(reason) },
        });

    public static void RuleEvaluated(string region, string rule, string result) =>
        RuleEvaluations.Add(1, new TagList { { "region", region }, { "rule", rule }, { "result", result } });

    public static void TimersSwept(int fired, int discarded, int elsewhere)
    {
        if (fired > 0)
            TimersFired.Add(fired, new KeyValuePair<string, object?>("outcome", "fired"));
        if (discarded > 0)
            TimersFired.Add(discarded, new KeyValuePair<string, object?>("outcome", "discarded"));
        if (elsewhere > 0)
            TimersFired.Add(elsewhere, new KeyValuePair<string, object?>("outcome", "elsewhere"));
    }

    public static void OutboxDispatched(int sent, int failed, int dead)
    {
        if (sent > 0)
            OutboxSent.Add(sent);
        if (failed > 0)
            OutboxFailed.Add(failed);
        if (dead > 0)
            OutboxDead.Add(dead);
    }

    /// <summary>A reason is a fixed word of the verifier ("chain", "malformed: XmlException"): bounded, and never a value from the document.</summary>
    private static string ReasonTag(string reason) => reason.Length <= 40 ? reason : reason[..40];
}

/// <summary>What the gauges report: counted by a background service, read by every scrape.</summary>
public sealed record KezekCounts(long TimersDue, long TimersLagging, long OutboxPending, long OutboxDeadLetters,
    IReadOnlyDictionary<string, long> FreeSeats, DateTimeOffset? CountedAt)
{
    public static readonly KezekCounts Empty = new(0, 0, 0, 0, new Dictionary<string, long>(), null);
}
