namespace Kezek.Core.Regions;

/// <summary>
/// One version of a region's rule set, as activated: the newest version of a region is the one in force.
/// Never edited; the files in <c>rules/</c> seed version 1.
/// </summary>
public sealed class RuleSetVersion
{
    public RuleSetVersion(string regionCode, int version, string json, string activatedByIin, DateTime activatedAt, string reason)
    {
        RegionCode = regionCode;
        Version = version;
        Json = json;
        ActivatedByIin = activatedByIin;
        ActivatedAt = activatedAt;
        Reason = reason;
    }

    /// <summary>The rule set's name: a region's code, or "default" for the regions without one of their own.</summary>
    public string RegionCode { get; private set; }

    public int Version { get; private set; }

    public string Json { get; private set; }

    /// <summary>"system" for the versions seeded from the repository's files.</summary>
    public string ActivatedByIin { get; private set; }

    public DateTime ActivatedAt { get; private set; }

    public string Reason { get; private set; }
}
