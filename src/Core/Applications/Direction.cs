namespace Kezek.Core.Applications;

public enum DirectionStatus
{
    /// <summary>Выдано, не зачислен.</summary>
    Issued,

    /// <summary>Зачислен.</summary>
    Enrolled,

    /// <summary>Аннулирован: not enrolled in time.</summary>
    Expired,

    /// <summary>Отозван by the applicant.</summary>
    Revoked,

    /// <summary>Отказано в зачислении: the kindergarten refused to enrol (the child did not come or brought no documents).</summary>
    Refused,

    /// <summary>Переведён: the child was enrolled here and moved to another kindergarten by a transfer run (docs/allocation.md).</summary>
    Transferred,
}

/// <summary>Направление: a seat in a kindergarten given to an application.</summary>
public sealed class Direction
{
    internal Direction(Guid id, long applicationId, Guid kindergartenId, Guid placeId, DateTime issuedAt, DateTime expiresAt, DateTime revokeUntil,
        DateTime extendableUntil)
    {
        RevokeUntil = revokeUntil;
        ExtendableUntil = extendableUntil;
        Id = id;
        ApplicationId = applicationId;
        KindergartenId = kindergartenId;
        PlaceId = placeId;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Status = DirectionStatus.Issued;
        Version = Guid.NewGuid();
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private Direction()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    public long ApplicationId { get; private set; }

    public Guid KindergartenId { get; private set; }

    /// <summary>The seat this direction holds while it is issued.</summary>
    public Guid PlaceId { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DirectionStatus Status { get; private set; }

    /// <summary>The end of the revoke window as given at issue: a later rule change never shortens it.</summary>
    public DateTime RevokeUntil { get; private set; }

    /// <summary>The latest expiry an extension could reach, as given at issue: a later rule change never shortens it.</summary>
    public DateTime ExtendableUntil { get; private set; }

    /// <summary>How many times the expiry was moved.</summary>
    public int Extensions { get; private set; }

    /// <summary>When the family was reminded that it is about to expire (once).</summary>
    public DateTime? RemindedAt { get; private set; }

    /// <summary>When it was enrolled, expired, revoked or refused; for a transferred one, when the child moved on.</summary>
    public DateTime? EndedAt { get; private set; }

    /// <summary>Concurrency token: changed by every state change.</summary>
    public Guid Version { get; private set; }

    internal void Extend(DateTime until)
    {
        ExpiresAt = until;
        Extensions++;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Enrolled, expired or revoked: the direction ends and no longer holds its seat. An enrolled one ends only as
    /// transferred (the child moved to another kindergarten), at the time of the move.
    /// </summary>
    internal void End(DirectionStatus status, DateTime now)
    {
        var allowed = status == DirectionStatus.Transferred ? Status == DirectionStatus.Enrolled : Status == DirectionStatus.Issued && status != DirectionStatus.Issued;
        if (!allowed)
            throw new InvalidOperationException($"A direction {Status} cannot become {status}.");
        Status = status;
        EndedAt = now;
        Version = Guid.NewGuid();
    }
}
