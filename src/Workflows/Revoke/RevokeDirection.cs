using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Revoke;

/// <summary>Отзыв направления: within the region's window after issue, with a reason; back to the original place in the queue.</summary>
public sealed record RevokeDirection(Guid DirectionId, string Reason, ActionSignature Signature);

public sealed class RevokeDirectionHandler(FamilyActions family) : IFamilyActionHandler<RevokeDirection>
{
    public Task<Result<Transitioned>> HandleAsync(RevokeDirection command, CancellationToken cancellationToken) =>
        family.OnDirectionAsync(Triggers.Revoke, command.DirectionId, command.Signature, command.Reason, cancellationToken);
}
