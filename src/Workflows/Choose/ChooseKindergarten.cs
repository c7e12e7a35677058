using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Choose;

/// <summary>
/// Выбор детского сада: the family takes the chosen seat (or an equal one of the same kindergarten) and the direction
/// is issued; in a voucher region a kindergarten without a free seat puts the child on its waiting list.
/// </summary>
public sealed record ChooseKindergarten(string ApplicationNumber, Guid PlaceId, ActionSignature Signature);

public sealed class ChooseKindergartenHandler(FamilyActions family) : IFamilyActionHandler<ChooseKindergarten>
{
    public async Task<Result<Transitioned>> HandleAsync(ChooseKindergarten command, CancellationToken cancellationToken) =>
        Kezek.Core.Observability.KezekMetrics.Choice(await family.ChooseOrWaitAsync(command.ApplicationNumber, command.PlaceId, command.Signature, cancellationToken));
}
