namespace Kezek.Core.Regions;

/// <summary>A kindergarten's capacity for one group year and one language of instruction.</summary>
public sealed class KindergartenGroup
{
    public const int MaxCapacity = 1000;

    public KindergartenGroup(Guid kindergartenId, int groupYear, string language, int capacity)
    {
        KindergartenId = kindergartenId;
        GroupYear = groupYear;
        Language = language;
        Capacity = capacity;
    }

    public Guid KindergartenId { get; private set; }

    public int GroupYear { get; private set; }

    /// <summary>"kk" or "ru".</summary>
    public string Language { get; private set; }

    /// <summary>Children the groups of this year and language hold.</summary>
    public int Capacity { get; private set; }

    internal void Resize(int capacity) => Capacity = capacity;
}
