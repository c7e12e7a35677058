using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Versions;

/// <summary>An artefact as it is in force: its name (a region's code or <c>default</c>; a lifecycle's name), version and JSON.</summary>
public sealed record VersionInForce(string Name, int Version, string Json);

/// <summary>
/// The versions in force of every rule set and every lifecycle: the newest stored version of each name, which is what every
/// instance loads (the rules of the game are no secret: no scope check). The admin CLI's <c>rules export</c> and
/// <c>workflows export</c> write them as files that <c>rules import</c> / <c>workflows import</c> take back.
/// </summary>
public sealed class ExportVersionsInForceHandler(IKezekDb db)
{
    public async Task<IReadOnlyList<VersionInForce>> RuleSetsAsync(CancellationToken cancellationToken) =>
        await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Version == db.RuleSetVersions.Where(o => o.RegionCode == v.RegionCode).Max(o => o.Version))
            .OrderBy(v => v.RegionCode)
            .Select(v => new VersionInForce(v.RegionCode, v.Version, v.Json))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<VersionInForce>> WorkflowsAsync(CancellationToken cancellationToken) =>
        await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.Version == db.WorkflowVersions.Where(o => o.Name == v.Name).Max(o => o.Version))
            .OrderBy(v => v.Name)
            .Select(v => new VersionInForce(v.Name, v.Version, v.Json))
            .ToListAsync(cancellationToken);
}
