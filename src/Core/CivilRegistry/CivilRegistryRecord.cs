namespace Kezek.Core.CivilRegistry;

public enum Relation
{
    Mother,
    Father,
    Guardian,
}

/// <summary>One child–representative link, as imported from the civil registry's CSV.</summary>
public sealed class CivilRegistryRecord
{
    public CivilRegistryRecord(string childIin, string childFullName, DateOnly childBirthDate, string parentIin,
        string parentFullName, Relation relation, DateTime importedAt)
    {
        ChildIin = childIin;
        ChildFullName = childFullName;
        ChildBirthDate = childBirthDate;
        ParentIin = parentIin;
        ParentFullName = parentFullName;
        Relation = relation;
        ImportedAt = importedAt;
    }

    public long Id { get; private set; }

    public string ChildIin { get; private set; }

    public string ChildFullName { get; private set; }

    public DateOnly ChildBirthDate { get; private set; }

    public string ParentIin { get; private set; }

    public string ParentFullName { get; private set; }

    public Relation Relation { get; private set; }

    public DateTime ImportedAt { get; private set; }

    public void Update(string childFullName, DateOnly childBirthDate, string parentFullName, Relation relation, DateTime importedAt)
    {
        ChildFullName = childFullName;
        ChildBirthDate = childBirthDate;
        ParentFullName = parentFullName;
        Relation = relation;
        ImportedAt = importedAt;
    }
}
