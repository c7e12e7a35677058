namespace Kezek.Core.Identity;

public enum Role
{
    /// <summary>Anyone signed in with a valid individual certificate.</summary>
    Applicant,

    /// <summary>Staff of one kindergarten, bound to its BIN.</summary>
    KindergartenStaff,

    /// <summary>Education department operator, bound to a region.</summary>
    Operator,

    /// <summary>Changes a region's rules and workflow, bound to a region.</summary>
    PolicyOfficer,

    Administrator,

    /// <summary>Kezek itself: timers and automatic transitions.</summary>
    System,
}

/// <summary>Who did something: for history entries and audit records.</summary>
public sealed record Actor(string Iin, string FullName, Role Role)
{
    /// <summary>Kezek itself, for what the turn and the timers do.</summary>
    public static readonly Actor System = new("000000000000", "Kezek", Role.System);
}
