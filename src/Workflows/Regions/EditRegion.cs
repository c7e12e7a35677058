using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>An administrator creates a region or edits its names and support contacts (its code stays).</summary>
public sealed record EditRegion(RegionDraft Region, SaveMode Mode, Viewer Viewer);

public sealed class EditRegionHandler(IKezekDb db, ReferenceEditor editor, TimeProvider clock)
{
    public async Task<Result<Region>> HandleAsync(EditRegion command, CancellationToken cancellationToken)
    {
        editor.Reset();
        var administrator = AccessPolicy.AsAdministrator(command.Viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var saved = await editor.SaveRegionAsync(command.Region, administrator.Value, command.Mode, clock.GetUtcNow().UtcDateTime, "",
            cancellationToken);
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
            return Error.Of(ErrorCodes.DuplicateRegion, ("region", command.Region.Code));
        }

        return saved.Value;
    }
}
