using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Corrections;

/// <summary>
/// Восстановление в очереди: the region's operator puts an application wrongly removed or withdrawn back in the queue at
/// its original place (its queued-at time is kept), signed with the operator's SIGN key, with a reason. A move of the
/// lifecycle (<see cref="Triggers.OperatorRestore"/>); refused when the child has another live application meanwhile
/// (the unique index on the live child's IIN settles it).
/// </summary>
public sealed record OperatorRestore(string ApplicationNumber, string Reason, Viewer Operator, ActionSignature Signature);

public sealed class OperatorRestoreHandler(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner, TimeProvider clock)
{
    public async Task<Result<Transitioned>> HandleAsync(OperatorRestore command, CancellationToken cancellationToken)
    {
        if (OperatorActions.ReasonRefusal(command.Reason) is { } refused)
            return refused;
        var reason = command.Reason.Trim();
        try
        {
            return await runner.RunAsync(async token =>
            {
                var found = await OperatorActions.FindForOperatorAsync(lifecycle.ForChange, command.ApplicationNumber, command.Operator, token);
                if (!found.IsSuccess)
                    return found.Error!;
                var (application, actor) = found.Value;
                var fired = await lifecycle.FireAsync(application, Triggers.OperatorRestore,
                    command.Signature.Request(reason) with { Actor = actor }, token);
                if (fired.IsSuccess)
                    db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, actor, Triggers.OperatorRestore, application.Number));
                return fired;
            }, command.Signature.SpendNonce, cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            return Error.Of(ErrorCodes.DuplicateApplication);
        }
    }
}
