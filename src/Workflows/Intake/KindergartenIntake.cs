using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Workflows.Access;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Intake;

/// <summary>
/// A direction as a kindergarten's staff see it at intake: the child (name, birth date, group year), the direction and
/// the applicant's contact — nothing else of the application (no IINs, history, signed XML, other documents, queue).
/// </summary>
public sealed record IntakeDirection(
    Guid DirectionId,
    Guid KindergartenId,
    string RegionCode,
    DirectionStatus Status,
    DateTime IssuedAt,
    DateTime ExpiresAt,
    DateTime? EndedAt,
    Language Language,
    string ChildFullName,
    DateOnly ChildBirthDate,
    int GroupYear,
    string ApplicantFullName,
    string ApplicantPhone,
    string ApplicantEmail);

/// <summary>
/// A staff action on a direction, done: the transition, the intake view of the direction after it, and whether the actor
/// may read the whole application (operators and administrators may; the kindergarten's staff may not).
/// </summary>
public sealed record IntakeOutcome(Transitioned Done, IntakeDirection Intake, bool MayReadApplication);

/// <summary>Приём детей: the directions to one kindergarten, and the staff actions on one of them (enrol, refuse).</summary>
public sealed class KindergartenIntake(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner, TimeProvider clock)
{
    /// <summary>A kindergarten's list is bounded: the most urgent directions first.</summary>
    public const int MaxRows = 1000;

    /// <summary>The directions to a kindergarten (of one status, or all), the last day to enrol first.</summary>
    public async Task<Result<IReadOnlyList<IntakeDirection>>> ListAsync(Guid kindergartenId, DirectionStatus? status, Viewer viewer,
        CancellationToken cancellationToken)
    {
        var kindergarten = await db.Kindergartens.AsNoTracking().SingleOrDefaultAsync(k => k.Id == kindergartenId, cancellationToken);
        if (kindergarten is null)
            return Error.Of(ErrorCodes.UnknownKindergarten, ("bin", kindergartenId.ToString()));
        if (AccessPolicy.ForKindergarten(viewer, kindergarten) is null)
            return Error.Of(ErrorCodes.Forbidden);
        var directions = db.Directions.AsNoTracking().Where(d => d.KindergartenId == kindergartenId);
        if (status is { } wanted)
            directions = directions.Where(d => d.Status == wanted);
        return await Project(directions, ordered: true).Take(MaxRows).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Fires a staff trigger (enrol, refuse) on a direction to a kindergarten the viewer acts for; staff of another
    /// kindergarten learn nothing about the direction. The action is audited.
    /// </summary>
    public async Task<Result<IntakeOutcome>> ActAsync(Guid directionId, string trigger, string? reason, Viewer viewer, CancellationToken cancellationToken)
    {
        var direction = await db.Directions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == directionId, cancellationToken);
        var kindergarten = direction is null ? null
            : await db.Kindergartens.AsNoTracking().SingleAsync(k => k.Id == direction.KindergartenId, cancellationToken);
        if (direction is null || kindergarten is null || AccessPolicy.ForKindergarten(viewer, kindergarten) is not { } actor)
            return Error.Of(ErrorCodes.DirectionNotFound);

        var done = await runner.RunAsync(async token =>
        {
            var application = await lifecycle.ForChange.SingleAsync(a => a.Id == direction.ApplicationId, token);
            if (application.CurrentDirection?.Id != direction.Id)
                return Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()));
            var fired = await lifecycle.FireAsync(application, trigger, new TransitionRequest(actor, Reason: reason), token);
            if (fired.IsSuccess)
                db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, actor, trigger, string.Create(CultureInfo.InvariantCulture,
                    $"kindergarten={kindergarten.Bin} direction={direction.Id}")));
            return fired;
        }, null, cancellationToken);
        if (!done.IsSuccess)
            return done.Error!;

        var intake = await Project(db.Directions.AsNoTracking().Where(d => d.Id == directionId)).SingleAsync(cancellationToken);
        return new IntakeOutcome(done.Value, intake, AccessPolicy.ReadsWholeApplication(actor));
    }

    private IQueryable<IntakeDirection> Project(IQueryable<Direction> directions, bool ordered = false)
    {
        var rows = from d in directions
                   join a in db.Applications on d.ApplicationId equals a.Id
                   join p in db.Places on d.PlaceId equals p.Id
                   select new { d, a, p.Language };
        if (ordered)
            rows = rows.OrderBy(r => r.d.ExpiresAt).ThenBy(r => r.d.Id);
        return rows.Select(r => new IntakeDirection(r.d.Id, r.d.KindergartenId, r.a.RegionCode, r.d.Status, r.d.IssuedAt, r.d.ExpiresAt, r.d.EndedAt,
            r.Language, r.a.Child.FullName, r.a.Child.BirthDate, r.a.GroupYear, r.a.Applicant.FullName, r.a.Applicant.Phone, r.a.Applicant.Email));
    }
}

/// <summary>Отказ в зачислении: the child did not come or brought no documents; a reason is required.</summary>
public sealed record RefuseEnrollment(Guid DirectionId, string Reason, Viewer Viewer);

public sealed class RefuseEnrollmentHandler(KindergartenIntake intake)
{
    public Task<Result<IntakeOutcome>> HandleAsync(RefuseEnrollment command, CancellationToken cancellationToken) =>
        Reason.Refusal(command.Reason) is { } refused
            ? Task.FromResult<Result<IntakeOutcome>>(refused)
            : intake.ActAsync(command.DirectionId, Triggers.RefuseEnrollment, command.Reason.Trim(), command.Viewer, cancellationToken);
}

/// <summary>The directions to a kindergarten, for its staff and the region's operators.</summary>
public sealed record ListKindergartenDirections(Guid KindergartenId, DirectionStatus? Status, Viewer Viewer);

public sealed class ListKindergartenDirectionsHandler(KindergartenIntake intake)
{
    public Task<Result<IReadOnlyList<IntakeDirection>>> HandleAsync(ListKindergartenDirections command, CancellationToken cancellationToken) =>
        intake.ListAsync(command.KindergartenId, command.Status, command.Viewer, cancellationToken);
}
