using Kezek.Core.Identity;

namespace Kezek.Core.Audit;

/// <summary>A record of something staff did outside an application's history (grants, imports).</summary>
public sealed class StaffAction
{
    public StaffAction(DateTime at, Actor actor, string action, string details)
    {
        At = at;
        ActorIin = actor.Iin;
        ActorRole = actor.Role;
        Action = action;
        Details = details;
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private StaffAction()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public string ActorIin { get; private set; }

    public Role ActorRole { get; private set; }

    public string Action { get; private set; }

    /// <summary>What was done, without personal data of third parties (counts, roles, scopes).</summary>
    public string Details { get; private set; }
}
