using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// What the person (or Kezek) asked for with a trigger: the inputs some activities need. A transfer run names the exact seat
/// (<see cref="PlaceId"/>) and, when that seat is held by a child leaving it in the same run, that child's application
/// (<see cref="HandOverFrom"/>).
/// </summary>
public sealed record TransitionRequest(Actor Actor, string? SignedXml = null, string? Reason = null, Guid? PlaceId = null, DateOnly? Until = null,
    string? RevocationEvidence = null, bool Allocated = false, long? HandOverFrom = null)
{
    public static TransitionRequest BySystem(string? reason = null) => new(Actor.System, Reason: reason);
}

/// <summary>Everything an activity of one transition may read and change; the transition commits or rolls back whole.</summary>
public sealed class ActivityContext
{
    public required IKezekDb Db { get; init; }

    public required Application Application { get; init; }

    public required CompiledRuleSet Rules { get; init; }

    /// <summary>The facts the guards saw, before the transition.</summary>
    public required RuleFacts Facts { get; init; }

    public required TransitionRequest Request { get; init; }

    public required DateTime Now { get; init; }

    /// <summary>The status the application had before this transition.</summary>
    public required ApplicationStatus FromStatus { get; init; }

    /// <summary>The direction this transition concerns: the issued one at the start, or the one an activity issued.</summary>
    public Direction? Direction { get; set; }

    /// <summary>
    /// In a bulk run whose caller claimed the seats (<see cref="BulkClaims"/>, a window's close): the seat claimed for this
    /// application, which <c>issueDirection</c> takes as it is and <c>issueDocument</c> describes, without a statement.
    /// </summary>
    public Kezek.Core.Places.Place? ClaimedSeat { get; init; }

    /// <summary>Kindergartens the bulk run's caller read already, by id (for the documents it issues).</summary>
    public IReadOnlyDictionary<Guid, Kezek.Core.Regions.Kindergarten>? Kindergartens { get; init; }

    /// <summary>Templates to notify the family with, written after the new state's deadline is known.</summary>
    public List<string> Notifications { get; } = [];

    /// <summary>Set when a seat of the queue became unclaimed, so that the next application's turn comes.</summary>
    public bool OfferTurns { get; set; }

    /// <summary>Kindergartens where a seat came free: their waiting lists are served before the transaction ends.</summary>
    public HashSet<Guid> FreedIn { get; } = [];

    /// <summary>In a bulk run (<see cref="ApplicationLifecycle.FireManyAsync"/>): the batch's seat changes, made in one statement per queue after its transitions.</summary>
    public BulkSeatMoves? Bulk { get; init; }
}

/// <summary>The queue seats a bulk run's missed turns move to free choice, counted per queue and moved together before the batch saves.</summary>
public sealed class BulkSeatMoves
{
    public Dictionary<QueueKey, int> ToFreeChoice { get; } = [];

    public void MoveOneToFreeChoice(string regionCode, int groupYear)
    {
        var queue = new QueueKey(regionCode, groupYear);
        ToFreeChoice[queue] = ToFreeChoice.GetValueOrDefault(queue) + 1;
    }
}

/// <summary>One step of the fixed library that transitions name (<c>"activity": "releaseSeat"</c>). Small, stateless, tested alone.</summary>
public interface IActivity
{
    string Name { get; }

    /// <summary>Null when the definition's argument suits this activity, else what is wrong with it.</summary>
    string? CheckArgument(string? argument);

    /// <summary>
    /// Whether a bulk run may run this step for a batch of applications: it changes only the application in memory (or, in a
    /// bulk run, defers its one statement to <see cref="ActivityContext.Bulk"/>), and never fails.
    /// </summary>
    bool InBulk => false;

    /// <summary>
    /// Whether a bulk run may run this step for an application whose seat its caller claimed already (<see cref="BulkClaims"/>:
    /// a window's close claims a page's seats in one statement and reads their kindergartens): the step then takes that seat or
    /// writes its row without a statement of its own, and fails only when the claim is not the application's (a race: the
    /// caller retries its whole transaction). Every step that runs in bulk anyway does.
    /// </summary>
    bool InBulkWithClaimedSeat => InBulk;

    /// <summary>Does the step; an expected failure (no free seat, an extension too long) stops the whole transition.</summary>
    Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken);
}

/// <summary>An activity that the definition names without an argument.</summary>
public abstract class ActivityWithoutArgument : IActivity
{
    public abstract string Name { get; }

    public string? CheckArgument(string? argument) => argument is null ? null : "takes no argument.";

    public virtual bool InBulk => false;

    public virtual bool InBulkWithClaimedSeat => InBulk;

    public abstract Task<Core.Results.Error?> RunAsync(ActivityContext context, string? argument, CancellationToken cancellationToken);
}

/// <summary>The activities by name.</summary>
public sealed class ActivityLibrary(IEnumerable<IActivity> activities)
{
    private readonly Dictionary<string, IActivity> _byName = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public IReadOnlySet<string> Names => _byName.Keys.ToHashSet(StringComparer.Ordinal);

    public IActivity this[string name] => _byName[name];

    public string? Check(ActivityStep step) =>
        _byName.TryGetValue(step.Activity, out var activity) ? activity.CheckArgument(step.Argument) : null;

    /// <summary>The whole library, for the host and the tests.</summary>
    public static ActivityLibrary Standard() => new(
    [
        new Activities.Notify(), new Activities.IssueDirection(), new Activities.EndDirection(), new Activities.ReleaseSeat(),
        new Activities.ReleaseTurn(), new Activities.ExtendDirection(), new Activities.PutOnStopList(), new Activities.TakeOffStopList(),
        new Activities.CountExpiry(), new Activities.MarkRestored(), new Activities.IssueDocument(), new Activities.JoinWaitingList(),
        new Activities.LeaveWaitingList(), new Activities.TransferSeat(),
    ]);
}
