namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// The triggers Kezek fires: by the family's signed actions, by staff, by the turn, and by timers. A workflow
/// definition may use any of them; a trigger outside this list could never be fired, so it is refused.
/// </summary>
public static class Triggers
{
    public const string TurnCame = nameof(TurnCame);
    public const string Choose = nameof(Choose);
    public const string Enroll = nameof(Enroll);

    /// <summary>Staff refuse to enrol (the child did not come or brought no documents): the direction ends like an expiry.</summary>
    public const string RefuseEnrollment = nameof(RefuseEnrollment);
    public const string Extend = nameof(Extend);
    public const string Revoke = nameof(Revoke);
    public const string Withdraw = nameof(Withdraw);
    public const string ConfirmVoucher = nameof(ConfirmVoucher);
    public const string RefuseVoucher = nameof(RefuseVoucher);
    public const string Restore = nameof(Restore);

    /// <summary>The region's operator puts a wrongly removed or withdrawn application back in the queue at its original place.</summary>
    public const string OperatorRestore = nameof(OperatorRestore);

    /// <summary>The region's operator moves a queued application to another region, with the family's signed consent.</summary>
    public const string MoveToRegion = nameof(MoveToRegion);

    /// <summary>Voucher model: the chosen kindergarten has no free seat; the child goes on its waiting list (fired by the choice).</summary>
    public const string WaitForPlace = nameof(WaitForPlace);

    /// <summary>A seat came free in the kindergarten whose waiting list the child heads (fired by Kezek).</summary>
    public const string PlaceFreed = nameof(PlaceFreed);

    /// <summary>A release window's run gave the application a seat (fired by Kezek at the window's close; docs/allocation.md).</summary>
    public const string Allocate = nameof(Allocate);

    /// <summary>A transfer run moved an enrolled child to a kindergarten its family asked for (fired by the run; docs/allocation.md).</summary>
    public const string Transfer = nameof(Transfer);

    /// <summary>Timers' triggers: fired only by the sweep when a state's deadline passes.</summary>
    public const string ChoiceMissed = nameof(ChoiceMissed);
    public const string Expire = nameof(Expire);
    public const string StopListEnded = nameof(StopListEnded);
    public const string ConfirmMissed = nameof(ConfirmMissed);
    public const string ContractMissed = nameof(ContractMissed);
    public const string RestoreExpired = nameof(RestoreExpired);

    /// <summary>What a family member may do, in the order the portal shows the buttons.</summary>
    public static readonly IReadOnlyList<string> FamilyActions = [Choose, Extend, Revoke, Withdraw, ConfirmVoucher, RefuseVoucher, Restore];

    public static readonly IReadOnlyList<string> TimerTriggers = [ChoiceMissed, Expire, StopListEnded, ConfirmMissed, ContractMissed, RestoreExpired];

    public static readonly IReadOnlySet<string> All = new HashSet<string>([TurnCame, Enroll, RefuseEnrollment, OperatorRestore, MoveToRegion, WaitForPlace, PlaceFreed, Allocate, Transfer, .. FamilyActions, .. TimerTriggers],
        StringComparer.Ordinal);
}
