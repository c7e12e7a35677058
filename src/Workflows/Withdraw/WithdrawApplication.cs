using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Withdraw;

/// <summary>Снятие с очереди at the applicant's request, with a reason.</summary>
public sealed record WithdrawApplication(string ApplicationNumber, string Reason, Actor Signer, string SignedXml);

public sealed class WithdrawApplicationHandler(FamilyActions family) : IFamilyActionHandler<WithdrawApplication>
{
    public Task<Result<Transitioned>> HandleAsync(WithdrawApplication command, Func<CancellationToken, Task<bool>> spendNonce,
        CancellationToken cancellationToken) =>
        family.OnApplicationAsync(Triggers.Withdraw, command.ApplicationNumber,
            new TransitionRequest(command.Signer, command.SignedXml, command.Reason), spendNonce, cancellationToken, reasonRequired: true);
}
