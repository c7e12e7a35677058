using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kezek.Core.Allocation;
using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Places;
using Kezek.Core.Queue;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Access;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Windows;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Transfers;

/// <summary>A transfer run (перевод) for one region and group year, started by the region's operator or an administrator.</summary>
public sealed record RunTransfers(string RegionCode, int GroupYear, Viewer Viewer);

/// <summary>
/// Transfers (docs/allocation.md): every enrolled child of the region and group year whose family asked to move
/// (<see cref="RequestTransfer"/>) takes part, in queue order (benefit order first). Top trading cycles finds the exchanges
/// (cycles of swaps) and gives the kindergartens' free seats of that group year (free choice, not taken); nobody ends
/// anywhere its family ranked below its seat. Each move fires <c>Transfer</c> through the lifecycle: the old direction ends
/// as transferred, the old seat is given back or handed to the child taking it, the new seat is held by a new enrolled
/// direction, a document is issued and the family is told. The whole run, with its audit record, commits or nothing does; a
/// second run of the region waits for the first (the region's row lock) and then finds its moves done.
/// </summary>
public sealed class RunTransfersHandler(IKezekDb db, ApplicationLifecycle lifecycle, TransferLifecycle transfers, RuleSetCatalog rules, Transactions transactions,
    TimeProvider clock)
{
    public const string Mode = "transfer";
    public const string StaffActionName = "RunTransfers";

    public async Task<Result<Guid>> HandleAsync(RunTransfers command, CancellationToken cancellationToken)
    {
        var actor = AccessPolicy.ForTransferRun(command.Viewer, command.RegionCode);
        if (!actor.IsSuccess)
            return actor.Error!;
        if (!await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
            return Error.Of(ErrorCodes.UnknownRegion);
        // A region whose lifecycle cannot move an enrolled child has no run: refused before anything is read or written.
        if (transfers.Refusal(command.RegionCode) is { } noTransfers)
            return noTransfers;
        var policy = rules.For(command.RegionCode).RuleSet.Policy;
        var today = policy.Today(clock.GetUtcNow().UtcDateTime);
        if (command.GroupYear > today.Year || command.GroupYear < Child.OldestGroupYear(today, policy.MaxAgeMonths))
            return Error.Of(ErrorCodes.InvalidGroupYear);
        return await transactions.RunAsync(token => RunAsync(command.RegionCode, command.GroupYear, actor.Value, token), cancellationToken);
    }

    private async Task<Result<Guid>> RunAsync(string region, int groupYear, Actor actor, CancellationToken cancellationToken)
    {
        var active = rules.For(region);
        var policy = active.RuleSet.Policy;
        var now = clock.GetUtcNow().UtcDateTime;
        // One run at a time per region: the row lock publishers take. A second run waits here, then reads what the first left.
        await db.Regions.Where(r => r.Code == region)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TurnSequence, r => r.TurnSequence + 1), cancellationToken);

        // The families: enrolled children of the group year with a request, in queue order.
        var states = lifecycle.WorkflowOf(region).Transitions.Where(t => t.Trigger == Triggers.Transfer).Select(t => t.From).Distinct().ToList();
        var requesting = await lifecycle.ForChange
            .Where(a => a.RegionCode == region && a.GroupYear == groupYear && states.Contains(a.State) && db.TransferChoices.Any(c => c.ApplicationId == a.Id))
            .InOrder().AsSplitQuery().ToListAsync(cancellationToken);
        var families = InQueueOrder(requesting.Where(a => a.EnrolledDirection is not null).ToList(), policy.QueueOrder);
        var familyIds = families.Select(f => f.Id).ToList();
        await db.TransferChoices.Where(c => familyIds.Contains(c.ApplicationId)).LoadAsync(cancellationToken);

        // The kindergartens: where the families are and where they want to be, by id; the free seats of each, oldest first.
        var current = families.Select(f => f.EnrolledDirection!.KindergartenId).ToList();
        var kindergartenIds = current.Concat(families.SelectMany(f => f.TransferChoices.Select(c => c.KindergartenId))).Distinct().Order().ToList();
        var index = kindergartenIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var free = (await db.Places.AsNoTracking()
                .Where(p => p.RegionCode == region && p.GroupYear == groupYear && kindergartenIds.Contains(p.KindergartenId)
                            && p.TakenByApplicationId == null && p.Mode == PlaceMode.FreeChoice)
                .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Select(p => new { p.Id, p.KindergartenId }).ToListAsync(cancellationToken))
            .ToLookup(p => p.KindergartenId, p => p.Id);

        var run = new AllocationRun(Guid.NewGuid(), region, groupYear, Mode, active.Name, active.Version, "", now);
        var extract = new TransferExtract(run.Id, region, groupYear, Mode, active.Name, active.Version, "",
            [.. kindergartenIds.Select(id => new ExtractKindergarten(id, free[id].Count()))],
            [.. families.Select((f, position) => new TransferFamily(position, f.Benefit.ToString(), 0,
                [.. f.TransferChoices.OrderBy(c => c.Rank).Select(c => c.KindergartenId).Where(id => id != current[position])], current[position]))]);
        var final = extract.Exchange();
        var moved = Enumerable.Range(0, families.Count).Where(i => final[i] != index[current[i]]).ToList();
        var json = extract.ToJson();
        run.Finish(json, AllocationExtract.Hash(json), families.Count, extract.Kindergartens.Sum(k => k.Seats), moved.Count, now);
        db.AllocationRuns.Add(run);
        db.StaffActions.Add(new StaffAction(now, actor, StaffActionName, string.Create(CultureInfo.InvariantCulture,
            $"region={region} groupYear={groupYear} run={run.Id} families={families.Count} moved={moved.Count}")));
        await db.SaveChangesAsync(cancellationToken);

        // Reasons: for each choice above where the family ended, the free seats it had and how many children moved in.
        var market = extract.Market();
        var reasons = new Reasons(market, Placement.Of(market, [.. Enumerable.Range(0, families.Count).Select(i => moved.Contains(i) ? final[i] : Placement.Unplaced)]));
        for (var position = 0; position < families.Count; position++)
        {
            var wasMoved = final[position] != index[current[position]];
            db.AllocationOutcomes.Add(new AllocationOutcome(run.Id, families[position].Id, position, kindergartenIds[final[position]],
                wasMoved ? Array.IndexOf(market.Families[position].Ranking, final[position]) : null,
                ReleaseWindows.ReasonsJson(ReleaseWindows.Stored(reasons.For(position), kindergartenIds))));
        }

        // The seats each kindergarten gives: first those of the children leaving it (handed over), then its free ones.
        var pools = kindergartenIds.Select(_ => new Queue<(Guid Place, long? From)>()).ToArray();
        foreach (var position in moved)
            pools[index[current[position]]].Enqueue((families[position].EnrolledDirection!.PlaceId, families[position].Id));
        foreach (var id in kindergartenIds)
            foreach (var place in free[id])
                pools[index[id]].Enqueue((place, null));
        foreach (var position in moved)
        {
            var application = families[position];
            var to = kindergartenIds[final[position]];
            var (place, from) = pools[final[position]].Dequeue();
            var fired = await lifecycle.FireAsync(application, Triggers.Transfer, new TransitionRequest(actor, PlaceId: place, HandOverFrom: from),
                cancellationToken, nested: true);
            // Nothing refuses Transfer from Enrolled; a free seat taken meanwhile is a race, and the whole run is tried again.
            if (!fired.IsSuccess)
                throw new TransitionRaceException(fired.Error!);
            application.KeepTransferChoicesAbove(to);
        }

        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>
    /// The region's queue order over the families (given in the queue index's order: by category, then queued-at): each
    /// family's queue number among them, as <see cref="QueueOrdering.Position"/> numbers a queue, strict or interleaved.
    /// </summary>
    private static List<Application> InQueueOrder(List<Application> ordered, QueueOrdering order)
    {
        int Count(int rank) => ordered.Count(a => a.QueueRank == rank);
        var (outOfTurn, priority, general) = (Count(0), Count(1), Count(2));
        var seen = new int[3];
        return [.. ordered.Select(a => (Application: a, Number: order.Position(a.QueueRank, seen[a.QueueRank]++, outOfTurn, priority, general)))
            .OrderBy(x => x.Number).Select(x => x.Application)];
    }
}

