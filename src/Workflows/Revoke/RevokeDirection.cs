using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Revoke;

/// <summary>Отзыв направления: within the region's window after issue, with a reason; back to the original place in the queue.</summary>
public sealed record RevokeDirection(Guid DirectionId, string Reason, Actor Signer, string SignedXml);

public sealed class RevokeDirectionHandler(FamilyActions family) : IFamilyActionHandler<RevokeDirection>
{
    public Task<Result<Transitioned>> HandleAsync(RevokeDirection command, Func<CancellationToken, Task<bool>> spendNonce,
        CancellationToken cancellationToken) =>
        family.OnDirectionAsync(Triggers.Revoke, command.DirectionId, new TransitionRequest(command.Signer, command.SignedXml, command.Reason),
            spendNonce, cancellationToken, reasonRequired: true);
}
