using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>
/// An administrator, or an operator of the region, creates a kindergarten or edits it. An edit names the kindergarten by
/// its id and keeps its BIN and region (staff roles and seats are bound to them).
/// </summary>
public sealed record EditKindergarten(Guid? Id, KindergartenDraft Kindergarten, Viewer Viewer);

public sealed class EditKindergartenHandler(IKezekDb db, ReferenceEditor editor, TimeProvider clock)
{
    public async Task<Result<Kindergarten>> HandleAsync(EditKindergarten command, CancellationToken cancellationToken)
    {
        editor.Reset();
        var draft = command.Kindergarten;
        if (command.Id is { } id)
        {
            var existing = await db.Kindergartens.AsNoTracking().Where(k => k.Id == id).Select(k => new { k.Bin, k.RegionCode })
                .SingleOrDefaultAsync(cancellationToken);
            if (existing is null)
                return Error.Of(ErrorCodes.UnknownKindergarten, ("bin", id.ToString()));
            draft = draft with { Bin = existing.Bin, Region = existing.RegionCode };
        }

        var saved = await editor.SaveKindergartenAsync(draft, command.Viewer, command.Id is null ? SaveMode.Create : SaveMode.Update,
            clock.GetUtcNow().UtcDateTime, "", cancellationToken);
        if (!saved.IsSuccess)
        {
            db.DiscardChanges();
            return saved.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
            return Error.Of(ErrorCodes.DuplicateBin, ("bin", draft.Bin));
        }

        return saved.Value;
    }
}
