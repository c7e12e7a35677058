using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Extend;

/// <summary>Продление направления: once, to a day no later than the region allows, with a reason.</summary>
public sealed record ExtendDirection(Guid DirectionId, DateOnly Until, string Reason, Actor Signer, string SignedXml);

public sealed class ExtendDirectionHandler(FamilyActions family) : IFamilyActionHandler<ExtendDirection>
{
    public Task<Result<Transitioned>> HandleAsync(ExtendDirection command, Func<CancellationToken, Task<bool>> spendNonce,
        CancellationToken cancellationToken) =>
        family.OnDirectionAsync(Triggers.Extend, command.DirectionId,
            new TransitionRequest(command.Signer, command.SignedXml, command.Reason, Until: command.Until), spendNonce, cancellationToken,
            reasonRequired: true);
}
