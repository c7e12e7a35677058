using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Audit;

/// <summary>Проверка истории: an operator of the application's region, or an administrator, checks that its history is as written.</summary>
public sealed record VerifyHistory(string ApplicationNumber, Viewer Viewer);

/// <summary>The application's history checked: intact or not, how many entries, and the first one that does not hold.</summary>
public sealed record HistoryVerification(string ApplicationNumber, HistoryCheck Check, DateTime? BrokenEntryAt);

public sealed class VerifyHistoryHandler(IKezekDb db, TimeProvider clock)
{
    public const string AuditAction = "VerifyHistory";

    public async Task<Result<HistoryVerification>> HandleAsync(VerifyHistory command, CancellationToken cancellationToken)
    {
        var number = ApplicationNumber.Parse(command.ApplicationNumber);
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Number == text, cancellationToken);
        if (application is null)
            return Error.Of(ErrorCodes.ApplicationNotFound);
        var auditor = AccessPolicy.AsAuditorOf(command.Viewer, application.RegionCode);
        if (!auditor.IsSuccess)
            return auditor.Error!;

        var entries = await db.HistoryEntries.AsNoTracking().Where(h => h.ApplicationId == application.Id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        var check = HistoryChain.Check(application.Number, entries, application.HistoryHead);
        db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, auditor.Value, AuditAction,
            $"{application.Number}: {(check.Intact ? "intact" : $"broken at entry {check.BrokenAt} ({check.Problem})")}"));
        await db.SaveChangesAsync(cancellationToken);
        var brokenAt = check.BrokenAt is { } index && index < entries.Count ? entries[index].At : (DateTime?)null;
        return new HistoryVerification(application.Number, check, brokenAt);
    }
}
