using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Iins;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Corrections;

/// <summary>
/// Исправление данных ребёнка: the region's operator takes the child's name again from the civil registry (it was
/// corrected there), signed with the operator's SIGN key, with a reason. The IIN stays, and with it the birth date, the
/// group year and the place in the queue.
/// </summary>
public sealed record CorrectChildFromRegistry(string ApplicationNumber, string Reason, Viewer Operator, ActionSignature Signature);

public sealed class CorrectChildFromRegistryHandler(IKezekDb db, ICivilRegistry registry, Transactions transactions, TimeProvider clock)
{
    public async Task<Result<Application>> HandleAsync(CorrectChildFromRegistry command, CancellationToken cancellationToken)
    {
        if (OperatorActions.ReasonRefusal(command.Reason) is { } refused)
            return refused;
        var reason = command.Reason.Trim();
        return await transactions.RunAsync<Application>(async token =>
        {
            var found = await OperatorActions.FindForOperatorAsync(db.Applications.Include(a => a.Parents), command.ApplicationNumber,
                command.Operator, token);
            if (!found.IsSuccess)
                return found.Error!;
            var (application, actor) = found.Value;
            var iin = Iin.FromTrustedSource(application.Child.Iin);
            if (await registry.FindChildAsync(iin, token) is not { } record)
                return Error.Of(ErrorCodes.ChildNotFound);
            var fromRegistry = Child.Create(iin, record.FullName, record.BirthDate);
            if (!fromRegistry.IsSuccess)
                return fromRegistry.Error!;
            if (fromRegistry.Value.FullName == application.Child.FullName)
                return Error.Of(ErrorCodes.ChildUnchanged);

            var now = clock.GetUtcNow().UtcDateTime;
            application.CorrectChild(fromRegistry.Value, actor, now, reason, command.Signature.SignedXml, command.Signature.RevocationEvidence);
            db.StaffActions.Add(new StaffAction(now, actor, HistoryActions.ChildCorrected, application.Number));
            await db.SaveChangesAsync(token);
            if (!await command.Signature.SpendNonce(token))
                return Error.Of(ErrorCodes.NonceInvalid);
            return application;
        }, cancellationToken);
    }
}
