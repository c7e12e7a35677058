using System.Globalization;
using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Rankings;

/// <summary>
/// The checks of a signed list of kindergartens, first choice first, that a family ranks (<see cref="RankKindergartens"/>)
/// or asks to move to (a transfer request): at most the region's maxRankedKindergartens, each once, each of the region.
/// </summary>
public static class KindergartenList
{
    /// <summary>Null when the list's length and entries are acceptable; else why not, naming the field.</summary>
    public static Error? Refusal(IReadOnlyList<Guid> ids, int max)
    {
        if (ids.Count > max)
            return Error.Of(ErrorCodes.TooManyRankedKindergartens, ("field", "kindergartenIds"), ("max", max.ToString(CultureInfo.InvariantCulture)));
        if (ids.Distinct().Count() != ids.Count || ids.Contains(Guid.Empty))
            return Error.Of(ErrorCodes.InvalidInput, ("field", "kindergartenIds"));
        return null;
    }

    /// <summary>Null when every kindergarten of the list is one of the region's (one statement); else the first that is not.</summary>
    public static async Task<Error?> OutsideRegionAsync(IKezekDb db, IReadOnlyList<Guid> ids, string regionCode, CancellationToken cancellationToken)
    {
        var inRegion = await db.Kindergartens.AsNoTracking()
            .Where(k => ids.Contains(k.Id) && k.RegionCode == regionCode).Select(k => k.Id).ToListAsync(cancellationToken);
        return ids.FirstOrDefault(id => !inRegion.Contains(id)) is var stranger && stranger != Guid.Empty
            ? Error.Of(ErrorCodes.KindergartenNotInRegion, ("field", "kindergartenIds"), ("kindergarten", stranger.ToString()))
            : null;
    }
}
