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
    string? RevocationEvidence = null);

public sealed class RegisterApplicationHandler(IKezekDb db, ICivilRegistry civilRegistry, RuleSetCatalog rules,
    QueueEntries entries, TimeProvider clock)
{
    /// <summary>
    /// Every check that does not write, so that a signed action can be refused before its nonce is spent:
    /// the parent fixes the input and signs again with the same nonce.
    /// </summary>
    public async Task<Error?> CheckAsync(RegisterApplication command, CancellationToken cancellationToken) =>
        (await PrepareAsync(command, cancellationToken)).Error;

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
            // Taken inside the registration's transaction, so that numbers run on without gaps: the counter row stays locked
            // until the commit, and a region's registrations take their numbers one after another.
            var number = await entries.NextNumberAsync(region.Code, policy.NumberPrefix, policy.ToLocal(now).Year, token);
            var application = Application.Register(number, region.Code, child, applicant,
                claim, now, command.Applicant, command.SignedXml, command.RevocationEvidence);
            db.Applications.Add(application);
            await db.SaveChangesAsync(token);
            foreach (var kind in DocumentIssuer.AtRegistration)
                await DocumentIssuer.IssueAsync(db, application, kind, null, policy, now, token);
            // A parent who did not give an e-mail at sign-in is written to at the one of the application.
            if (!await db.ContactPreferences.AnyAsync(p => p.Iin == applicant.Iin, token))
                db.ContactPreferences.Add(new Kezek.Core.People.ContactPreferences(applicant.Iin, applicant.Email, Language.Ru, now));
            await Outbox.WriteAsync(db, application, ["registered"], policy, null, null, now, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return application;
        }, cancellationToken);
    }

    private sealed record Prepared(Region Region, Child Child, Applicant Applicant, BenefitClaim Claim);

    private async Task<Result<Prepared>> PrepareAsync(RegisterApplication command, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == command.RegionCode, cancellationToken);
        if (region is null)
            return Error.Of(ErrorCodes.UnknownRegion, ("region", command.RegionCode));

        var childIin = Iin.Parse(command.ChildIin);
        if (!childIin.IsSuccess)
            return childIin.Error!;
        var claim = BenefitClaim.Create(command.BenefitCategory, command.BenefitDocumentType, command.BenefitDocumentNumber);
        if (!claim.IsSuccess)
            return claim.Error!;

        // Kinship first, with one answer for "no such child" and "not your child": a signed-in stranger
        // must not learn from us whether a child exists in the civil registry.
        if (await civilRegistry.FindRelationAsync(childIin.Value, command.Applicant.Iin, cancellationToken) is null)
            return Error.Of(ErrorCodes.NotLegalRepresentative);
        var registered = await civilRegistry.FindChildAsync(childIin.Value, cancellationToken);
        if (registered is null)
            return Error.Of(ErrorCodes.ChildNotFound);

        var policy = rules.For(region.Code).RuleSet.Policy;
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
        if (await entries.HasLiveApplicationAsync(region.Code, child.Value.Iin, cancellationToken))
            return Error.Of(ErrorCodes.DuplicateApplication);

        return new Prepared(region, child.Value, applicant.Value, claim.Value);
    }
}
