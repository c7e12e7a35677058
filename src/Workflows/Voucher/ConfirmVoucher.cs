using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Voucher;

/// <summary>Voucher regions: the family confirms the voucher offered when the turn came.</summary>
public sealed record ConfirmVoucher(string ApplicationNumber, ActionSignature Signature);

public sealed class ConfirmVoucherHandler(FamilyActions family) : IFamilyActionHandler<ConfirmVoucher>
{
    public Task<Result<Transitioned>> HandleAsync(ConfirmVoucher command, CancellationToken cancellationToken) =>
        family.OnApplicationAsync(Triggers.ConfirmVoucher, command.ApplicationNumber, command.Signature, cancellationToken);
}
