using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.RuleSets;

/// <summary>The rule set in force for a region (its own, or the default one), for the region's policy officers and administrators.</summary>
public sealed record ReadRuleSet(string Name, Viewer Viewer);

public sealed class ReadRuleSetHandler(IKezekDb db, RuleSetCatalog catalog)
{
    public async Task<Result<ActiveRuleSet>> HandleAsync(ReadRuleSet query, CancellationToken cancellationToken)
    {
        if (AccessPolicy.ForRuleSet(query.Viewer, query.Name).Error is { } refused)
            return refused;
        if (query.Name != RuleSetCatalog.Default && !await db.Regions.AnyAsync(r => r.Code == query.Name, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", query.Name));
        return catalog.For(query.Name);
    }
}
