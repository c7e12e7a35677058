using Kezek.Core.Applications;
using Kezek.Core.Documents;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Access;

/// <summary>
/// Who may act for which family, kindergarten or region: the one place that reads a person's roles and their scope.
/// The GraphQL endpoint's coarse gate (<see cref="HoldsAny"/>) only asks whether a person holds a role at all; the use
/// cases ask this policy about the data itself. Refusals keep the data's secrets: another family's application is
/// answered like a missing one, and staff of another kindergarten learn nothing.
/// </summary>
public sealed class AccessPolicy(IKezekDb db)
{
    /// <summary>The endpoint's first gate: does the person hold any of these roles, in any scope.</summary>
    public static bool HoldsAny(Viewer viewer, IReadOnlyCollection<Role> roles) => roles.Any(role => viewer.Holds(role));

    /// <summary>The applicant, or a parent attached to the application (by the civil registry).</summary>
    /// <summary>Who may send large requests: administrators and operators, who import CSV files (registry, reference data).</summary>
    public static bool ImportsFiles(Viewer? viewer) => viewer is not null && (viewer.IsAdministrator || viewer.Holds(Role.Operator));

    public static bool IsFamilyMember(Application application, string iin) => application.IsFamilyMember(iin);

    /// <summary>An operator of this region.</summary>
    public static bool IsOperatorOf(Viewer viewer, string regionCode) => viewer.Holds(Role.Operator, regionCode);

    /// <summary>
    /// An operator of the application's region acting on it (a benefit's confirmation or rejection). Anyone else — another
    /// region's operator, an administrator, a family — is answered as if the application did not exist.
    /// </summary>
    public static Result<Actor> AsOperatorOf(Viewer viewer, Application application) =>
        IsOperatorOf(viewer, application.RegionCode) ? viewer.As(Role.Operator) : Error.Of(ErrorCodes.ApplicationNotFound);

    /// <summary>The staff role a viewer reads applications as (administrator first, then operator, staff, policy officer); null for families.</summary>
    public static Role? StaffRoleOf(Viewer viewer) =>
        new[] { Role.Administrator, Role.Operator, Role.KindergartenStaff, Role.PolicyOfficer }.Cast<Role?>()
            .FirstOrDefault(role => viewer.Roles.Any(r => r.Role == role));

    /// <summary>Who may check a region's history (verifyHistory, anchors): its operators and administrators; anyone else is refused.</summary>
    public static Result<Actor> AsAuditorOf(Viewer viewer, string regionCode) =>
        IsOperatorOf(viewer, regionCode) ? viewer.As(Role.Operator)
        : viewer.IsAdministrator ? viewer.As(Role.Administrator)
        : Error.Of(ErrorCodes.ApplicationNotFound);

    /// <summary>
    /// The person acting for a kindergarten: its own staff, an operator of its region, or an administrator; null for
    /// anyone else.
    /// </summary>
    public static Actor? ForKindergarten(Viewer viewer, Kindergarten kindergarten) =>
        viewer.StaffRoleFor(kindergarten) is { } role ? viewer.As(role) : null;

    /// <summary>
    /// Whether a person acting for a kindergarten may read the whole application: its region's operators and administrators
    /// may; the kindergarten's own staff see only what intake needs (<c>Intake.IntakeDirection</c>).
    /// </summary>
    public static bool ReadsWholeApplication(Actor actor) => actor.Role is not Role.KindergartenStaff;

    /// <summary>
    /// Exporting the journal (CSV) is for the region's operators and administrators; what they export is still only what
    /// <see cref="VisibleApplications"/> lets them see. A parent, staff of a kindergarten and policy officers may not.
    /// </summary>
    public static Result<Actor> ForJournalExport(Viewer viewer)
    {
        if (viewer.IsAdministrator)
            return viewer.As(Role.Administrator);
        return viewer.OperatorRegions.Count > 0 ? viewer.As(Role.Operator) : Error.Of(ErrorCodes.Forbidden);
    }

    /// <summary>
    /// A region's allocation run history (Kezek Studio): its operators and administrators. Anyone else — another region's
    /// operator, a policy officer, a family — is refused.
    /// </summary>
    public static Result<Actor> ForAllocationRuns(Viewer viewer, string regionCode) =>
        viewer.IsAdministrator ? viewer.As(Role.Administrator)
        : IsOperatorOf(viewer, regionCode) ? viewer.As(Role.Operator)
        : Error.Of(ErrorCodes.Forbidden);

