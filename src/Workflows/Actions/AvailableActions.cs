using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Actions;

/// <summary>One action the portal may show as a button: the mutation, whether the viewer may take it now, and if not, why.</summary>
public sealed record AvailableAction(string Action, bool Allowed, Error? Refusal);

/// <summary>What the viewer may do with an application now, by its region's workflow and rules (the seeds' buttons).</summary>
public sealed class AvailableActions(ApplicationLifecycle lifecycle, TransferLifecycle transfers, IKezekDb db)
{
    /// <summary>The GraphQL mutation of each family trigger.</summary>
    public static readonly IReadOnlyDictionary<string, string> Mutations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Triggers.Choose] = "chooseKindergarten",
        [Triggers.Extend] = "extendDirection",
        [Triggers.Revoke] = "revokeDirection",
        [Triggers.Withdraw] = "withdrawApplication",
        [Triggers.ConfirmVoucher] = "confirmVoucher",
        [Triggers.RefuseVoucher] = "refuseVoucher",
        [Triggers.Restore] = "restoreApplication",
    };

    /// <summary>
    /// The transfer request of an enrolled child (not a trigger the family fires: a run fires <c>Transfer</c>), listed for an
    /// enrolled child only; refused with TRANSFER_NOT_IN_LIFECYCLE where the region's lifecycle has no transfers.
    /// </summary>
    public const string RequestTransfer = "requestTransfer";

    public async Task<IReadOnlyList<AvailableAction>> ForAsync(Application application, Viewer viewer, CancellationToken cancellationToken) =>
        (await ForManyAsync([application.Id], viewer, cancellationToken))[application.Id];

    /// <summary>
    /// The actions of several applications (a journal page): one read of the applications with their directions and
    /// parents, the free seats of their queues in one statement, then every guard evaluated in memory.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<AvailableAction>>> ForManyAsync(IReadOnlyCollection<long> applicationIds,
        Viewer viewer, CancellationToken cancellationToken)
    {
        // The guards read the directions and parents, which a journal page does not load: read the whole applications.
        var applications = await lifecycle.ForChange.AsNoTracking().AsSplitQuery().Where(a => applicationIds.Contains(a.Id))
            .ToListAsync(cancellationToken);
        var seats = await LifecycleFacts.FreeSeatsAsync(db, [.. applications.Select(a => new QueueKey(a.RegionCode, a.GroupYear)).Distinct()],
            cancellationToken);
        var actions = new Dictionary<long, IReadOnlyList<AvailableAction>>();
        foreach (var application in applications)
        {
            var places = seats[new QueueKey(application.RegionCode, application.GroupYear)].For(application.Status == ApplicationStatus.Notified);
            var of = Of(application, await lifecycle.EvaluateAsync(application, places, cancellationToken), viewer);
            if (application.EnrolledDirection is not null)
            {
                var refusal = AccessPolicy.IsFamilyMember(application, viewer.Iin) ? transfers.RefusalFor(application) : Error.Of(ErrorCodes.Forbidden);
                of.Add(new AvailableAction(RequestTransfer, refusal is null, refusal));
            }

            actions[application.Id] = of;
        }

        return actions;
    }

    private static List<AvailableAction> Of(Application application, Evaluation evaluation, Viewer viewer)
    {
        var family = AccessPolicy.IsFamilyMember(application, viewer.Iin);
        return Triggers.FamilyActions
            .Where(trigger => evaluation.Workflow.Transitions.Any(t => t.Trigger == trigger))
            .Select(trigger =>
            {
                var refusal = family ? ApplicationLifecycle.Refusal(evaluation, application, trigger) : Error.Of(ErrorCodes.Forbidden);
                // Without a free seat, a choice still puts the child on the kindergarten's waiting list where the lifecycle has one.
                if (trigger == Triggers.Choose && refusal?.Code is (ErrorCodes.NoFreePlaces or ErrorCodes.NoFreePlace)
                    && ApplicationLifecycle.Refusal(evaluation, application, Triggers.WaitForPlace) is null)
                    refusal = null;
                return new AvailableAction(Mutations[trigger], refusal is null, refusal);
            })
            .ToList();
    }
}
