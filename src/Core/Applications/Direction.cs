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
}

/// <summary>Направление: a seat in a kindergarten given to an application.</summary>
public sealed class Direction
{
    public Direction(Guid id, long applicationId, Guid kindergartenId, DateTime issuedAt, DateTime expiresAt)
    {
        Id = id;
        ApplicationId = applicationId;
        KindergartenId = kindergartenId;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Status = DirectionStatus.Issued;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    public long ApplicationId { get; private set; }

    public Guid KindergartenId { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DirectionStatus Status { get; private set; }

    /// <summary>Concurrency token: changed by every state change.</summary>
    public Guid Version { get; private set; }
}
