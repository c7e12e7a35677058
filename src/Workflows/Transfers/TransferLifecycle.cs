using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Transfers;

/// <summary>
/// Whether a region transfers at all: its lifecycle in force must have the <c>Transfer</c> trigger (the built-in
/// <c>direction</c> lifecycle has it since transfers were built; an older stored version and the voucher lifecycle do not).
/// Asked before anything else by the request, the run and the card's available actions, so that a family never signs a request
/// that cannot be met and an operator never starts an empty run (docs/allocation.md, "Operations").
/// </summary>
public sealed class TransferLifecycle(WorkflowCatalog workflows, RuleSetCatalog rules)
{
    /// <summary>Null when the region's lifecycle transfers; else why not, with the lifecycle's name and version in force.</summary>
    public Error? Refusal(string regionCode)
    {
        var name = rules.For(regionCode).RuleSet.Policy.Lifecycle;
        var active = workflows.Active(name);
        return active.Definition.Transitions.Any(t => t.Trigger == Triggers.Transfer)
            ? null
            : Error.Of(ErrorCodes.TransferNotInLifecycle, ("lifecycle", name), ("version", active.Version.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Null when this application may be transferred now (enrolled by a direction, its state has <c>Transfer</c>); else why not.</summary>
    public Error? RefusalFor(Application application) =>
        Refusal(application.RegionCode)
        ?? (application.EnrolledDirection is not null
            && workflows.For(rules.For(application.RegionCode).RuleSet.Policy.Lifecycle).From(application.State).Any(t => t.Trigger == Triggers.Transfer)
                ? null
                : Error.Of(ErrorCodes.TransferNotAvailable, ("status", application.Status.ToString())));
}
