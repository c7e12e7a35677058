using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Persistence;

namespace Kezek.Workflows.Benefits;

/// <summary>
/// Подтверждение льготы: the region's operator confirms a claimed benefit from the evidence seen (a document), signed
/// with the operator's SIGN key; the queue reorders by the region's order rule at once. A benefit with a last day lapses
/// after it by its own timer.
/// </summary>
public sealed record ConfirmBenefit(string ApplicationNumber, BenefitCategory Category, string Evidence, DateOnly? ValidUntil, string Reason,
    Viewer Operator, ActionSignature Signature);

public sealed class ConfirmBenefitHandler(BenefitChanges benefits, Transactions transactions)
{
    public async Task<Result<Application>> HandleAsync(ConfirmBenefit command, CancellationToken cancellationToken)
    {
        if (OperatorActions.ReasonRefusal(command.Reason) is { } refused)
            return refused;
        if (command.Category == BenefitCategory.None)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "category"));
        if (string.IsNullOrWhiteSpace(command.Evidence) || command.Evidence.Length > BenefitChanges.MaxEvidenceLength)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "evidence"));
        if (FreeText.Refusal(command.Evidence, "evidence") is { } unprintable)
            return unprintable;

        return await transactions.RunAsync<Application>(async token =>
        {
            var found = await benefits.FindClaimForOperatorAsync(command.ApplicationNumber, command.Operator, token);
            if (!found.IsSuccess)
                return found.Error!;
            var (application, actor) = found.Value;
            if (command.ValidUntil is { } until && until < benefits.Today(application.RegionCode))
                return Error.Of(ErrorCodes.BenefitValidUntilPassed);

            var reason = command.Reason.Trim();
            await benefits.ApplyAsync(application, () => application.ConfirmBenefit(command.Category, command.Evidence.Trim(), command.ValidUntil, actor,
                benefits.Now, reason, command.Signature.SignedXml, command.Signature.RevocationEvidence), "benefit-confirmed", actor, reason, token);
            if (!await command.Signature.SpendNonce(token))
                return Error.Of(ErrorCodes.NonceInvalid);
            return application;
        }, cancellationToken);
    }
}
