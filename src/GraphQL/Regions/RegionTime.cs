using GraphQL;
using GraphQL.Builders;
using GraphQL.MicrosoftDI;
using Kezek.GraphQL.Loaders;
using Kezek.Rules.RuleSets;

namespace Kezek.GraphQL.Regions;

/// <summary>
/// Times people read, in the zone of the region they belong to. The region's rule set names the zone
/// (<c>RegionPolicy.TimeZone</c>): that is the one source. Times that belong to no one region — a session, a role, a
/// lifecycle shared by regions — are shown in Kazakhstan's time (<c>KazakhstanTime</c>).
/// </summary>
internal static class RegionTime
{
    public static DateTimeOffset Local(RuleSetCatalog rules, string regionCode, DateTime utc) => rules.For(regionCode).RuleSet.Policy.ToLocal(utc);

    /// <summary>
    /// A time of one of an application's records (its history, a direction, a document, a parent), in the application's
    /// region's zone. The application that lists the records primes its region, so this loads nothing there.
    /// </summary>
    public static FieldBuilder<TSource, object> InApplicationRegion<TSource>(this FieldBuilder<TSource, object> field,
        Func<TSource, long> applicationId, Func<TSource, DateTime?> utc) =>
        field.Resolve().WithServices<ApplicationRegionLoader, RuleSetCatalog>().ResolveAsync((c, regions, rules) =>
            utc(c.Source) is { } value
                ? regions.LoadAsync(c, applicationId(c.Source), code => Local(rules, code, value))
                : Task.FromResult<object?>(null));
}
