using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Rankings;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Transfers;

/// <summary>
/// Заявка на перевод: the applicant or an attached parent of an enrolled child asks, signed with the SIGN key, to move it to
/// kindergartens of its region that have a group of its year, first choice first (up to the region's maxRankedKindergartens;
/// never its own). The request replaces the one before; an empty one withdraws it. A transfer run moves the child to the
/// best of them it can have (docs/allocation.md).
/// </summary>
public sealed record RequestTransfer(string ApplicationNumber, IReadOnlyList<Guid> KindergartenIds, ActionSignature Signature);

public sealed class RequestTransferHandler(IKezekDb db, FamilyActions family, TransferLifecycle transfers, RuleSetCatalog rules,
    Transactions transactions, TimeProvider clock)
{
    public Task<Result<Application>> HandleAsync(RequestTransfer command, CancellationToken cancellationToken) =>
        transactions.RunAsync<Application>(async token =>
        {
            var found = await family.FindByNumberAsync(command.ApplicationNumber, command.Signature.Signer, token);
            if (!found.IsSuccess)
                return found.Error!;
            var application = found.Value;
            // The request before is tracked, so that it is replaced rather than added to (and a withdrawal knows there is one).
            await db.TransferChoices.Where(r => r.ApplicationId == application.Id).LoadAsync(token);
            // First whether the region transfers at all (its lifecycle in force), then only a child enrolled by a direction. A request
            // made while it did may always be withdrawn (an empty list), so that nothing the family signed is stuck.
            var withdrawing = command.KindergartenIds.Count == 0 && application.TransferChoices.Count > 0;
            if (!withdrawing && transfers.RefusalFor(application) is { } notNow)
                return notNow;
            var ids = command.KindergartenIds.ToList();
            if (KindergartenList.Refusal(ids, rules.For(application.RegionCode).RuleSet.Policy.MaxRankedKindergartens) is { } refused)
                return refused;
            if (application.EnrolledDirection is { } enrolled && ids.Contains(enrolled.KindergartenId))
                return Error.Of(ErrorCodes.TransferToOwnKindergarten, ("field", "kindergartenIds"), ("kindergarten", enrolled.KindergartenId.ToString()));
            if (await KindergartenList.OutsideRegionAsync(db, ids, application.RegionCode, token) is { } stranger)
                return stranger;
            // A kindergarten whose groups are known must have one of the child's year (one entered before groups were kept: any).
            var groups = await db.KindergartenGroups.AsNoTracking().Where(g => ids.Contains(g.KindergartenId))
                .Select(g => new { g.KindergartenId, g.GroupYear }).ToListAsync(token);
            if (ids.FirstOrDefault(id => groups.Any(g => g.KindergartenId == id) && !groups.Any(g => g.KindergartenId == id && g.GroupYear == application.GroupYear))
                    is var noGroup && noGroup != Guid.Empty)
                return Error.Of(ErrorCodes.TransferGroupNotOffered, ("field", "kindergartenIds"), ("kindergarten", noGroup.ToString()),
                    ("groupYear", application.GroupYear.ToString(CultureInfo.InvariantCulture)));

            application.RequestTransfer(ids, command.Signature.Signer, clock.GetUtcNow().UtcDateTime, command.Signature.SignedXml,
                command.Signature.RevocationEvidence);
            await db.SaveChangesAsync(token);
            return await command.Signature.SpendNonce(token) ? application : Error.Of(ErrorCodes.NonceInvalid);
        }, cancellationToken);
}
