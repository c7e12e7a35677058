namespace Kezek.Core.Applications;

/// <summary>
/// One kindergarten a family ranked for its application (1 is the first choice). A region whose seats are allocated by
/// a run (a release window or the annual intake) serves each family its highest-ranked kindergarten it can have.
/// </summary>
public sealed class RankedKindergarten
{
    internal RankedKindergarten(int rank, Guid kindergartenId)
    {
        Rank = rank;
        KindergartenId = kindergartenId;
    }

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public int Rank { get; private set; }

    public Guid KindergartenId { get; private set; }
}
