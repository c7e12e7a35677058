using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Places;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Places;

/// <summary>Публикация свободных мест: by the kindergarten's staff, or an operator of its region.</summary>
public sealed record PublishPlaces(Guid KindergartenId, int GroupYear, Language Language, int Count, PlaceMode Mode, Viewer Viewer);

/// <summary>What was published, and the kindergarten's free seats after it.</summary>
public sealed record PublishedPlaces(Kindergarten Kindergarten, int Published, int Notified, IReadOnlyList<FreePlace> FreePlaces);

public sealed class PublishPlacesHandler(IKezekDb db, Turns turns, WaitingLists waitingLists, Transactions transactions, RuleSetCatalog rules,
    FreePlaces freePlaces, TimeProvider clock, Windows.ReleaseWindows windows)
{
    public const int MaxCount = 10_000;

    public async Task<Result<PublishedPlaces>> HandleAsync(PublishPlaces command, CancellationToken cancellationToken)
    {
        var kindergarten = await db.Kindergartens.AsNoTracking().SingleOrDefaultAsync(k => k.Id == command.KindergartenId, cancellationToken);
        if (kindergarten is null)
            return Error.Of(ErrorCodes.UnknownKindergarten, ("bin", command.KindergartenId.ToString()));
        if (AccessPolicy.ForKindergarten(command.Viewer, kindergarten) is not { } actor)
            return Error.Of(ErrorCodes.Forbidden);
        if (command.Count is < 1 or > MaxCount)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "count"));
        if (command.Mode == PlaceMode.Window)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "mode"));
        if (!kindergarten.Teaches(command.Language))
            return Error.Of(ErrorCodes.LanguageNotTaught, ("language", command.Language.Code));
        var policy = rules.For(kindergarten.RegionCode).RuleSet.Policy;
        var today = policy.Today(clock.GetUtcNow().UtcDateTime);
        if (command.GroupYear > today.Year || command.GroupYear < Child.OldestGroupYear(today, policy.MaxAgeMonths))
            return Error.Of(ErrorCodes.InvalidGroupYear);
        // A kindergarten whose groups are known takes seats only for one of them (one entered before groups were kept: any).
        var groups = await db.KindergartenGroups.AsNoTracking().Where(g => g.KindergartenId == kindergarten.Id)
            .Select(g => new { g.GroupYear, g.Language }).ToListAsync(cancellationToken);
        if (groups.Count > 0 && !groups.Any(g => g.GroupYear == command.GroupYear && g.Language == command.Language.Code))
            return Error.Of(ErrorCodes.GroupNotOffered, ("groupYear", command.GroupYear.ToString(CultureInfo.InvariantCulture)),
                ("language", command.Language.Code));

        // An application in line that changes meanwhile (it chose a free seat, it was withdrawn) makes the count start again.
        var published = await transactions.RunAsync<(int Published, int Notified)>(async token =>
        {
            // A region that allocates by release windows: queue seats join the open window, nobody's turn comes now.
            if (command.Mode == PlaceMode.Queue && policy.AllocatesByWindow)
            {
                db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, actor, "PublishPlaces", string.Create(CultureInfo.InvariantCulture,
                    $"kindergarten={kindergarten.Bin} groupYear={command.GroupYear} language={command.Language} count={command.Count} mode=Window")));
                return (command.Count, await windows.PublishAsync(kindergarten, command.GroupYear, command.Language, command.Count, token));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < command.Count; i++)
                db.Places.Add(new Place(Guid.NewGuid(), kindergarten.Id, kindergarten.RegionCode, command.GroupYear, command.Language, command.Mode, now));
            db.StaffActions.Add(new StaffAction(now, actor, "PublishPlaces", string.Create(CultureInfo.InvariantCulture,
                $"kindergarten={kindergarten.Bin} groupYear={command.GroupYear} language={command.Language} count={command.Count} mode={command.Mode}")));
            await db.SaveInBulkAsync(token);
            // Children waiting for this kindergarten (voucher regions) come first; then the turn of the queue.
            await waitingLists.ServeAsync(kindergarten.Id, token);
            await db.SaveChangesAsync(token);
            var notified = command.Mode == PlaceMode.Queue ? await turns.OfferAsync(kindergarten.RegionCode, command.GroupYear, token) : 0;
            await db.SaveInBulkAsync(token);
            return (command.Count, notified);
        }, cancellationToken);
        if (!published.IsSuccess)
            return published.Error!;
        var free = await freePlaces.ListAsync(kindergarten.RegionCode,
            new FreePlaceFilter(command.GroupYear, Ownerships: FreePlaceFilter.Any, KindergartenId: kindergarten.Id), cancellationToken);
        if (!free.IsSuccess)
            return free.Error!;
        return new PublishedPlaces(kindergarten, published.Value.Published, published.Value.Notified, free.Value);
    }
}
