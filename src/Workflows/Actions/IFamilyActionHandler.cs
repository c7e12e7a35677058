using Kezek.Core.Results;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Actions;

/// <summary>A family member's signed action (one room each): it acts and spends the signature's nonce in one transaction.</summary>
public interface IFamilyActionHandler<in TCommand>
{
    Task<Result<Transitioned>> HandleAsync(TCommand command, CancellationToken cancellationToken);
}
