using Kezek.Core.Results;
using Kezek.Core.Identity;
using Kezek.Workflows.Access;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Enroll;

/// <summary>Зачисление: the kindergarten's staff (or an operator of the region) enrol a child who came with a direction.</summary>
public sealed record EnrollChild(Guid DirectionId, Viewer Viewer);

public sealed class EnrollChildHandler(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner)
{
    public async Task<Result<Transitioned>> HandleAsync(EnrollChild command, CancellationToken cancellationToken)
    {
        var direction = await db.Directions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DirectionId, cancellationToken);
        var kindergarten = direction is null ? null
            : await db.Kindergartens.AsNoTracking().SingleAsync(k => k.Id == direction.KindergartenId, cancellationToken);
        // Staff of another kindergarten learn nothing about the direction.
        if (direction is null || kindergarten is null || AccessPolicy.ForKindergarten(command.Viewer, kindergarten) is not { } actor)
            return Error.Of(ErrorCodes.DirectionNotFound);

        return await runner.RunAsync(async token =>
        {
            var application = await lifecycle.ForChange.SingleAsync(a => a.Id == direction.ApplicationId, token);
            if (application.CurrentDirection?.Id != direction.Id)
                return Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()));
            return await lifecycle.FireAsync(application, Triggers.Enroll, new TransitionRequest(actor), token);
        }, null, cancellationToken);
    }
}
