using Kezek.Core.CivilRegistry;

namespace Kezek.Core.Applications;

/// <summary>Привязка к ИИН родителя: another legal representative who attached the application (seed 002).</summary>
public sealed class ApplicationParent
{
    internal ApplicationParent(string iin, string fullName, Relation relation, DateTime attachedAt)
    {
        Iin = iin;
        FullName = fullName;
        Relation = relation;
        AttachedAt = attachedAt;
    }

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public string Iin { get; private set; }

    public string FullName { get; private set; }

    public Relation Relation { get; private set; }

    public DateTime AttachedAt { get; private set; }
}
