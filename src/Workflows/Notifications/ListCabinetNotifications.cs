using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.Workflows.Access;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Notifications;

/// <summary>The signed-in person's cabinet messages, newest first, optionally the unread ones only.</summary>
public sealed record ListCabinetNotifications(Viewer Viewer, bool UnreadOnly);

/// <summary>A message in the family's cabinet, with its text rendered from the same template as the e-mail and SMS.</summary>
public sealed record CabinetNotification(Notification Row, string ApplicationNumber, RenderedNotification Text);

public sealed class ListCabinetNotificationsHandler(AccessPolicy access, OutboxDispatcher dispatcher, INotificationRenderer renderer)
{
    public const int MaxListed = 100;

    public async Task<IReadOnlyList<CabinetNotification>> HandleAsync(ListCabinetNotifications query, CancellationToken cancellationToken)
    {
        var rows = access.CabinetOf(query.Viewer).AsNoTracking();
        if (query.UnreadOnly)
            rows = rows.Where(n => n.ReadAt == null);
        var list = await rows.OrderByDescending(n => n.Id).Take(MaxListed).ToListAsync(cancellationToken);
        var result = new List<CabinetNotification>(list.Count);
        foreach (var row in list)
        {
            var values = await dispatcher.ValuesAsync(row, cancellationToken);
            RenderedNotification text;
            try
            {
                text = renderer.Render(row.Template, row.Language, values);
            }
            catch (InvalidOperationException)
            {
                // One message that cannot be rendered does not hide the others: it shows by its event and number.
                text = new RenderedNotification(row.Template, "", row.Template + " " + values["applicationNumber"]);
            }

            result.Add(new CabinetNotification(row, values["applicationNumber"] ?? "", text));
        }

        return result;
    }
}
