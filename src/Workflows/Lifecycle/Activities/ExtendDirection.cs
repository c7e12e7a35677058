using Kezek.Core.Results;
using Kezek.Rules.RuleSets;

namespace Kezek.Workflows.Lifecycle.Activities;

/// <summary>
/// <c>extendDirection</c>: the direction stays valid through the requested day (region time), which must be later
/// than the current expiry and no later than the region's ExtensionLatest.
/// </summary>
public sealed class ExtendDirection : ActivityWithoutArgument
{
    public override string Name => "extendDirection";

    public override async Task<Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken)
    {
        var direction = context.Direction ?? throw new InvalidOperationException("extendDirection: the application has no issued direction.");
        if (context.Request.Until is not { } until)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "until"));
        var policy = context.Rules.Policy;
        var zone = policy.TimeZone;
        // The later of the rule in force and the limit given at issue: a rule change never shortens what was given.
        var ruled = await context.Rules.DeadlineAsync(RuleSetSchema.Rules.ExtensionLatest, context.Facts);
        var given = new DateTimeOffset(direction.ExtendableUntil, TimeSpan.Zero);
        var latest = ruled > given ? ruled : given;
        if (until > policy.LastDayOf(latest.UtcDateTime))
            return Error.Of(ErrorCodes.ExtensionTooLong, ("latest", Day(policy.LastDayOf(latest.UtcDateTime))));
        var endOfDay = until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var newExpiry = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
        if (newExpiry <= new DateTimeOffset(direction.ExpiresAt, TimeSpan.Zero))
            return Error.Of(ErrorCodes.ExtensionNotLater, ("expiresAt", Day(policy.LastDayOf(direction.ExpiresAt))));
        direction.Extend(newExpiry.UtcDateTime);
        return null;
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
