namespace Kezek.Core.Audit;

/// <summary>
/// A region's daily anchor of its history: one hash over every application's last history hash as it stood at the end of
/// that day (in the region's time), in the order the applications were created. A history rewritten whole — each entry re-hashed so that its own
/// chain holds — no longer gives the anchor's hash. Anchors are written once and never edited; each is also logged, so that
/// a copy lives outside the database.
/// </summary>
public sealed class HistoryAnchor
{
    public HistoryAnchor(string regionCode, DateOnly day, string hash, int applications, DateTime createdAt)
    {
        RegionCode = regionCode;
        Day = day;
        Hash = hash;
        Applications = applications;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The region's local day whose end the anchor covers.</summary>
    public DateOnly Day { get; private set; }

    public string Hash { get; private set; }

    /// <summary>How many applications had a history by then.</summary>
    public int Applications { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
