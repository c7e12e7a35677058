using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Queue;
using Kezek.Core.Results;
using Kezek.Core.Words;

namespace Kezek.Core.Applications;

/// <summary>Заявление: one child in one region's queue. Owns its status, its parents and its history.</summary>
public sealed class Application
{
    private readonly List<HistoryEntry> _history = [];
    private readonly List<RankedKindergarten> _rankedKindergartens = [];
    private readonly List<TransferChoice> _transferChoices = [];
    private readonly List<ApplicationParent> _parents = [];
    private readonly List<Direction> _directions = [];

    private Application(string number, string regionCode, int groupYear, Child child, Applicant applicant,
        BenefitClaim claim, DateTime now)
    {
        Number = number;
        RegionCode = regionCode;
        GroupYear = groupYear;
        Child = child;
        Applicant = applicant;
        ClaimedBenefit = claim.Category;
        BenefitDocumentType = claim.DocumentType;
        BenefitDocumentNumber = claim.DocumentNumber;
        Benefit = BenefitCategory.None;
        Status = ApplicationStatus.Queued;
        State = InitialState;
        CreatedAt = now;
        QueuedAt = now;
        LastChangedAt = now;
        SyncQueueColumns();
        Version = Guid.NewGuid();
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private Application()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public string Number { get; private set; }

    public string RegionCode { get; private set; }

    public int GroupYear { get; private set; }

    public Child Child { get; private set; }

    public Applicant Applicant { get; private set; }

    /// <summary>The benefit the applicant claimed; it counts only once an operator confirms it.</summary>
    public BenefitCategory ClaimedBenefit { get; private set; }

    /// <summary>The type of the document the claim rests on (e.g. a certificate of disability); null without a claim.</summary>
    public string? BenefitDocumentType { get; private set; }

    /// <summary>The number of that document; null without a claim.</summary>
    public string? BenefitDocumentNumber { get; private set; }

    /// <summary>The confirmed benefit that decides the place in the queue.</summary>
    public BenefitCategory Benefit { get; private set; }

    /// <summary>What the operator confirmed the benefit from (the document seen); null while no benefit is confirmed.</summary>
    public string? BenefitEvidence { get; private set; }

    /// <summary>The last day the confirmed benefit counts (region time); null when it does not lapse.</summary>
    public DateOnly? BenefitValidUntil { get; private set; }

    /// <summary>When the benefit in force was confirmed; null while none is.</summary>
    public DateTime? BenefitConfirmedAt { get; private set; }

    /// <summary>The public status, as the region's workflow maps its <see cref="State"/>.</summary>
    public ApplicationStatus Status { get; private set; }

    /// <summary>Every workflow starts here: a registered application stands in the queue.</summary>
    public const string InitialState = "Queued";

    /// <summary>The state in the region's workflow (<c>workflows/&lt;name&gt;.json</c>).</summary>
    public string State { get; private set; }

    /// <summary>The deadline of the current state (to choose, to attend, to confirm…), as given to the family; null when none runs.</summary>
    public DateTime? DeadlineAt { get; private set; }

    /// <summary>Стоп-лист: no direction may be received before this instant; null when not stop-listed.</summary>
    public DateTime? StopListedUntil { get; private set; }

    /// <summary>How many directions of this application expired unused.</summary>
    public int Expirations { get; private set; }

    /// <summary>Voucher model: the one restoration of an inactive application has been used.</summary>
    public bool Restored { get; private set; }

    /// <summary>Voucher model: the kindergarten whose waiting list the child is on (it had no free seat when chosen).</summary>
    public Guid? WaitingForKindergartenId { get; private set; }

    /// <summary>The language of instruction the family waits for in that kindergarten.</summary>
    public Language? WaitingForLanguage { get; private set; }

    /// <summary>Since when the child is on that waiting list: the list is served in this order.</summary>
    public DateTime? WaitingSince { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The time the queue orders by; kept when the application returns to the queue.</summary>
    public DateTime QueuedAt { get; private set; }

    /// <summary>When anything of the application last changed (its status, parents, directions, contacts…): set by <see cref="Touch"/>.</summary>
    public DateTime LastChangedAt { get; private set; }

    /// <summary>Derived from <see cref="Status"/>, stored so that queue numbers are an index range count.</summary>
    public bool InQueue { get; private set; }

    /// <summary>Derived from <see cref="Benefit"/> by <see cref="QueueOrder"/>, stored for the same reason.</summary>
    public int QueueRank { get; private set; }

    /// <summary>Concurrency token: a new value on every change.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>The kindergartens the family ranked, first choice first (empty when it ranked none).</summary>
    public IReadOnlyList<RankedKindergarten> RankedKindergartens => _rankedKindergartens;

    /// <summary>The kindergartens an enrolled child asked to move to (requestTransfer), first choice first; empty when none.</summary>
    public IReadOnlyList<TransferChoice> TransferChoices => _transferChoices;

    /// <summary>The hash of the last history entry (<see cref="HistoryChain"/>): the next entry links to it.</summary>
    public string? HistoryHead { get; private set; }

    /// <summary>
    /// Seals the entries about to be saved for the first time, in the order they were written, each linked to the one before;
    /// the persistence layer calls it on every save.
    /// </summary>
    public void SealHistory(IReadOnlyCollection<HistoryEntry> unsaved)
    {
        foreach (var entry in _history.Where(unsaved.Contains))
        {
            entry.Seal(Number, HistoryHead);
            HistoryHead = entry.Hash;
        }
    }

    public IReadOnlyList<ApplicationParent> Parents => _parents;

    public IReadOnlyList<Direction> Directions => _directions;

    public static Application Register(ApplicationNumber number, string regionCode, Child child, Applicant applicant,
        BenefitClaim claim, DateTime now, Actor actor, string signedXml, string? revocationEvidence = null)
    {
        var application = new Application(number.ToString(), regionCode,
            Applications.GroupYear.ForChildBornOn(child.BirthDate).Year, child, applicant, claim, now);
        application._history.Add(new HistoryEntry(now, actor, HistoryActions.Registered, null,
            ApplicationStatus.Queued, null, signedXml, revocationEvidence));
        return application;
    }

    /// <summary>
    /// Перевод в другой регион: the application the region's operator creates in the target region from a live one the
    /// family consented to move. The child, the applicant, the parents and the claimed benefit come along (a confirmed
    /// benefit does not: the target region's operator confirms its own); the queued-at time is kept only where the target
    /// region's rules allow it. The first entry names the region and the number moved from.
    /// </summary>
    internal static Application MoveIn(Application from, ApplicationNumber number, string regionCode, bool keepQueuedAt, DateTime now,
        Actor actor, string reason, string signedXml, string? revocationEvidence = null)
    {
        var application = new Application(number.ToString(), regionCode, from.GroupYear, from.Child.Copy(), from.Applicant.Copy(),
            BenefitClaim.Of(from), now);
        if (keepQueuedAt)
            application.QueuedAt = from.QueuedAt;
        foreach (var parent in from._parents)
            application._parents.Add(new ApplicationParent(parent.Iin, parent.FullName, parent.Relation, now));
        var entry = new HistoryEntry(now, actor, HistoryActions.MovedFromRegion, null, ApplicationStatus.Queued, reason, signedXml, revocationEvidence);
        entry.RecordMove(from.RegionCode, from.Number);
        application._history.Add(entry);
        return application;
    }

    /// <summary>The family consented, signed, to a move to another region; the region's operator then moves it.</summary>
    /// <summary>The family's ranking replaces the one before, signed (an empty one withdraws it).</summary>
    internal void RankKindergartens(IReadOnlyList<Guid> kindergartenIds, Actor actor, DateTime now, string signedXml, string? revocationEvidence = null)
    {
        _rankedKindergartens.Clear();
        _rankedKindergartens.AddRange(kindergartenIds.Select((id, index) => new RankedKindergarten(index + 1, id)));
        _history.Add(new HistoryEntry(now, actor, HistoryActions.KindergartensRanked, Status, Status, null, signedXml, revocationEvidence));
        LastChangedAt = now;
    }

    /// <summary>The family's transfer request replaces the one before, signed (an empty one withdraws it).</summary>
    internal void RequestTransfer(IReadOnlyList<Guid> kindergartenIds, Actor actor, DateTime now, string signedXml, string? revocationEvidence = null)
    {
        _transferChoices.Clear();
        _transferChoices.AddRange(kindergartenIds.Select((id, index) => new TransferChoice(index + 1, id, now)));
        _history.Add(new HistoryEntry(now, actor, HistoryActions.TransferRequested, Status, Status, null, signedXml, revocationEvidence));
        LastChangedAt = now;
    }

    /// <summary>
    /// After a move to <paramref name="kindergartenId"/>: only the choices the family ranked above it stay asked for (none
    /// after its first choice); those below it are worse than where the child now is.
    /// </summary>
    internal void KeepTransferChoicesAbove(Guid kindergartenId)
    {
        var reached = _transferChoices.FindIndex(c => c.KindergartenId == kindergartenId);
        if (reached >= 0)
            _transferChoices.RemoveRange(reached, _transferChoices.Count - reached);
    }

    internal void ConsentToMove(string targetRegionCode, Actor actor, DateTime now, string signedXml, string? revocationEvidence = null)
    {
        var entry = new HistoryEntry(now, actor, HistoryActions.RegionMoveConsented, Status, Status, null, signedXml, revocationEvidence);
        entry.RecordMove(targetRegionCode, null);
        _history.Add(entry);
        Touch(now);
    }

    /// <summary>Names, on the move's own entry (the transition's, not yet saved), the application it goes on as.</summary>
    internal void RecordMovedTo(string regionCode, string applicationNumber)
    {
        if (_history.LastOrDefault() is not { Id: 0 } entry)
            throw new InvalidOperationException("A move is recorded on the entry of its transition, before it is saved.");
        entry.RecordMove(regionCode, applicationNumber);
    }

    /// <summary>Whether this person may see and act on the application: the applicant or an attached parent.</summary>
    public bool IsFamilyMember(string iin) => Applicant.Iin == iin || _parents.Any(p => p.Iin == iin);

    /// <summary>The child's IIN while the application is live, else null: a unique index keeps one per child per region.</summary>
    public string? ActiveChildIin { get; private set; }

    /// <summary>Attaches the application to another legal representative's IIN (seed 002).</summary>
    public Result<ApplicationParent> AttachParent(Actor parent, Relation relation, DateTime now)
    {
        if (IsFamilyMember(parent.Iin))
            return Error.Of(ErrorCodes.AlreadyAttached, ("number", Number));
        var link = new ApplicationParent(parent.Iin, parent.FullName, relation, now);
        _parents.Add(link);
        _history.Add(new HistoryEntry(now, parent, HistoryActions.Attached, Status, Status, null, null));
        Touch(now);
        return link;
    }

    /// <summary>The region's operator corrected the child's name from the civil registry; the entry keeps the name before.</summary>
    internal void CorrectChild(Child fromRegistry, Actor actor, DateTime now, string reason, string signedXml, string? revocationEvidence = null)
    {
        var before = Child.FullName;
        Child.Correct(fromRegistry);
        _history.Add(new HistoryEntry(now, actor, HistoryActions.ChildCorrected, Status, Status, $"{reason} ({before} → {Child.FullName})", signedXml, revocationEvidence));
        Touch(now);
    }

    /// <summary>Removes an attached parent (not the applicant); false when that person was not attached.</summary>
    public bool DetachParent(string iin, Actor actor, DateTime now, string reason)
    {
        var link = _parents.FirstOrDefault(p => p.Iin == iin);
        if (link is null)
            return false;
        _parents.Remove(link);
        _history.Add(new HistoryEntry(now, actor, HistoryActions.Detached, Status, Status, reason, null));
        Touch(now);
        return true;
    }

    /// <summary>
    /// The applicant's address and additional contacts (seed 000's card), changed by the family; a history entry says who
    /// and when, not the values (they are on the card).
    /// </summary>
    public Result<Applicant> UpdateApplicantContacts(Actor actor, string? address, string? additionalPhone, string? additionalEmail, DateTime now)
    {
        var updated = Applicant.ChangeContacts(address, additionalPhone, additionalEmail);
        if (!updated.IsSuccess)
            return updated;
        _history.Add(new HistoryEntry(now, actor, HistoryActions.ContactsUpdated, Status, Status, null, null));
        Touch(now);
        return updated;
    }

    /// <summary>The direction not yet enrolled, expired or revoked, if any.</summary>
    public Direction? CurrentDirection => _directions.LastOrDefault(d => d.Status == DirectionStatus.Issued);

    /// <summary>The direction the child is enrolled by (the seat it holds in its kindergarten), if any.</summary>
    public Direction? EnrolledDirection => _directions.LastOrDefault(d => d.Status == DirectionStatus.Enrolled);

    // The state changes below are the lifecycle engine's alone (Kezek.Workflows, see InternalsVisibleTo): a use case moves an
    // application only by firing a trigger of its region's workflow, so that guards, timers and notifications always run.

    /// <summary>Moves the application along its workflow and records the change in its history.</summary>
    internal void Transition(string trigger, string toState, ApplicationStatus toStatus, Actor actor, DateTime now, string? reason,
        string? signedXml, string? revocationEvidence = null)
    {
        var from = Status;
        State = toState;
        Status = toStatus;
        _history.Add(new HistoryEntry(now, actor, trigger, from, toStatus, reason, signedXml, revocationEvidence));
        Touch(now);
    }

    /// <summary>The deadline a state's timer gives the family (null clears it).</summary>
    internal void SetDeadline(DateTime? deadline) => DeadlineAt = deadline;

    internal Direction IssueDirection(Guid id, Guid kindergartenId, Guid placeId, DateTime now, DateTime expiresAt, DateTime revokeUntil,
        DateTime extendableUntil)
    {
        var direction = new Direction(id, Id, kindergartenId, placeId, now, expiresAt, revokeUntil, extendableUntil);
        _directions.Add(direction);
        Touch(now);
        return direction;
    }

    internal void PutOnStopList(DateTime until)
    {
        StopListedUntil = until;
        Touch();
    }

    internal void TakeOffStopList()
    {
        StopListedUntil = null;
        Touch();
    }

    internal void CountExpiry()
    {
        Expirations++;
        Touch();
    }

    internal void JoinWaitingList(Guid kindergartenId, Language language, DateTime now)
    {
        WaitingForKindergartenId = kindergartenId;
        WaitingForLanguage = language;
        WaitingSince = now;
        Touch(now);
    }

    internal void LeaveWaitingList()
    {
        WaitingForKindergartenId = null;
        WaitingForLanguage = null;
        WaitingSince = null;
        Touch();
    }

    internal void MarkRestored()
    {
        Restored = true;
        Touch();
    }

    // A benefit is not a lifecycle state: the region's operator confirms or rejects it and it lapses by its own timer,
    // whatever state the application is in. Each change returns its history entry, recorded once the change is saved
    // (RecordBenefitChange, same transaction), and the rank follows the benefit (Touch).

    /// <summary>The operator confirmed a benefit from the evidence seen; it orders the queue from now on.</summary>
    internal HistoryEntry ConfirmBenefit(BenefitCategory category, string evidence, DateOnly? validUntil, Actor actor, DateTime now, string reason,
        string signedXml, string? revocationEvidence = null)
    {
        if (category == BenefitCategory.None)
            throw new ArgumentOutOfRangeException(nameof(category), "A confirmed benefit has a category.");
        Benefit = category;
        BenefitEvidence = evidence;
        BenefitValidUntil = validUntil;
        BenefitConfirmedAt = now;
        return AddBenefitEntry(HistoryActions.BenefitConfirmed, actor, now, reason, signedXml, evidence, revocationEvidence);
    }

    /// <summary>The operator rejected the claim: the claim and any benefit confirmed before are cleared.</summary>
    internal HistoryEntry RejectBenefit(Actor actor, DateTime now, string reason, string signedXml, string? revocationEvidence = null)
    {
        ClaimedBenefit = BenefitCategory.None;
        BenefitDocumentType = null;
        BenefitDocumentNumber = null;
        ClearBenefit();
        return AddBenefitEntry(HistoryActions.BenefitRejected, actor, now, reason, signedXml, null, revocationEvidence);
    }

    /// <summary>The benefit's validity ended: back to the general queue, at the original queued-at time.</summary>
    internal HistoryEntry LapseBenefit(DateTime now)
    {
        ClearBenefit();
        return AddBenefitEntry(HistoryActions.BenefitLapsed, Actor.System, now, null, null, null);
    }

    private void ClearBenefit()
    {
        Benefit = BenefitCategory.None;
        BenefitEvidence = null;
        BenefitValidUntil = null;
        BenefitConfirmedAt = null;
    }

    /// <summary>
    /// The change is saved first and its entry recorded after, in the same transaction (<see cref="RecordBenefitChange"/>):
    /// history is append-only, and the queue number after the change can only be counted on the saved queue.
    /// </summary>
    private HistoryEntry AddBenefitEntry(string action, Actor actor, DateTime now, string? reason, string? signedXml, string? evidence,
        string? revocationEvidence = null)
    {
        Touch();
        return new HistoryEntry(now, actor, action, Status, Status, reason, signedXml, revocationEvidence) { Benefit = Benefit, Evidence = evidence };
    }

    /// <summary>Records a benefit's change (its entry from the change itself) with the queue numbers before and after it.</summary>
    internal void RecordBenefitChange(HistoryEntry entry, int? queueNumberBefore, int? queueNumberAfter)
    {
        entry.RecordQueueNumbers(queueNumberBefore, queueNumberAfter);
        _history.Add(entry);
    }

    private void SyncQueueColumns()
    {
        InQueue = Status.IsInQueue();
        ActiveChildIin = Status.IsActive() ? Child.Iin : null;
        QueueRank = QueueOrder.RankOf(Benefit);
    }

    // Every change of the application passes here. The steps of a transition that carry no time of their own (the stop-list,
    // the expiry count…) run inside Transition, which has set the time already.
    private void Touch(DateTime? now = null)
    {
        if (now is { } changedAt)
            LastChangedAt = changedAt;
        SyncQueueColumns();
        Version = Guid.NewGuid();
    }
}
