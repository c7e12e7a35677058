using System.Threading.RateLimiting;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Kezek.GraphQL.Access;

/// <summary>What a root field's requests are counted as.</summary>
public enum RatePolicy
{
    /// <summary>requestNonce: anonymous, and each one a row.</summary>
    Nonce,

    /// <summary>signIn: a signature check each, and the door to guess at.</summary>
    SignIn,

    /// <summary>Every mutation that takes a signed document: a signature check and a transaction each.</summary>
    SignedAction,

    /// <summary>The public look-ups that answer about a person or a document (queuePosition, verifyDocument).</summary>
    PublicLookup,
}

/// <summary>The limits per minute (configuration <c>Kezek:RateLimits</c>), per client address and, once signed in, per person.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Kezek:RateLimits";

    public bool Enabled { get; set; } = true;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public int NoncesPerAddress { get; set; } = 100;

    public int SignInsPerAddress { get; set; } = 30;

    public int SignedActionsPerAddress { get; set; } = 300;

    public int SignedActionsPerPerson { get; set; } = 30;

    public int LookupsPerAddress { get; set; } = 60;

    public int Limit(RatePolicy policy, bool perPerson) => (policy, perPerson) switch
    {
        (RatePolicy.Nonce, false) => NoncesPerAddress,
        (RatePolicy.SignIn, false) => SignInsPerAddress,
        (RatePolicy.SignedAction, false) => SignedActionsPerAddress,
        (RatePolicy.SignedAction, true) => SignedActionsPerPerson,
        (RatePolicy.PublicLookup, false) => LookupsPerAddress,
        _ => int.MaxValue,
    };
}

/// <summary>
/// Fixed windows per (policy, client address) and per (policy, person): one address cannot ask for nonces, try sign-ins or
/// walk the public look-ups without bound, and one person cannot flood signed actions from many addresses. In memory, per
/// instance: behind a balancer of N instances a client gets at most N times the limit, which still bounds it.
/// </summary>
public sealed class RateLimits(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(RatePolicy Policy, string Key)> _limiter = PartitionedRateLimiter.Create<(RatePolicy Policy, string Key), (RatePolicy, string)>(
        request => RateLimitPartition.GetFixedWindowLimiter(request, key => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.Limit(key.Item1, key.Item2.StartsWith("person:", StringComparison.Ordinal)),
            Window = options.Value.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes a permit for the address and, when known, the person; how long to wait when either has none left, else null.</summary>
    public TimeSpan? Refusal(RatePolicy policy, string? address, string? personIin)
    {
        if (!options.Value.Enabled)
            return null;
        var refusal = Take(policy, "address:" + (address ?? "unknown"));
        if (refusal is null && personIin is not null && options.Value.Limit(policy, perPerson: true) != int.MaxValue)
            refusal = Take(policy, "person:" + personIin);
        return refusal;
    }

    private TimeSpan? Take(RatePolicy policy, string key)
    {
        using var lease = _limiter.AttemptAcquire((policy, key));
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.Window;
    }

    public void Dispose() => _limiter.Dispose();
}

public static class RateLimitedExtensions
{
    public const string MetadataKey = "kezek:rate-policy";

    /// <summary>Counts the field's requests under the policy (<see cref="RateLimitRule"/>).</summary>
    public static FieldBuilder<TSource, TReturn> RateLimited<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, RatePolicy policy)
    {
        field.FieldType.Metadata[MetadataKey] = policy;
        return field;
    }

    /// <summary>The field's policy: its own, or <see cref="RatePolicy.SignedAction"/> for any mutation that takes a signed document.</summary>
    public static RatePolicy? RatePolicyOf(this FieldType field, bool isMutation) =>
        field.Metadata.TryGetValue(MetadataKey, out var policy) ? (RatePolicy?)policy
        : isMutation && field.Arguments?.Any(a => a.Name == "signedXml") == true ? RatePolicy.SignedAction
        : null;
}
