using GraphQL;
using Kezek.Workflows.Transfers;

namespace Kezek.GraphQL.Loaders;

/// <summary>Each application's transfer request; null for one without.</summary>
public sealed class TransferRequestLoader(TransferReads reads) : BatchLoader<long, TransferRequestView?>
{
    protected override async Task<IReadOnlyDictionary<long, TransferRequestView?>> FetchAsync(IReadOnlyCollection<long> keys, IResolveFieldContext context,
        CancellationToken cancellationToken) =>
        (await reads.RequestsOfAsync(keys, cancellationToken)).ToDictionary(p => p.Key, p => (TransferRequestView?)p.Value);

    protected override TransferRequestView? Missing(long key) => null;
}
