using Kezek.Core.Allocation;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Windows;

/// <summary>
/// One missed choice: the kindergarten, its seats in the run, and who holds them by category (OutOfTurn, Priority, None); in an
/// intake run also how many holders each criterion put first (benefit, sibling, queuedAt, lottery), else null.
/// </summary>
public sealed record MissedChoice(int Choice, Guid KindergartenId, int Seats, IReadOnlyDictionary<string, int> TakenBy,
    IReadOnlyDictionary<string, int>? DecidedBy = null);

/// <summary>One family's outcome in a run, with the explanation in each language people read.</summary>
public sealed record OutcomeView(Guid RunId, string RegionCode, string Mode, DateTime AllocatedAt, string? ApplicationNumber, int Position, Guid? KindergartenId, int? Choice,
    IReadOnlyList<MissedChoice> Reasons, IReadOnlyDictionary<string, string> Explanations)
{
    public string ExplanationIn(Language language) => Explanations.GetValueOrDefault(language.Code) ?? Explanations[Language.Ru.Code];
}

/// <summary>A whole run, for the region's operators and administrators: every family by its application number.</summary>
public sealed record AllocationRunView(AllocationRun Run, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>A run's public anonymised extract: the canonical JSON its inputs hash is taken of.</summary>
public sealed record AllocationRunExtractView(Guid RunId, string InputsHash, string Extract);

/// <summary>Reads of allocation runs: the whole run (staff), a family's own outcomes, the public extract.</summary>
public sealed class AllocationReads(IKezekDb db, ReleaseWindows windows)
{
    public async Task<Result<AllocationRunView>> RunAsync(Guid runId, Viewer viewer, CancellationToken cancellationToken)
    {
        var run = await db.AllocationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        // Another region's operator, a family or anyone else is answered as if the run did not exist.
        if (run is null || !AccessPolicy.AsAuditorOf(viewer, run.RegionCode).IsSuccess)
            return Error.Of(ErrorCodes.AllocationRunNotFound);
        var outcomes = await db.AllocationOutcomes.AsNoTracking().Where(o => o.RunId == runId)
            .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { Outcome = o, a.Number })
            .OrderBy(x => x.Outcome.Position).ToListAsync(cancellationToken);
        var views = await ViewsAsync([run], outcomes.Select(x => (x.Outcome, (string?)x.Number)).ToList(), cancellationToken);
        return new AllocationRunView(run, views);
    }

    /// <summary>The outcomes of each application, newest run first (the family's own; shown with the application).</summary>
    public async Task<ILookup<long, OutcomeView>> OutcomesOfAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken)
    {
        var outcomes = await db.AllocationOutcomes.AsNoTracking().Where(o => applicationIds.Contains(o.ApplicationId)).ToListAsync(cancellationToken);
        var runIds = outcomes.Select(o => o.RunId).Distinct().ToList();
        var runs = await db.AllocationRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var views = await ViewsAsync(runs, outcomes.Select(o => (o, (string?)null)).ToList(), cancellationToken);
        return outcomes.Zip(views).OrderByDescending(x => x.Second.AllocatedAt).ToLookup(x => x.First.ApplicationId, x => x.Second);
    }

    public async Task<Result<AllocationRunExtractView>> ExtractAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.AllocationRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new AllocationRunExtractView(r.Id, r.InputsHash, r.Extract)).SingleOrDefaultAsync(cancellationToken);
        return run is null ? Error.Of(ErrorCodes.AllocationRunNotFound) : run;
    }

    private async Task<List<OutcomeView>> ViewsAsync(IReadOnlyList<AllocationRun> runs, IReadOnlyList<(AllocationOutcome Outcome, string? Number)> outcomes,
        CancellationToken cancellationToken)
    {
        var byId = runs.ToDictionary(r => r.Id);
        // The kindergartens named: those given and those missed (the reasons keep their ids), not the whole extract's.
        var reasonsOf = outcomes.Select(x => ReleaseWindows.ReadReasons(x.Outcome.Reasons)).ToList();
        var all = reasonsOf.SelectMany(r => r.Select(m => m.KindergartenId))
            .Concat(outcomes.Where(x => x.Outcome.KindergartenId is not null).Select(x => x.Outcome.KindergartenId!.Value)).Distinct().ToList();
        var kindergartens = await db.Kindergartens.AsNoTracking().Where(k => all.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        return [.. outcomes.Select((x, i) =>
        {
            var reasons = reasonsOf[i];
            (Guid, int)? placed = x.Outcome.KindergartenId is { } k && x.Outcome.Choice is { } c ? (k, c) : null;
            // A transfer run names the kindergarten a family stayed in too; only a move has a choice.
            var transfer = byId[x.Outcome.RunId].Mode == Transfers.RunTransfersHandler.Mode;
            var texts = Language.OfReaders.ToDictionary(l => l.Code, l => windows.Explain(reasons, placed, kindergartens, l, transfer));
            var missed = reasons.Select(r => new MissedChoice(r.Choice, r.KindergartenId, r.Seats, r.TakenBy, r.DecidedBy)).ToList();
            return new OutcomeView(x.Outcome.RunId, byId[x.Outcome.RunId].RegionCode, byId[x.Outcome.RunId].Mode, byId[x.Outcome.RunId].FinishedAt, x.Number, x.Outcome.Position, x.Outcome.KindergartenId,
                x.Outcome.Choice, missed, texts);
        })];
    }
}
