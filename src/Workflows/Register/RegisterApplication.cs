using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Documents;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Documents;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Register;

/// <summary>Постановка на очередь: the signer puts their child in a region's queue.</summary>
public sealed record RegisterApplication(
    string RegionCode,
    string ChildIin,
    BenefitCategory BenefitCategory,
    string Email,
    string Phone,
    Actor Applicant,
    string SignedXml,
    string? BenefitDocumentType = null,
    string? BenefitDocumentNumber = null,
    string? RevocationEvidence = null,
    Func<CancellationToken, Task<bool>>? SpendNonce = null);

public sealed class RegisterApplicationHandler(IKezekDb db, ICivilRegistry civilRegistry, RuleSetCatalog rules,
    QueueEntries entries, TimeProvider clock)
{
    /// <summary>
    /// Checks (reading nothing twice), then in one transaction spends the signed action's nonce (<see cref="RegisterApplication.SpendNonce"/>,
    /// when signed), takes the region's next number and writes the application, its history, its documents' facts, the
    /// parent's contact preferences and the outbox. A refusal leaves the nonce unspent: the parent fixes the input and
    /// signs again with the same nonce.
    /// </summary>
    public async Task<Result<Application>> HandleAsync(RegisterApplication command, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(command, cancellationToken);
        if (!prepared.IsSuccess)
            return prepared.Error!;
        var (region, child, applicant, claim) = prepared.Value;

        return await entries.EnterAsync<Application>(region.Code, child.Iin, async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var policy = rules.For(region.Code).RuleSet.Policy;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (command.SpendNonce is { } spend && !await spend(token))
                return Error.Of(ErrorCodes.NonceInvalid);
            // Taken inside the registration's transaction, so that numbers run on without gaps: the counter row stays locked
            // until the commit, and a region's registrations take their numbers one after another.
            var number = await entries.NextNumberAsync(region.Code, policy.NumberPrefix, policy.ToLocal(now).Year, token);
            var application = Application.Register(number, region.Code, child, applicant,
                claim, now, command.Applicant, command.SignedXml, command.RevocationEvidence);
            db.Applications.Add(application);
            await db.SaveChangesAsync(token);
            foreach (var kind in DocumentIssuer.AtRegistration)
                await DocumentIssuer.IssueAsync(db, application, kind, null, policy, now, token);
            // A parent who did not give an e-mail at sign-in is written to at the one of the application. The one read
            // tells both whether the parent has preferences and the language the outbox writes in (a new application's
            // family is its applicant alone).
            var language = await db.ContactPreferences.AsNoTracking().Where(p => p.Iin == applicant.Iin)
                .Select(p => (Language?)p.Language).FirstOrDefaultAsync(token);
            if (language is null)
                db.ContactPreferences.Add(new Kezek.Core.People.ContactPreferences(applicant.Iin, applicant.Email, Language.Ru, now));
            await Outbox.WriteAsync(db, application, ["registered"], policy, null, null, now, token,
                languages: new Dictionary<string, Language> { [applicant.Iin] = language ?? Language.Ru });
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return application;
        }, cancellationToken);
    }

    private sealed record Prepared(Region Region, Child Child, Applicant Applicant, BenefitClaim Claim);

    private async Task<Result<Prepared>> PrepareAsync(RegisterApplication command, CancellationToken cancellationToken)
    {
        // The region and whether the child already has a live application there, in one statement (the duplicate is
        // answered after the other checks, as before).
        var childIin = Iin.Parse(command.ChildIin);
        var liveIin = childIin.IsSuccess ? childIin.Value.Value : "";
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == command.RegionCode)
            .Select(r => new { Region = r, Duplicate = db.Applications.Any(a => a.RegionCode == r.Code && a.ActiveChildIin == liveIin) })
            .SingleOrDefaultAsync(cancellationToken);
        if (region is null)
            return Error.Of(ErrorCodes.UnknownRegion, ("region", command.RegionCode));

        if (!childIin.IsSuccess)
            return childIin.Error!;
        var claim = BenefitClaim.Create(command.BenefitCategory, command.BenefitDocumentType, command.BenefitDocumentNumber);
        if (!claim.IsSuccess)
            return claim.Error!;

        // Kinship first, with one answer for "no such child" and "not your child": a signed-in stranger
        // must not learn from us whether a child exists in the civil registry.
        var (relation, registered) = await civilRegistry.FindChildOfAsync(childIin.Value, command.Applicant.Iin, cancellationToken);
        if (relation is null)
            return Error.Of(ErrorCodes.NotLegalRepresentative);
        if (registered is null)
            return Error.Of(ErrorCodes.ChildNotFound);

        var policy = rules.For(region.Region.Code).RuleSet.Policy;
        var today = policy.Today(clock.GetUtcNow().UtcDateTime);
        var child = Child.Create(childIin.Value, registered.FullName, registered.BirthDate);
        if (!child.IsSuccess)
            return child.Error!;
        if (!child.Value.MayQueueOn(today, policy.MaxAgeMonths))
            return Error.Of(ErrorCodes.ChildAgeOutOfRange);

        var applicant = Applicant.Create(Iin.FromTrustedSource(command.Applicant.Iin), command.Applicant.FullName,
            command.Phone, command.Email);
        if (!applicant.IsSuccess)
            return applicant.Error!;
        if (region.Duplicate)
            return Error.Of(ErrorCodes.DuplicateApplication);

        return new Prepared(region.Region, child.Value, applicant.Value, claim.Value);
    }
}
