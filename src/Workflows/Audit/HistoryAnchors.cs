using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Audit;

/// <summary>A day's anchor recomputed from the history as it stands now, beside the one written that day.</summary>
public sealed record HistoryAnchorVerification(string Region, DateOnly Day, string? AnchoredHash, string RecomputedHash, int Applications)
{
    public bool Matches => AnchoredHash == RecomputedHash;
}

/// <summary>
/// The regions' daily anchors (<see cref="HistoryAnchor"/>): written for each region's day once it has ended, by whichever
/// instance comes first (a unique index keeps one), and recomputed on demand to show that no history was rewritten since.
/// </summary>
public sealed class HistoryAnchors(IKezekDb db, RuleSetCatalog rules, TimeProvider clock, ILogger<HistoryAnchors> logger)
{
    /// <summary>Writes the anchor of each region's last ended day that has none; how many were written.</summary>
    public async Task<int> AnchorEndedDaysAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var region in await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken))
        {
            var day = rules.For(region).RuleSet.Policy.Today(now).AddDays(-1);
            if (await db.HistoryAnchors.AnyAsync(a => a.RegionCode == region && a.Day == day, cancellationToken))
                continue;
            var (hash, applications) = await ComputeAsync(region, day, cancellationToken);
            db.HistoryAnchors.Add(new HistoryAnchor(region, day, hash, applications, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written++;
                // A copy outside the database: whoever ships the logs keeps the anchors too.
                logger.LogInformation("History anchor {Region} {Day}: {Hash} over {Applications} applications", region,
                    day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hash, applications);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.DiscardChanges();
            }
        }

        return written;
    }

    /// <summary>An operator of the region, or an administrator, recomputes a day's anchor and compares.</summary>
    public async Task<Result<HistoryAnchorVerification>> VerifyAsync(string region, DateOnly day, Viewer viewer, CancellationToken cancellationToken)
    {
        var auditor = AccessPolicy.AsAuditorOf(viewer, region);
        if (!auditor.IsSuccess)
            return auditor.Error!;
        if (!await db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion, ("region", region));
        // Only a day that has ended has an anchor; and no history is older than the service.
        if (day < new DateOnly(2000, 1, 1) || day >= rules.For(region).RuleSet.Policy.Today(clock.GetUtcNow().UtcDateTime))
            return Error.Of(ErrorCodes.InvalidInput, ("field", "day"));
        var anchored = await db.HistoryAnchors.AsNoTracking().Where(a => a.RegionCode == region && a.Day == day).Select(a => a.Hash)
            .SingleOrDefaultAsync(cancellationToken);
        var (hash, applications) = await ComputeAsync(region, day, cancellationToken);
        return new HistoryAnchorVerification(region, day, anchored, hash, applications);
    }

    /// <summary>
    /// SHA-256 over "number:hash" lines, in the order the applications were created (their ids), of each application's last
    /// sealed entry written before the day ended. Streamed: a region of a million applications is hashed without holding them.
    /// </summary>
    public async Task<(string Hash, int Applications)> ComputeAsync(string region, DateOnly day, CancellationToken cancellationToken)
    {
        var end = rules.For(region).RuleSet.Policy.EndOfDayUtc(day);
        var lastEntries = db.HistoryEntries.Where(h => h.At < end && h.Hash != null)
            .GroupBy(h => h.ApplicationId).Select(g => g.Max(h => h.Id));
        var heads = db.HistoryEntries.AsNoTracking().Where(h => lastEntries.Contains(h.Id))
            .Join(db.Applications.Where(a => a.RegionCode == region), h => h.ApplicationId, a => a.Id, (h, a) => new { a.Id, a.Number, h.Hash })
            .OrderBy(h => h.Id);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var applications = 0;
        await foreach (var head in heads.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{head.Number}:{head.Hash}\n"));
            applications++;
        }

        return (Convert.ToHexString(hash.GetHashAndReset()), applications);
    }
}
