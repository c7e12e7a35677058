using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.RegionMove;

/// <summary>
/// Согласие на перевод в другой регион: the applicant or an attached parent consents, signed with the SIGN key, to the
/// application being moved to another region (the family moved house). Nothing moves yet: the region's operator moves it
/// (<see cref="MoveToRegion"/>) within <see cref="MoveToRegionHandler.ConsentValidity"/>.
/// </summary>
public sealed record ConsentToRegionMove(string ApplicationNumber, string TargetRegion, ActionSignature Signature);

public sealed class ConsentToRegionMoveHandler(IKezekDb db, FamilyActions family, ApplicationLifecycle lifecycle, Transactions transactions,
    TimeProvider clock)
{
    public Task<Result<Application>> HandleAsync(ConsentToRegionMove command, CancellationToken cancellationToken) =>
        transactions.RunAsync<Application>(async token =>
        {
            var found = await family.FindByNumberAsync(command.ApplicationNumber, command.Signature.Signer, token);
            if (!found.IsSuccess)
                return found.Error!;
            var application = found.Value;
            if (await MoveToRegionHandler.TargetRefusalAsync(db, application, command.TargetRegion, token) is { } refused)
                return refused;
            if (MoveToRegionHandler.NotMovable(lifecycle, application) is { } ended)
                return ended;

            application.ConsentToMove(command.TargetRegion, command.Signature.Signer, clock.GetUtcNow().UtcDateTime, command.Signature.SignedXml,
                command.Signature.RevocationEvidence);
            await db.SaveChangesAsync(token);
            return await command.Signature.SpendNonce(token) ? application : Error.Of(ErrorCodes.NonceInvalid);
        }, cancellationToken);
}
