using Kezek.Core.Identity;
using Kezek.Workflows.Access;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Notifications;

/// <summary>The signed-in person marks some of their cabinet messages read (ids as the API gives them).</summary>
public sealed record MarkNotificationsRead(Viewer Viewer, IReadOnlyCollection<string> Ids);

public sealed class MarkNotificationsReadHandler(AccessPolicy access, TimeProvider clock)
{
    /// <summary>How many messages changed: another person's, unknown and already read ones are left as they are.</summary>
    public async Task<int> HandleAsync(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        // An id that is not a number names no message.
        var ids = command.Ids.Select(id => long.TryParse(id, out var value) ? value : -1).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return await access.CabinetOf(command.Viewer)
            .Where(n => ids.Contains(n.Id) && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
