using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Voucher;

/// <summary>Voucher regions: the family refuses the voucher, with a reason; the application leaves the queue.</summary>
public sealed record RefuseVoucher(string ApplicationNumber, string Reason, ActionSignature Signature);

public sealed class RefuseVoucherHandler(FamilyActions family) : IFamilyActionHandler<RefuseVoucher>
{
    public Task<Result<Transitioned>> HandleAsync(RefuseVoucher command, CancellationToken cancellationToken) =>
        family.OnApplicationAsync(Triggers.RefuseVoucher, command.ApplicationNumber, command.Signature, command.Reason, cancellationToken);
}