/// <summary>One family of a transfer extract: as in a window's extract, and the kindergarten where its child holds a seat.</summary>
public sealed record TransferFamily(int Position, string Category, long Lottery, Guid[] Ranking, Guid Current);

/// <summary>
/// The public anonymised inputs of a transfer run: no application numbers, IINs or names. Its canonical JSON is what the run's
/// inputs hash is taken of; anyone recomputes the run from it with <see cref="TopTradingCycles"/> (<see cref="Exchange"/>):
/// families in position order, kindergartens by their index in the list, each kindergarten's free seats. It reads as a
/// window's extract too (<see cref="AllocationExtract"/>), with each family's current kindergarten added.
/// </summary>
public sealed record TransferExtract(Guid RunId, string Region, int GroupYear, string Mode, string RuleSet, int RuleSetVersion, string Seed,
    IReadOnlyList<ExtractKindergarten> Kindergartens, IReadOnlyList<TransferFamily> Families)
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Canonical);

    public static TransferExtract? FromJson(string json) => JsonSerializer.Deserialize<TransferExtract>(json, Canonical);

    /// <summary>Where each family ends (kindergarten indices), its own kindergarten when it does not move.</summary>
    public int[] Exchange()
    {
        var index = Kindergartens.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return TopTradingCycles.Exchange([.. Kindergartens.Select(k => k.Seats)],
            [.. Families.OrderBy(f => f.Position).Select(f => new Mover(index[f.Current], [.. f.Ranking.Select(id => index[id])], (int)Enum.Parse<BenefitCategory>(f.Category)))]);
    }

    /// <summary>The families' rankings as a market of the kindergartens' free seats (for the reasons).</summary>
    public Market Market()
    {
        var index = Kindergartens.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new Market([.. Kindergartens.Select(k => k.Seats)],
            [.. Families.OrderBy(f => f.Position).Select(f => new Family([.. f.Ranking.Select(id => index[id])], new long[f.Ranking.Length], f.Lottery,
                (int)Enum.Parse<BenefitCategory>(f.Category)))]);
    }
}
