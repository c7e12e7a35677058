using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Actions;

/// <summary>
/// What the region's operator's signed actions on one application share (benefits, corrections): the reason rules and
/// finding the application by its number for an operator of its region.
/// </summary>
public static class OperatorActions
{
    /// <summary>The reason rules of a staff action (<see cref="Reason"/>); null when they hold.</summary>
    public static Error? ReasonRefusal(string? reason) => Reason.Refusal(reason);

    /// <summary>
    /// The application named by its number, tracked (from <paramref name="applications"/>), for an operator of its region;
    /// another region's operator (or anyone else) is answered exactly like a missing application.
    /// </summary>
    public static async Task<Result<(Application Application, Actor Operator)>> FindForOperatorAsync(IQueryable<Application> applications,
        string applicationNumber, Viewer viewer, CancellationToken cancellationToken)
    {
        var number = ApplicationNumber.Parse(applicationNumber);
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        var application = await applications.SingleOrDefaultAsync(a => a.Number == text, cancellationToken);
        if (application is null)
            return Error.Of(ErrorCodes.ApplicationNotFound);
        var actor = AccessPolicy.AsOperatorOf(viewer, application);
        if (!actor.IsSuccess)
            return actor.Error!;
        return (application, actor.Value);
    }
}
