using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>
/// A rule set's values as a region applies them; <see cref="Region"/> is null where a rule set is read as such (a policy
/// officer's <c>ruleSet</c>, which may serve many regions), and then there are no support contacts.
/// </summary>
public sealed record RegionPolicyView(RegionPolicy Policy, Region? Region)
{
    public SupportContacts? Support => Region?.Support;
}

/// <summary>The numbers in force that a parent is told (days to choose, revoke hours…) and where to get help (public).</summary>
public sealed record ReadRegionPolicy(string Region);

public sealed class ReadRegionPolicyHandler(IKezekDb db, RuleSetCatalog rules)
{
    public async Task<Result<RegionPolicyView>> HandleAsync(ReadRegionPolicy query, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == query.Region, cancellationToken);
        if (region is null)
            return Error.Of(ErrorCodes.UnknownRegion, ("region", query.Region));
        return new RegionPolicyView(rules.For(region.Code).RuleSet.Policy, region);
    }
}