    /// <summary>An administrator's acts (roles, the civil registry).</summary>
    public static Result<Actor> AsAdministrator(Viewer viewer) =>
        viewer.IsAdministrator ? viewer.As(Role.Administrator) : Error.Of(ErrorCodes.Forbidden);

    /// <summary>A region's reference data (its kindergartens): an administrator, or an operator of that region.</summary>
    public static Result<Actor> ForRegionReference(Viewer viewer, string regionCode)
    {
        if (viewer.IsAdministrator)
            return viewer.As(Role.Administrator);
        return IsOperatorOf(viewer, regionCode) ? viewer.As(Role.Operator) : Error.Of(ErrorCodes.Forbidden);
    }

    /// <summary>
    /// Starting a region's transfer run: an operator of that region (acting as operator, even when also an administrator),
    /// or an administrator. Another region's operator, staff of a kindergarten, a family are refused.
    /// </summary>
    public static Result<Actor> ForTransferRun(Viewer viewer, string regionCode) =>
        IsOperatorOf(viewer, regionCode) ? viewer.As(Role.Operator)
        : viewer.IsAdministrator ? viewer.As(Role.Administrator)
        : Error.Of(ErrorCodes.Forbidden);

    /// <summary>
    /// A region's policy officer for its own rule set; the default rule set, which other regions fall back on, is
    /// administrators' only.
    /// </summary>
    public static Result<Actor> ForRuleSet(Viewer viewer, string name)
    {
        if (viewer.IsAdministrator)
            return viewer.As(Role.Administrator);
        if (name != RuleSetCatalog.Default && viewer.Holds(Role.PolicyOfficer, name))
            return viewer.As(Role.PolicyOfficer);
        return Error.Of(ErrorCodes.Forbidden);
    }

    /// <summary>
    /// A lifecycle is shared by every region that runs it: an administrator may change it, and a policy officer only
    /// when every region running it is their own.
    /// </summary>
    public static Result<Actor> ForLifecycle(Viewer viewer, IReadOnlyCollection<string> regionsRunning)
    {
        if (viewer.IsAdministrator)
            return viewer.As(Role.Administrator);
        if (regionsRunning.Count > 0 && regionsRunning.All(region => viewer.Holds(Role.PolicyOfficer, region)))
            return viewer.As(Role.PolicyOfficer);
        return Error.Of(ErrorCodes.Forbidden);
    }

    /// <summary>The applications the viewer may read, as a query (nothing else is ever filtered from).</summary>
    /// <remarks>Applicants see their own and attached applications, operators their region's, administrators all.</remarks>
    public IQueryable<Application> VisibleApplications(Viewer viewer)
    {
        var applications = db.Applications.AsNoTracking();
        if (viewer.IsAdministrator)
            return applications;
        var regions = viewer.OperatorRegions;
        var iin = viewer.Iin;
        // The family's applications by two index lookups (as applicant, as attached parent) joined by UNION: an OR over
        // the two lets PostgreSQL only scan the whole table, which at a country's size is half a second per journal.
        var family = db.Applications.Where(a => a.Applicant.Iin == iin).Select(a => a.Id)
            .Union(db.ApplicationParents.Where(p => p.Iin == iin).Select(p => p.ApplicationId));
        return regions.Count == 0
            ? applications.Where(a => family.Contains(a.Id))
            : applications.Where(a => family.Contains(a.Id) || regions.Contains(a.RegionCode));
    }

    /// <summary>The person's own cabinet messages (a message is addressed to one person).</summary>
    public IQueryable<Notification> CabinetOf(Viewer viewer)
    {
        var iin = viewer.Iin;
        return db.Notifications.Where(n => n.RecipientIin == iin && n.Channel == Channel.Cabinet);
    }

    /// <summary>
    /// A document is read by its family, the region's operators, administrators, and — for a direction — the staff of
    /// its kindergarten.
    /// </summary>
    public async Task<bool> MayReadAsync(IssuedDocument document, Viewer viewer, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Parents).SingleAsync(a => a.Id == document.ApplicationId, cancellationToken);
        if (IsFamilyMember(application, viewer.Iin) || viewer.IsAdministrator || IsOperatorOf(viewer, application.RegionCode))
            return true;
        if (document.DirectionId is not { } directionId)
            return false;
        var kindergarten = await db.Directions.Where(d => d.Id == directionId)
            .Join(db.Kindergartens, d => d.KindergartenId, k => k.Id, (_, k) => k).AsNoTracking().SingleAsync(cancellationToken);
        return ForKindergarten(viewer, kindergarten) is not null;
    }
}
