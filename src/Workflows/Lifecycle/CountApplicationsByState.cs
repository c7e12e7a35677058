using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>How many applications stand in each state of a lifecycle, per region running it (counts only: the studio's live view).</summary>
public sealed record CountApplicationsByState(string Workflow);

public sealed record StateCount(string Region, string State, ApplicationStatus Status, int Count);

public sealed class CountApplicationsByStateHandler(IKezekDb db, WorkflowVersions versions, WorkflowCatalog workflows)
{
    public async Task<Result<IReadOnlyList<StateCount>>> HandleAsync(CountApplicationsByState query, CancellationToken cancellationToken)
    {
        if (!workflows.Has(query.Workflow))
            return Error.Of(ErrorCodes.UnknownLifecycle, ("name", query.Workflow));
        var regions = await versions.RegionsRunningAsync(query.Workflow, cancellationToken);
        var counts = await db.Applications.AsNoTracking().Where(a => regions.Contains(a.RegionCode))
            .GroupBy(a => new { a.RegionCode, a.State, a.Status })
            .Select(g => new { g.Key.RegionCode, g.Key.State, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.OrderBy(c => c.RegionCode, StringComparer.Ordinal).ThenBy(c => c.State, StringComparer.Ordinal)
            .Select(c => new StateCount(c.RegionCode, c.State, c.Status, c.Count)).ToList();
    }
}
