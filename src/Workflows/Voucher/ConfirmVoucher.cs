using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Voucher;

/// <summary>Voucher regions: the family confirms the voucher offered when the turn came.</summary>
public sealed record ConfirmVoucher(string ApplicationNumber, Actor Signer, string SignedXml);

public sealed class ConfirmVoucherHandler(FamilyActions family) : IFamilyActionHandler<ConfirmVoucher>
{
    public Task<Result<Transitioned>> HandleAsync(ConfirmVoucher command, Func<CancellationToken, Task<bool>> spendNonce,
        CancellationToken cancellationToken) =>
        family.OnApplicationAsync(Triggers.ConfirmVoucher, command.ApplicationNumber, new TransitionRequest(command.Signer, command.SignedXml),
            spendNonce, cancellationToken);
}
