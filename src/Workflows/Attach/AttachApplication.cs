using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Attach;

/// <summary>Привязка заявления к ИИН родителя (seed 002): the other parent attaches the child's applications.</summary>
public sealed record AttachApplication(string ChildIin, Actor Parent);

public sealed class AttachApplicationHandler(IKezekDb db, ICivilRegistry civilRegistry, RuleSetCatalog rules, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>Attaches every live application of the child; returns the most recent one.</summary>
    public async Task<Result<Application>> HandleAsync(AttachApplication command, CancellationToken cancellationToken)
    {
        var childIin = Iin.Parse(command.ChildIin);
        if (!childIin.IsSuccess)
            return childIin.Error!;

        // Kinship first, so that a stranger learns nothing about whether the child is queued.
        var relation = await civilRegistry.FindRelationAsync(childIin.Value, command.Parent.Iin, cancellationToken);
        if (relation is null)
            return Error.Of(ErrorCodes.NotLegalRepresentative);

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var applications = await db.Applications
                .Include(a => a.Parents)
                .Where(a => a.ActiveChildIin == childIin.Value.Value)
                .OrderByDescending(a => a.Id)
                .ToListAsync(cancellationToken);
            if (applications.Count == 0)
                return Error.Of(ErrorCodes.ApplicationNotFound);

            var now = clock.GetUtcNow().UtcDateTime;
            var attached = applications.Where(a => a.AttachParent(command.Parent, relation.Value, now).IsSuccess).ToList();
            if (attached.Count == 0)
                return Error.Of(ErrorCodes.AlreadyAttached, ("number", applications[0].Number));

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var application in attached)
                    await Outbox.WriteAsync(db, application, ["attached"], rules.For(application.RegionCode).RuleSet.Policy, null, null, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return attached[0];
            }
            catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || db.IsUniqueViolation(exception))
            {
                // Someone changed the application (or attached the same parent) meanwhile: read it again.
                await transaction.RollbackAsync(cancellationToken);
                db.DiscardChanges();
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }
}
