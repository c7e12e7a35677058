using Kezek.Core.Applications;
using Kezek.Workflows.Persistence;

namespace Kezek.Workflows.Transfers;

/// <summary>
/// A direction a transfer run issues is not a turn of the queue: the child already had its seat. It is told by the
/// application's earlier direction ended as <see cref="DirectionStatus.Transferred"/> at or before its issue (the move ends
/// the old one and issues the new one at the same instant). The waiting-time forecast and the public activity count turns only.
/// </summary>
public static class TransferDirections
{
    /// <summary>The directions that were turns: not issued by a transfer.</summary>
    public static IQueryable<Direction> NotByTransfer(this IQueryable<Direction> directions, IKezekDb db) =>
        directions.Where(d => !db.Directions.Any(t => t.ApplicationId == d.ApplicationId && t.Id != d.Id && t.Status == DirectionStatus.Transferred
                                                      && t.EndedAt != null && t.EndedAt <= d.IssuedAt));
}
