namespace Kezek.Core.Lifecycle;

/// <summary>
/// One version of a lifecycle definition, as activated: the newest version of a name is the one in force. Never
/// edited; the files in <c>workflows/</c> seed version 1.
/// </summary>
public sealed class WorkflowVersion
{
    public WorkflowVersion(string name, int version, string json, string activatedByIin, DateTime activatedAt, string reason)
    {
        Name = name;
        Version = version;
        Json = json;
        ActivatedByIin = activatedByIin;
        ActivatedAt = activatedAt;
        Reason = reason;
    }

    /// <summary>"direction", "voucher": what a region's rule set names as its lifecycle.</summary>
    public string Name { get; private set; }

    public int Version { get; private set; }

    public string Json { get; private set; }

    /// <summary>"system" for the versions seeded from the repository's files.</summary>
    public string ActivatedByIin { get; private set; }

    public DateTime ActivatedAt { get; private set; }

    public string Reason { get; private set; }
}
