using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Extend;

/// <summary>Продление направления: once, to a day no later than the region allows, with a reason.</summary>
public sealed record ExtendDirection(Guid DirectionId, DateOnly Until, string Reason, ActionSignature Signature);

public sealed class ExtendDirectionHandler(FamilyActions family) : IFamilyActionHandler<ExtendDirection>
{
    public Task<Result<Transitioned>> HandleAsync(ExtendDirection command, CancellationToken cancellationToken) =>
        family.OnDirectionAsync(Triggers.Extend, command.DirectionId, command.Signature, command.Reason, cancellationToken, command.Until);
}
