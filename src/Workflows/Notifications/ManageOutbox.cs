using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Notifications;

/// <summary>One outbox row as an operator sees it: what was to be sent, on which channel, how it went; not the recipient.</summary>
public sealed record OutboxItem(long Id, string ApplicationNumber, string Region, string Template, Channel Channel, NotificationStatus Status,
    int Attempts, int PossibleDuplicates, string? LastError, DateTime CreatedAt, DateTime? SentAt, DateTime? NextAttemptAt);

public sealed record OutboxPage(IReadOnlyList<OutboxItem> Items, IReadOnlyDictionary<NotificationStatus, int> Counts, bool HasNextPage);

/// <summary>
/// The outbox for its operators: messages by status (counts, and a page newest first), dead letters with their error; a
/// dead letter retried (its attempts start again) or a waiting or dead one discarded, each with a reason and an audit row.
/// Operators see their regions' messages, administrators all. The dispatcher's claims are conditional updates, so a
/// retry or a discard never races a send.
/// </summary>
public sealed class ManageOutbox(IKezekDb db, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const string RetryAction = "RetryNotification";
    public const string DiscardAction = "DiscardNotification";

    public async Task<Result<OutboxPage>> ListAsync(Viewer viewer, NotificationStatus? status, string? region, int first, long? before,
        CancellationToken cancellationToken)
    {
        if (first is < 1 or > MaxPageSize)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "first"));
        var rows = Visible(viewer, region);
        if (rows is null)
            return Error.Of(ErrorCodes.Forbidden);
        var counts = await rows.GroupBy(r => r.Notification.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var page = rows.Where(r => status == null || r.Notification.Status == status).Where(r => before == null || r.Notification.Id < before)
            .OrderByDescending(r => r.Notification.Id).Take(first + 1)
            .Select(r => new OutboxItem(r.Notification.Id, r.Number, r.Region, r.Notification.Template, r.Notification.Channel, r.Notification.Status,
                r.Notification.Attempts, r.Notification.PossibleDuplicates, r.Notification.LastError, r.Notification.CreatedAt, r.Notification.SentAt,
                r.Notification.NextAttemptAt));
        var items = await page.ToListAsync(cancellationToken);
        var hasNext = items.Count > first;
        return new OutboxPage(hasNext ? items[..first] : items, counts, hasNext);
    }

    /// <summary>A dead letter goes back to the queue of messages to send, its attempts starting again.</summary>
    public Task<Result<OutboxItem>> RetryAsync(long id, string reason, Viewer viewer, CancellationToken cancellationToken) =>
        ChangeAsync(id, reason, viewer, RetryAction, NotificationStatus.Dead, notifications => notifications.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Pending).SetProperty(n => n.Attempts, 0)
            .SetProperty(n => n.NextAttemptAt, clock.GetUtcNow().UtcDateTime), cancellationToken), cancellationToken);

    /// <summary>A waiting or dead message is not to be sent.</summary>
    public Task<Result<OutboxItem>> DiscardAsync(long id, string reason, Viewer viewer, CancellationToken cancellationToken) =>
        ChangeAsync(id, reason, viewer, DiscardAction, null, notifications => notifications.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Discarded), cancellationToken), cancellationToken);

    private async Task<Result<OutboxItem>> ChangeAsync(long id, string reason, Viewer viewer, string action, NotificationStatus? from,
        Func<IQueryable<Notification>, Task<int>> change, CancellationToken cancellationToken)
    {
        if (Reason.Refusal(reason) is { } refused)
            return refused;
        var row = await (Visible(viewer, null) ?? Enumerable.Empty<Row>().AsQueryable()).SingleOrDefaultAsync(r => r.Notification.Id == id, cancellationToken);
        if (row is null)
            return Error.Of(ErrorCodes.NotificationNotFound);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changeable = db.Notifications.Where(n => n.Id == id && (from == null
            ? n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Dead
            : n.Status == from));
        if (await change(changeable) == 0)
            return Error.Of(ErrorCodes.ActionNotAvailable, ("status", row.Notification.Status.ToString()));
        var actor = AccessPolicy.StaffRoleOf(viewer) is { } role ? viewer.As(role) : viewer.AsApplicant();
        db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, actor, action, $"{id} ({row.Number}): {reason.Trim()}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var changed = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        return new OutboxItem(changed.Id, row.Number, row.Region, changed.Template, changed.Channel, changed.Status, changed.Attempts,
            changed.PossibleDuplicates, changed.LastError, changed.CreatedAt, changed.SentAt, changed.NextAttemptAt);
    }

    /// <summary>A notification with its application's number and region (member-initialised, so that queries compose over it).</summary>
    private sealed class Row
    {
        public required Notification Notification { get; init; }

        public required string Number { get; init; }

        public required string Region { get; init; }
    }

    /// <summary>The rows the viewer may see: administrators all (or one region's), operators their regions'; null for anyone else.</summary>
    private IQueryable<Row>? Visible(Viewer viewer, string? region)
    {
        var regions = viewer.IsAdministrator ? null : viewer.OperatorRegions;
        if (regions is { Count: 0 })
            return null;
        var applications = db.Applications.AsNoTracking().Where(a => (regions == null || regions.Contains(a.RegionCode)) && (region == null || a.RegionCode == region));
        return db.Notifications.AsNoTracking().Join(applications, n => n.ApplicationId, a => a.Id, (n, a) => new Row { Notification = n, Number = a.Number, Region = a.RegionCode });
    }
}
