using Kezek.Core.Results;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Actions;

/// <summary>A family member's signed action: it acts and spends the signed action's nonce in one transaction.</summary>
public interface IFamilyActionHandler<in TCommand>
{
    Task<Result<Transitioned>> HandleAsync(TCommand command, Func<CancellationToken, Task<bool>> spendNonce, CancellationToken cancellationToken);
}
