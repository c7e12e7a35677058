using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Rankings;

/// <summary>
/// Выбор детских садов по приоритету: the applicant or an attached parent ranks, signed with the SIGN key, the
/// kindergartens of the application's region it wants, first choice first (up to the region's maxRankedKindergartens).
/// The ranking replaces the one before; an empty one withdraws it. Only a child still in the queue is ranked for: an
/// enrolled child asks for a transfer instead.
/// </summary>
public sealed record RankKindergartens(string ApplicationNumber, IReadOnlyList<Guid> KindergartenIds, ActionSignature Signature);

public sealed class RankKindergartensHandler(IKezekDb db, FamilyActions family, RuleSetCatalog rules, Transactions transactions,
    TimeProvider clock)
{
    public Task<Result<Application>> HandleAsync(RankKindergartens command, CancellationToken cancellationToken) =>
        transactions.RunAsync<Application>(async token =>
        {
            var found = await family.FindByNumberAsync(command.ApplicationNumber, command.Signature.Signer, token);
            if (!found.IsSuccess)
                return found.Error!;
            var application = found.Value;
            if (!application.InQueue)
                return Error.Of(ErrorCodes.ActionNotAvailable);
            var ids = command.KindergartenIds.ToList();
            if (KindergartenList.Refusal(ids, rules.For(application.RegionCode).RuleSet.Policy.MaxRankedKindergartens) is { } refused)
                return refused;
            if (await KindergartenList.OutsideRegionAsync(db, ids, application.RegionCode, token) is { } stranger)
                return stranger;

            // The ranking before is tracked, so that it is replaced rather than added to.
            await db.RankedKindergartens.Where(r => r.ApplicationId == application.Id).LoadAsync(token);
            application.RankKindergartens(ids, command.Signature.Signer, clock.GetUtcNow().UtcDateTime, command.Signature.SignedXml,
                command.Signature.RevocationEvidence);
            await db.SaveChangesAsync(token);
            return await command.Signature.SpendNonce(token) ? application : Error.Of(ErrorCodes.NonceInvalid);
        }, cancellationToken);
}
