using Kezek.Core.Audit;
using Kezek.Core.Iins;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Identity.Sessions;

/// <summary>
/// Ending every session of one person at once, on every instance (sessions are rows): by the person (signed out everywhere,
/// e.g. a shared computer), or by an administrator when a key is reported lost or stolen, with a reason and an audit row.
/// </summary>
public sealed class EndSessions(IKezekDb db, TimeProvider clock)
{
    public const string AuditAction = "EndSessions";

    /// <summary>Ends all of the viewer's own sessions, this one too; how many ended.</summary>
    public Task<int> OfViewerAsync(Viewer viewer, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Iin == viewer.Iin).ExecuteDeleteAsync(cancellationToken);

    /// <summary>An administrator ends all sessions of the person with this IIN; how many ended.</summary>
    public async Task<Result<int>> OfPersonAsync(string iin, string reason, Viewer viewer, CancellationToken cancellationToken)
    {
        var administrator = AccessPolicy.AsAdministrator(viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var person = Iin.Parse(iin);
        if (!person.IsSuccess)
            return person.Error!;
        if (Reason.Refusal(reason) is { } refused)
            return refused;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Sessions.Where(s => s.Iin == person.Value.Value).ExecuteDeleteAsync(cancellationToken);
        db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, administrator.Value, AuditAction,
            $"{person.Value.Value}: {reason.Trim()}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }
}
