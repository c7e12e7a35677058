using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>The lifecycle a region runs, as its rule set in force names it (public: the rules of the game are no secret).</summary>
public sealed record ReadRegionWorkflow(string Region);

public sealed class ReadRegionWorkflowHandler(IKezekDb db, RuleSetCatalog rules, WorkflowCatalog workflows)
{
    public async Task<Result<ActiveWorkflow>> HandleAsync(ReadRegionWorkflow query, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == query.Region, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", query.Region));
        return workflows.Active(rules.For(query.Region).RuleSet.Policy.Lifecycle);
    }
}
