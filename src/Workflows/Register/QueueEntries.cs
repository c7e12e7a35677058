using Kezek.Core.Applications;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Register;

/// <summary>
/// Entering a region's queue (a registration, or a move from another region): the region's numbers, and the rule of one
/// live application per child per region.
/// </summary>
public sealed class QueueEntries(IKezekDb db, RuleSetCatalog rules, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs <paramref name="enter"/> (a transaction that takes the region's next number and adds the application) and, when it
    /// loses a race, tells why and tries again: the child got a live application there meanwhile (<c>DUPLICATE_APPLICATION</c>),
    /// or the number is taken — regions that share a prefix (all those on the default rule set) count separately, so the
    /// counter moves past the prefix's highest number of the year and the next attempt takes a free one.
    /// </summary>
    public async Task<Result<T>> EnterAsync<T>(string regionCode, string childIin, Func<CancellationToken, Task<Result<T>>> enter,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                return await enter(cancellationToken);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.DiscardChanges();
                if (await HasLiveApplicationAsync(regionCode, childIin, cancellationToken))
                    return Error.Of(ErrorCodes.DuplicateApplication);
                var policy = rules.For(regionCode).RuleSet.Policy;
                await SkipTakenNumbersAsync(regionCode, policy.NumberPrefix, policy.ToLocal(clock.GetUtcNow().UtcDateTime).Year, cancellationToken);
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }

    public Task<bool> HasLiveApplicationAsync(string regionCode, string childIin, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(a => a.RegionCode == regionCode && a.ActiveChildIin == childIin, cancellationToken);

    /// <summary>Moves the region's counter of the year up to the highest number its prefix has in that year.</summary>
    public async Task SkipTakenNumbersAsync(string regionCode, string prefix, int year, CancellationToken cancellationToken)
    {
        var start = new ApplicationNumber(prefix, year, 0, 1).ToString()[..^"000000.1".Length];
        var highest = await db.Applications.AsNoTracking().Where(a => a.Number.StartsWith(start))
            .OrderByDescending(a => a.Number).Select(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (highest is null || ApplicationNumber.Parse(highest) is not { IsSuccess: true } parsed)
            return;
        var taken = parsed.Value.Sequence;
        if (await db.NumberSequences.AnyAsync(s => s.RegionCode == regionCode && s.Year == year, cancellationToken))
        {
            await db.NumberSequences.Where(s => s.RegionCode == regionCode && s.Year == year && s.LastValue < taken)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, taken), cancellationToken);
            return;
        }

        // The region's first number of the year clashed: its counter starts past the prefix's numbers. Should another
        // registration create the counter meanwhile, the next attempt clashes once more and comes back here.
        db.NumberSequences.Add(new NumberSequence(regionCode, year, taken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
        }
    }

    /// <summary>
    /// Takes the region's next number of the year atomically, inside the caller's transaction: the update locks the counter
    /// row until the commit, so that a region's numbers run on without gaps.
    /// </summary>
    public async Task<ApplicationNumber> NextNumberAsync(string regionCode, string prefix, int year, CancellationToken cancellationToken) =>
        new(prefix, year, await NextSequenceAsync(regionCode, year, cancellationToken), 1);

    private async Task<int> NextSequenceAsync(string regionCode, int year, CancellationToken cancellationToken)
    {
        if (await db.IncrementNumberSequenceAsync(regionCode, year, cancellationToken) is { } next)
            return next;
        db.NumberSequences.Add(new NumberSequence(regionCode, year, 1));
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }
}
