using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Voucher;

/// <summary>Voucher regions: the family restores an inactive application (once, within the region's days).</summary>
public sealed record RestoreApplication(string ApplicationNumber, ActionSignature Signature);

public sealed class RestoreApplicationHandler(FamilyActions family) : IFamilyActionHandler<RestoreApplication>
{
    public Task<Result<Transitioned>> HandleAsync(RestoreApplication command, CancellationToken cancellationToken) =>
        family.OnApplicationAsync(Triggers.Restore, command.ApplicationNumber, command.Signature, cancellationToken);
}
