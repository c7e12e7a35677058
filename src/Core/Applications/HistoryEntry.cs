using Kezek.Core.Identity;

namespace Kezek.Core.Applications;

/// <summary>What happened to an application — one row per change, never edited or deleted.</summary>
public sealed class HistoryEntry
{
    internal HistoryEntry(DateTime at, Actor actor, string action, ApplicationStatus? fromStatus,
        ApplicationStatus? toStatus, string? reason, string? signedXml, string? revocationEvidence = null)
    {
        At = at;
        ActorIin = actor.Iin;
        ActorName = actor.FullName;
        ActorRole = actor.Role;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Reason = reason;
        SignedXml = signedXml;
        RevocationEvidence = signedXml is null ? null : revocationEvidence;
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private HistoryEntry()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public DateTime At { get; private set; }

    public string ActorIin { get; private set; }

    public string ActorName { get; private set; }

    public Role ActorRole { get; private set; }

    /// <summary>What was done, as a name from <see cref="HistoryActions"/>.</summary>
    public string Action { get; private set; }

    public ApplicationStatus? FromStatus { get; private set; }

    public ApplicationStatus? ToStatus { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The XML document the person signed to authorise the change, kept as it came.</summary>
    public string? SignedXml { get; private set; }

    /// <summary>
    /// What showed, when the document was signed, that the signer's certificate was not revoked: <c>OCSP:</c> and the
    /// responder's signed answer (base64), or <c>CRL</c> with the issuer and number of the CRL (and delta) that decided; null
    /// on unsigned entries, on entries written before revocation was checked, and when revocation is off.
    /// </summary>
    public string? RevocationEvidence { get; private set; }

    /// <summary>
    /// On a benefit's entries: the confirmed benefit in force after the change (None when it was rejected or lapsed); null
    /// on every other entry. The history of a queue's ranks is read from these (past queue positions).
    /// </summary>
    public BenefitCategory? Benefit { get; internal init; }

    /// <summary>On a confirmed benefit's entry: what the operator confirmed it from.</summary>
    public string? Evidence { get; internal init; }

    /// <summary>
    /// On the entries of a move between regions: the other region (the one consented to, moved to, or moved from); null on
    /// every other entry.
    /// </summary>
    public string? OtherRegionCode { get; private set; }

    /// <summary>On the entries of a move between regions: the other application (the new one, or the one moved from).</summary>
    public string? OtherApplicationNumber { get; private set; }

    /// <summary>
    /// The other side of a move, set before the entry is saved: the move-out entry is written by the transition, before the
    /// new application has its number (history is append-only once saved).
    /// </summary>
    internal void RecordMove(string otherRegionCode, string? otherApplicationNumber)
    {
        OtherRegionCode = otherRegionCode;
        OtherApplicationNumber = otherApplicationNumber;
    }

    /// <summary>This entry's hash (<see cref="HistoryChain"/>), set when it is saved; null on entries written before history was sealed.</summary>
    public string? Hash { get; private set; }

    /// <summary>The hash of the application's entry before this one (null on its first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>Links the entry to the one before and seals its content; once, as it is first saved.</summary>
    internal void Seal(string applicationNumber, string? previousHash)
    {
        if (Hash is not null)
            throw new InvalidOperationException("A history entry is sealed once.");
        PreviousHash = previousHash;
        Hash = HistoryChain.Hash(this, applicationNumber, previousHash);
    }

    /// <summary>The queue number just before the change (null when the application did not stand in the queue).</summary>
    public int? QueueNumberBefore { get; private set; }

    /// <summary>The queue number just after the change (null when the application does not stand in the queue).</summary>
    public int? QueueNumberAfter { get; private set; }

    /// <summary>Numbers are counted around the saved change, so they are set before the entry is recorded (history is append-only).</summary>
    internal void RecordQueueNumbers(int? before, int? after)
    {
        QueueNumberBefore = before;
        QueueNumberAfter = after;
    }
}

public static class HistoryActions
{
    public const string Registered = "Registered";
    public const string Attached = "Attached";
    public const string Detached = "Detached";
    public const string BenefitConfirmed = "BenefitConfirmed";
    public const string BenefitRejected = "BenefitRejected";
    public const string BenefitLapsed = "BenefitLapsed";
    public const string ContactsUpdated = "ContactsUpdated";
    public const string ChildCorrected = "ChildCorrected";

    /// <summary>The family consented, signed, to moving the application to another region (<see cref="HistoryEntry.OtherRegionCode"/>).</summary>
    public const string RegionMoveConsented = "RegionMoveConsented";

    /// <summary>The first entry of an application moved here from another region by its operator.</summary>
    public const string MovedFromRegion = "MovedFromRegion";

    /// <summary>The family ranked the kindergartens it wants, signed (<see cref="Application.RankedKindergartens"/>).</summary>
    public const string KindergartensRanked = "KindergartensRanked";

    /// <summary>The family of an enrolled child asked, signed, to move to other kindergartens (<see cref="Application.TransferChoices"/>).</summary>
    public const string TransferRequested = "TransferRequested";
}
