namespace Kezek.Core.Applications;

/// <summary>
/// One kindergarten the family of an enrolled child asked to move to (перевод), 1 being the first choice. A transfer run
/// moves the child to the best of them it can have without anyone ending worse off (docs/allocation.md).
/// </summary>
public sealed class TransferChoice
{
    internal TransferChoice(int rank, Guid kindergartenId, DateTime requestedAt)
    {
        Rank = rank;
        KindergartenId = kindergartenId;
        RequestedAt = requestedAt;
    }

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public int Rank { get; private set; }

    public Guid KindergartenId { get; private set; }

    /// <summary>When the family signed the request (the same on each of its choices).</summary>
    public DateTime RequestedAt { get; private set; }
}
