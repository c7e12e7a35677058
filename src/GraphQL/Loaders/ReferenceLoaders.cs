using GraphQL;
using Kezek.Core.Regions;
using Kezek.Workflows.Regions;

namespace Kezek.GraphQL.Loaders;

/// <summary>Each kindergarten's groups: one statement for every kindergarten of a page.</summary>
public sealed class KindergartenGroupsLoader(KindergartenGroups groups) : BatchLoader<Guid, IReadOnlyList<KindergartenGroup>>
{
    protected override async Task<IReadOnlyDictionary<Guid, IReadOnlyList<KindergartenGroup>>> FetchAsync(IReadOnlyCollection<Guid> keys,
        IResolveFieldContext context, CancellationToken cancellationToken) =>
        (await groups.OfManyAsync(keys, cancellationToken)).ToDictionary(g => g.Key, g => (IReadOnlyList<KindergartenGroup>)[.. g]);

    protected override IReadOnlyList<KindergartenGroup> Missing(Guid key) => [];
}
