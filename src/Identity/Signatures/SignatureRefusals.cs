using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Kezek.Identity.Signatures;

/// <summary>
/// Refused signatures are counted, not logged one line each: a flood of bad sign-ins (or a scanner) must not flood the logs.
/// Each refusal is a Debug line; at most once a <see cref="Period"/>, one Information line gives the counts by code and reason.
/// </summary>
public sealed class SignatureRefusals(TimeProvider clock, ILogger<SignatureRefusals> logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _periodStartTicks = clock.GetUtcNow().UtcTicks;

    public void Count(string code, string reason)
    {
        logger.LogDebug("Signature refused: {Code} ({Reason})", code, reason);
        Kezek.Core.Observability.KezekMetrics.SignatureChecked(code, reason);
        _counts.AddOrUpdate($"{code} ({reason})", 1, (_, count) => count + 1);
        var now = clock.GetUtcNow().UtcTicks;
        var started = Interlocked.Read(ref _periodStartTicks);
        if (now - started >= Period.Ticks && Interlocked.CompareExchange(ref _periodStartTicks, now, started) == started)
            Flush();
    }

    /// <summary>Logs the counts so far as one line and starts counting again.</summary>
    public void Flush()
    {
        var counts = new List<string>();
        foreach (var key in _counts.Keys.Order(StringComparer.Ordinal))
        {
            if (_counts.TryRemove(key, out var count))
                counts.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: {count}"));
        }

        if (counts.Count > 0)
            logger.LogInformation("Signatures refused since the last count: {Counts}", string.Join("; ", counts));
    }
}
