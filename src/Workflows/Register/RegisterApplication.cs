using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Documents;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Regions;
using Kezek.Core.Results;
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
    string SignedXml);

public sealed class RegisterApplicationHandler(IKezekDb db, ICivilRegistry civilRegistry, RuleSetCatalog rules, IDocumentRenderer documents,
    TimeProvider clock)
{
    private const int Attempts = 3;

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
        var (region, child, applicant) = prepared.Value;

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // After a lost race, the duplicate check tells a second registration of the child from a number clash.
            if (attempt > 1 && await HasActiveApplicationAsync(region.Code, child.Iin, cancellationToken))
                return Error.Of(ErrorCodes.DuplicateApplication);

            var now = clock.GetUtcNow().UtcDateTime;
            var policy = rules.For(region.Code).RuleSet.Policy;
            var year = policy.ToLocal(now).Year;
            int sequence;
            try
            {
                // The number is taken in a short transaction of its own, as a database sequence hands out values: the
                // region's counter row is not locked while the documents render, which made every registration of a
                // region wait for the one before (measured: 35 registrations a second). A registration that fails
                // after this leaves a gap in the numbers, never a duplicate.
                sequence = await NextSequenceAsync(region.Code, year, cancellationToken);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                // The region's first number of the year, taken by another registration at the same moment.
                db.DiscardChanges();
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var number = new ApplicationNumber(policy.NumberPrefix, year, sequence, 1);
                var application = Application.Register(number, region.Code, child, applicant,
                    command.BenefitCategory, now, command.Applicant, command.SignedXml);
                db.Applications.Add(application);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var kind in DocumentIssuer.AtRegistration)
                    await DocumentIssuer.IssueAsync(db, documents, application, kind, null, policy, now, cancellationToken);
                // A parent who did not give an e-mail at sign-in is written to at the one of the application.
                if (!await db.ContactPreferences.AnyAsync(p => p.Iin == applicant.Iin, cancellationToken))
                    db.ContactPreferences.Add(new Kezek.Core.People.ContactPreferences(applicant.Iin, applicant.Email, "ru", now));
                await Outbox.WriteAsync(db, application, ["registered"], policy, null, null, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return application;
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                // Another registration won a race (same child, or the region's first number of the year).
                await transaction.RollbackAsync(cancellationToken);
                db.DiscardChanges();
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }

    private sealed record Prepared(Region Region, Child Child, Applicant Applicant);

    private async Task<Result<Prepared>> PrepareAsync(RegisterApplication command, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == command.RegionCode, cancellationToken);
        if (region is null)
            return Error.Of(ErrorCodes.UnknownRegion, ("region", command.RegionCode));

        var childIin = Iin.Parse(command.ChildIin);
        if (!childIin.IsSuccess)
            return childIin.Error!;

        // Kinship first, with one answer for "no such child" and "not your child": a signed-in stranger
        // must not learn from us whether a child exists in the civil registry.
        if (await civilRegistry.FindRelationAsync(childIin.Value, command.Applicant.Iin, cancellationToken) is null)
            return Error.Of(ErrorCodes.NotLegalRepresentative);
        var registered = await civilRegistry.FindChildAsync(childIin.Value, cancellationToken);
        if (registered is null)
            return Error.Of(ErrorCodes.ChildNotFound);

        var today = DateOnly.FromDateTime(rules.For(region.Code).RuleSet.Policy.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);
        var child = Child.Create(childIin.Value, registered.FullName, registered.BirthDate);
        if (!child.IsSuccess)
            return child.Error!;
        if (!child.Value.MayQueueOn(today))
            return Error.Of(ErrorCodes.ChildAgeOutOfRange);

        var applicant = Applicant.Create(Iin.FromTrustedSource(command.Applicant.Iin), command.Applicant.FullName,
            command.Phone, command.Email);
        if (!applicant.IsSuccess)
            return applicant.Error!;
        if (await HasActiveApplicationAsync(region.Code, child.Value.Iin, cancellationToken))
            return Error.Of(ErrorCodes.DuplicateApplication);

        return new Prepared(region, child.Value, applicant.Value);
    }


    private Task<bool> HasActiveApplicationAsync(string regionCode, string childIin, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(a => a.RegionCode == regionCode && a.ActiveChildIin == childIin, cancellationToken);

    /// <summary>
    /// Takes the next number in a transaction of its own: the update locks the counter row for two round trips (the
    /// increment and the read of it), not for the whole registration.
    /// </summary>
    private async Task<int> NextSequenceAsync(string regionCode, int year, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.NumberSequences
            .Where(s => s.RegionCode == regionCode && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + 1), cancellationToken);
        int sequence;
        if (updated == 0)
        {
            db.NumberSequences.Add(new NumberSequence(regionCode, year, 1));
            await db.SaveChangesAsync(cancellationToken);
            sequence = 1;
        }
        else
        {
            sequence = await db.NumberSequences.AsNoTracking()
                .Where(s => s.RegionCode == regionCode && s.Year == year)
                .Select(s => s.LastValue)
                .SingleAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }
}
