using Kezek.Core.Applications;
using Kezek.Core.Notifications;
using Kezek.Rules.RuleSets;

namespace Kezek.Workflows.Lifecycle;

/// <summary>Who fires a trigger: a family member's signed action, staff, Kezek itself, or a state's timer.</summary>
public enum TriggerSource
{
    Family,
    Staff,
    Kezek,
    Timer,
}

public sealed record WorkflowTrigger(string Name, TriggerSource FiredBy);

/// <summary>An activity of the library: its name and, when it takes one, what its argument must be.</summary>
public sealed record WorkflowActivity(string Name, string? Argument);

/// <summary>
/// What a workflow designer builds a lifecycle from (Kezek Studio's palette): the triggers Kezek fires, the guards and
/// deadlines every region's rule set defines, the facts a timer may read, the activities of the library, the events with
/// templates to notify, and the public statuses a state maps to. The same lists the validator checks against.
/// </summary>
public sealed record WorkflowParts(IReadOnlyList<WorkflowTrigger> Triggers, IReadOnlyList<string> Guards, IReadOnlyList<string> TimerDeadlines,
    IReadOnlyList<WorkflowActivity> Activities, IReadOnlyList<string> NotificationEvents, IReadOnlyList<ApplicationStatus> Statuses);

public sealed class ReadWorkflowPartsHandler(ActivityLibrary activities, INotificationRenderer templates)
{
    private static readonly HashSet<string> StaffTriggers =
        new HashSet<string>([Triggers.Enroll, Triggers.RefuseEnrollment, Triggers.OperatorRestore, Triggers.MoveToRegion], StringComparer.Ordinal);

    public WorkflowParts Handle() => new(
        [.. Triggers.All.Order(StringComparer.Ordinal).Select(name => new WorkflowTrigger(name, SourceOf(name)))],
        RuleSetSchema.Guards,
        [.. RuleSetSchema.Deadlines, .. TimerDefinition.Facts.Order(StringComparer.Ordinal)],
        // An activity that takes no argument accepts none; otherwise its refusal of none says what it takes.
        [.. activities.Names.Order(StringComparer.Ordinal).Select(name => new WorkflowActivity(name, activities[name].CheckArgument(null)))],
        templates.Events,
        Enum.GetValues<ApplicationStatus>());

    private static TriggerSource SourceOf(string trigger) =>
        Triggers.FamilyActions.Contains(trigger) ? TriggerSource.Family
        : Triggers.TimerTriggers.Contains(trigger) ? TriggerSource.Timer
        : StaffTriggers.Contains(trigger) ? TriggerSource.Staff
        : TriggerSource.Kezek;
}
