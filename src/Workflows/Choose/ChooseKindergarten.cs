using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Choose;

/// <summary>
/// Выбор детского сада: the family takes the chosen seat (or an equal one of the same kindergarten) and the direction
/// is issued; in a voucher region a kindergarten without a free seat puts the child on its waiting list.
/// </summary>
public sealed record ChooseKindergarten(string ApplicationNumber, Guid PlaceId, Actor Signer, string SignedXml);

public sealed class ChooseKindergartenHandler(FamilyActions family) : IFamilyActionHandler<ChooseKindergarten>
{
    public Task<Result<Transitioned>> HandleAsync(ChooseKindergarten command, Func<CancellationToken, Task<bool>> spendNonce,
        CancellationToken cancellationToken) =>
        family.ChooseOrWaitAsync(command.ApplicationNumber, new TransitionRequest(command.Signer, command.SignedXml, PlaceId: command.PlaceId),
            spendNonce, cancellationToken);
}
