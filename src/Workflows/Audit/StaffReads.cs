using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;

namespace Kezek.Workflows.Audit;

/// <summary>
/// Staff reads of personal data are recorded: who read which applications, and when (one audit row per read, naming them).
/// A family reading its own applications is not recorded.
/// </summary>
public sealed class StaffReads(IKezekDb db, TimeProvider clock)
{
    public const string ReadApplication = "ReadApplication";
    public const string ReadJournal = "ReadJournal";

    /// <summary>Records the read when the viewer read applications not of their own family, as the staff role they hold.</summary>
    public async Task RecordAsync(Viewer viewer, IEnumerable<Application> read, string what, CancellationToken cancellationToken)
    {
        var numbers = read.Where(a => !AccessPolicy.IsFamilyMember(a, viewer.Iin)).Select(a => a.Number).ToList();
        if (numbers.Count == 0 || AccessPolicy.StaffRoleOf(viewer) is not { } role)
            return;
        var details = string.Join(",", numbers);
        db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, viewer.As(role), what,
            details.Length <= MaxDetails ? details : details[..MaxDetails]));
        await db.SaveChangesAsync(cancellationToken);
    }

    private const int MaxDetails = 2000;
}
