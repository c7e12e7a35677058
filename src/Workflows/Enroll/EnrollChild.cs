using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Intake;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Enroll;

/// <summary>Зачисление: the kindergarten's staff (or an operator of the region) enrol a child who came with a direction.</summary>
public sealed record EnrollChild(Guid DirectionId, Viewer Viewer);

public sealed class EnrollChildHandler(KindergartenIntake intake)
{
    public Task<Result<IntakeOutcome>> HandleAsync(EnrollChild command, CancellationToken cancellationToken) =>
        intake.ActAsync(command.DirectionId, Triggers.Enroll, null, command.Viewer, cancellationToken);
}
