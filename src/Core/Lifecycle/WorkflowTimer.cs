namespace Kezek.Core.Lifecycle;

public enum TimerStatus
{
    /// <summary>Waiting for its due time.</summary>
    Pending,

    /// <summary>Fired: its transition committed together with this status.</summary>
    Fired,

    /// <summary>Its state was left before it was due.</summary>
    Cancelled,

    /// <summary>Due, but its transition no longer applied; recorded with the reason.</summary>
    Discarded,
}

/// <summary>What a timer belongs to.</summary>
public enum TimerKind
{
    /// <summary>A state of the application's workflow: cancelled when the application leaves the state.</summary>
    State,

    /// <summary>
    /// The end of a confirmed benefit's validity: not a lifecycle state, so the lifecycle's transitions leave it
    /// alone; a new confirmation or a rejection of the benefit cancels it.
    /// </summary>
    BenefitLapse,

    /// <summary>
    /// The close of a release window: <see cref="WorkflowTimer.ApplicationId"/> holds the window's id (no application's);
    /// the sweep runs the window's allocation once.
    /// </summary>
    WindowClose,
}

/// <summary>
/// A durable timer of an application's workflow: when the state it belongs to is still current at
/// <see cref="DueAt"/>, its trigger fires. Kept in Kezek's own tables so that it survives restarts and fires
/// once however many instances sweep.
/// </summary>
public sealed class WorkflowTimer
{
    public WorkflowTimer(long applicationId, string state, string trigger, DateTime dueAt, DateTime createdAt)
    {
        ApplicationId = applicationId;
        State = state;
        Trigger = trigger;
        DueAt = dueAt;
        CreatedAt = createdAt;
        Status = TimerStatus.Pending;
    }

    /// <summary>The state of a benefit timer, written for the readers of the table (the sweep does not compare it).</summary>
    public const string BenefitState = "Benefit";

    public const string BenefitLapseTrigger = "BenefitLapsed";

    /// <summary>A benefit that lapses at <paramref name="dueAt"/> (the end of its last day in the region's time zone).</summary>
    public static WorkflowTimer BenefitLapse(long applicationId, DateTime dueAt, DateTime createdAt) =>
        new(applicationId, BenefitState, BenefitLapseTrigger, dueAt, createdAt) { Kind = TimerKind.BenefitLapse };

    public const string WindowState = "Window";

    public const string WindowCloseTrigger = "WindowClosed";

    /// <summary>The close of release window <paramref name="windowId"/> at <paramref name="dueAt"/>.</summary>
    public static WorkflowTimer WindowClose(long windowId, DateTime dueAt, DateTime createdAt) =>
        new(windowId, WindowState, WindowCloseTrigger, dueAt, createdAt) { Kind = TimerKind.WindowClose };

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private WorkflowTimer()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public TimerKind Kind { get; private set; }

    /// <summary>The workflow state that scheduled it; it fires only while the application is still there.</summary>
    public string State { get; private set; }

    public string Trigger { get; private set; }

    public DateTime DueAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public TimerStatus Status { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>Why a due timer was discarded, or why its last attempt failed.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Attempts that failed unexpectedly (each rolled back whole); the timer is tried again later, never dropped.</summary>
    public int Failures { get; private set; }

    /// <summary>After a failed attempt: not before this instant (backing off), so that one broken timer does not hog the sweep.</summary>
    public DateTime? RetryAt { get; private set; }
}
