using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Persistence;

namespace Kezek.Workflows.Benefits;

/// <summary>
/// Отказ в льготе: the region's operator rejects the claim (and any benefit confirmed before), with a reason, signed
/// with the operator's SIGN key; the application queues as general from now on, at its original queued-at time.
/// </summary>
public sealed record RejectBenefit(string ApplicationNumber, string Reason, Viewer Operator, ActionSignature Signature);

public sealed class RejectBenefitHandler(BenefitChanges benefits, Transactions transactions)
{
    public async Task<Result<Application>> HandleAsync(RejectBenefit command, CancellationToken cancellationToken)
    {
        if (OperatorActions.ReasonRefusal(command.Reason) is { } refused)
            return refused;

        return await transactions.RunAsync<Application>(async token =>
        {
            var found = await benefits.FindClaimForOperatorAsync(command.ApplicationNumber, command.Operator, token);
            if (!found.IsSuccess)
                return found.Error!;
            var (application, actor) = found.Value;

            var reason = command.Reason.Trim();
            await benefits.ApplyAsync(application, () => application.RejectBenefit(actor, benefits.Now, reason, command.Signature.SignedXml, command.Signature.RevocationEvidence),
                "benefit-rejected", actor, reason, token);
            if (!await command.Signature.SpendNonce(token))
                return Error.Of(ErrorCodes.NonceInvalid);
            return application;
        }, cancellationToken);
    }
}
