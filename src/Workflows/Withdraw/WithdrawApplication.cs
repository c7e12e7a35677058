using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Withdraw;

/// <summary>Снятие с очереди at the applicant's request, with a reason.</summary>
public sealed record WithdrawApplication(string ApplicationNumber, string Reason, ActionSignature Signature);

public sealed class WithdrawApplicationHandler(FamilyActions family) : IFamilyActionHandler<WithdrawApplication>
{
    public Task<Result<Transitioned>> HandleAsync(WithdrawApplication command, CancellationToken cancellationToken) =>
        family.OnApplicationAsync(Triggers.Withdraw, command.ApplicationNumber, command.Signature, command.Reason, cancellationToken);
}
