namespace Kezek.Core.Applications;

public enum ApplicationStatus
{
    /// <summary>В очереди.</summary>
    Queued,

    /// <summary>Направлено уведомление: the turn has come, a choice is awaited.</summary>
    Notified,

    /// <summary>Принято решение (Выдано направление).</summary>
    DirectionIssued,

    /// <summary>Зачислен.</summary>
    Enrolled,

    /// <summary>Voucher model: not confirmed in time, may be restored once.</summary>
    Inactive,

    /// <summary>Снят с очереди by the rules (second expiry, voucher refused).</summary>
    Removed,

    /// <summary>Снят с очереди at the applicant's request.</summary>
    Withdrawn,
}

public static class ApplicationStatuses
{
    /// <summary>Statuses in which the application holds a place in the queue and is counted for numbers.</summary>
    public static bool IsInQueue(this ApplicationStatus status) =>
        status is ApplicationStatus.Queued or ApplicationStatus.Notified;

    /// <summary>Statuses in which the child has a live application (one per child per region).</summary>
    public static bool IsActive(this ApplicationStatus status) =>
        status is not (ApplicationStatus.Enrolled or ApplicationStatus.Removed or ApplicationStatus.Withdrawn);

    public static readonly IReadOnlyList<ApplicationStatus> Active =
        [.. Enum.GetValues<ApplicationStatus>().Where(s => s.IsActive())];
}
