using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kezek.Core.Allocation;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Places;
using Kezek.Core.Queue;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Notifications;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Profile;
using Kezek.Workflows.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Windows;

/// <summary>
/// Release windows (<c>allocation: "window"</c>, docs/allocation.md). Queue seats published in such a region are held by
/// the open window of their group year (<see cref="PlaceMode.Window"/>) instead of being offered as turns; the first
/// seats×2 families in queue order are told to rank or confirm their kindergartens by the close. At the close (a durable
/// timer, fired once however many instances sweep) one serial-dictatorship run serves the families of that group year
/// that ranked, in queue order: each gets its highest-ranked kindergarten of the window with a seat left, and a direction
/// through the lifecycle (trigger <c>Allocate</c>). The others stay queued at their place and are told why; seats nobody
/// got become free choice. The run is kept for audit (<see cref="AllocationRun"/>). In an intake region
/// (<c>allocation: "deferred-acceptance"</c>) the same window gathers the seats, and the close runs deferred acceptance
/// instead: kindergartens keep families by the region's <c>intakePriority</c> (<see cref="IntakeStandings"/>).
/// </summary>
public sealed partial class ReleaseWindows(IKezekDb db, ApplicationLifecycle lifecycle, RuleSetCatalog rules, IWordCatalog words, TimeProvider clock,
    ILogger<ReleaseWindows> logger)
{
    /// <summary>How many families a window tells per seat.</summary>
    public const int NotifiedPerSeat = 2;

    public const string OpenedTemplate = "window-opened";
    public const string UnplacedTemplate = "window-unplaced";

    /// <summary>How many families a close writes between two saves (their seats, timers and languages read in one statement each).</summary>
    public const int WritePage = 500;

    /// <summary>The same messages in an intake region (<c>deferred-acceptance</c>): kindergartens keep families by the region's priority, not the queue.</summary>
    public const string IntakeOpenedTemplate = "intake-opened";
    public const string IntakeUnplacedTemplate = "intake-unplaced";

    /// <summary>
    /// Publishes <paramref name="count"/> queue seats into the open window of the region and group year (opening one, with
    /// its close timer, when none is open), inside the caller's transaction; returns how many families were told.
    /// </summary>
    public async Task<int> PublishAsync(Kindergarten kindergarten, int groupYear, Language language, int count, CancellationToken cancellationToken)
    {
        var region = kindergarten.RegionCode;
        var policy = rules.For(region).RuleSet.Policy;
        var now = clock.GetUtcNow().UtcDateTime;
        // One publisher at a time per region (the row lock Turns takes), so that two publications never open two windows.
        await db.Regions.Where(r => r.Code == region)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TurnSequence, r => r.TurnSequence + 1), cancellationToken);
        var before = await WindowSeats(region, groupYear).CountAsync(cancellationToken);
        for (var i = 0; i < count; i++)
            db.Places.Add(new Place(Guid.NewGuid(), kindergarten.Id, region, groupYear, language, PlaceMode.Window, now));
        var window = await db.ReleaseWindows.SingleOrDefaultAsync(w => w.RegionCode == region && w.GroupYear == groupYear
                                                                      && w.Status == ReleaseWindowStatus.Open, cancellationToken);
        if (window is null)
        {
            window = new ReleaseWindow(region, groupYear, now, now.AddMinutes(policy.WindowMinutes));
            db.ReleaseWindows.Add(window);
            await db.SaveChangesAsync(cancellationToken);
            db.WorkflowTimers.Add(WorkflowTimer.WindowClose(window.Id, window.ClosesAt, now));
        }

        await db.SaveChangesAsync(cancellationToken);

        // The families told are the first seats×2 in queue order; those told for the window's earlier seats are not told again.
        var states = AllocatableStates(region);
        var skip = before * NotifiedPerSeat;
        var take = count * NotifiedPerSeat;
        var extra = new Dictionary<string, string?>
        {
            ["windowClosesAt"] = policy.ToLocal(window.ClosesAt).ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        var notified = 0;
        Expression<Func<Application, bool>> waiting = a => a.Status == ApplicationStatus.Queued && states.Contains(a.State);
        if (!policy.QueueOrder.Interleaves)
        {
            // Strict order is the index's order: the database skips those told before (a window of a thousand kindergartens'
            // publications must not walk the queue from its head a thousand times), and the families' languages come at once.
            var told = await db.Applications.AsNoTracking().Include(a => a.Parents).Where(QueueOrder.SameQueue(region, groupYear)).Where(waiting)
                .InOrder().Skip(skip).Take(take).ToListAsync(cancellationToken);
            var languages = await Outbox.LanguagesAsync(db, told, cancellationToken);
            foreach (var application in told)
                await Outbox.WriteAsync(db, application, [policy.AllocatesByIntake ? IntakeOpenedTemplate : OpenedTemplate], policy, null, null, now, cancellationToken, extra, languages);
            notified = told.Count;
        }
        else
        {
            var seen = 0;
            await foreach (var application in QueueWalk.InOrderAsync(db, region, groupYear, policy.QueueOrder, waiting, cancellationToken))
            {
                if (seen++ < skip)
                    continue;
                await Outbox.WriteAsync(db, application, [policy.AllocatesByIntake ? IntakeOpenedTemplate : OpenedTemplate], policy, null, null, now, cancellationToken, extra);
                if (++notified == take)
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return notified;
    }

    /// <summary>
    /// Closes window <paramref name="windowId"/> inside the caller's transaction (the sweep's, with the timer's claim): runs
    /// the allocation once, gives the directions, tells the others, frees what is left. Refused when it is not open.
    /// </summary>
    /// <param name="pageSize">How many families a page writes between two saves (<see cref="WritePage"/>; smaller in the statement-count test).</param>
    public async Task<Result<AllocationRun>> CloseAsync(long windowId, CancellationToken cancellationToken, int pageSize = WritePage)
    {
        var window = await db.ReleaseWindows.SingleOrDefaultAsync(w => w.Id == windowId, cancellationToken);
        if (window is not { Status: ReleaseWindowStatus.Open })
            return Error.Of(ErrorCodes.ActionNotAvailable);
        var region = window.RegionCode;
        var active = rules.For(region);
        var policy = active.RuleSet.Policy;
        var now = clock.GetUtcNow().UtcDateTime;
        var timing = System.Diagnostics.Stopwatch.StartNew();

        // The market: the window's seats per kindergarten (by id, in id order), each kindergarten's seats oldest first.
        var seats = await WindowSeats(region, window.GroupYear).OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.KindergartenId }).ToListAsync(cancellationToken);
        var byKindergarten = seats.GroupBy(s => s.KindergartenId).OrderBy(g => g.Key).ToList();
        var kindergartenIds = byKindergarten.Select(g => g.Key).ToList();
        var index = kindergartenIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var seatQueues = byKindergarten.Select(g => new Queue<Guid>(g.Select(s => s.Id))).ToArray();

        // The families: queued, of that group year, with a ranking among the window's kindergartens, in queue order.
        var states = AllocatableStates(region);
        var seatsTime = timing.Elapsed;
        var families = new List<Application>();
        await foreach (var application in QueueWalk.InOrderAsync(db, region, window.GroupYear, policy.QueueOrder,
                           a => a.Status == ApplicationStatus.Queued && states.Contains(a.State)
                                && db.RankedKindergartens.Any(r => r.ApplicationId == a.Id && kindergartenIds.Contains(r.KindergartenId)), cancellationToken,
                           pageSize: WritePage * 4))
            families.Add(application);
        var walkTime = timing.Elapsed - seatsTime;
        var familyIds = families.Select(f => f.Id).ToList();
        var rankings = (await db.RankedKindergartens.AsNoTracking().Where(r => familyIds.Contains(r.ApplicationId))
                .Select(r => new { r.ApplicationId, r.Rank, r.KindergartenId }).ToListAsync(cancellationToken))
            .GroupBy(r => r.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Rank).Select(r => r.KindergartenId).Where(index.ContainsKey).ToArray());

        var marketTime = timing.Elapsed;
        LogMarket(logger, window.Id, seatsTime.TotalMilliseconds, walkTime.TotalMilliseconds, (marketTime - seatsTime - walkTime).TotalMilliseconds);
        var seed = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var intake = policy.AllocatesByIntake;
        var run = new AllocationRun(Guid.NewGuid(), region, window.GroupYear, intake ? AllocationModes.DeferredAcceptance : AllocationModes.Window,
            active.Name, active.Version, seed, now);
        var extractFamilies = families.Select((f, position) => new ExtractFamily(position, f.Benefit.ToString(), Lottery.Draw(seed, f.Number), rankings[f.Id])).ToList();
        if (intake)
            extractFamilies = await IntakeStandings.WithStandingsAsync(db, families, extractFamilies, kindergartenIds, cancellationToken);
        var extract = new AllocationExtract(run.Id, region, window.GroupYear, run.Mode, active.Name, active.Version, seed,
            [.. kindergartenIds.Select((id, i) => new ExtractKindergarten(id, seatQueues[i].Count))], extractFamilies)
        {
            Priority = intake ? policy.IntakePriority.Words : null,
        };
        var market = extract.Market();
        var placement = extract.Allocate(market);
        var reasons = extract.Reasons(market, placement);
        var json = extract.ToJson();
        run.Finish(json, AllocationExtract.Hash(json), families.Count, seats.Count, placement.Kindergarten.Count(k => k != Placement.Unplaced), now);
        db.AllocationRuns.Add(run);
        window.Allocated(run.Id);
        var runTime = timing.Elapsed - marketTime;
        await db.SaveChangesAsync(cancellationToken);

        var kindergartens = await db.Kindergartens.AsNoTracking().Where(k => kindergartenIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        // Window seats count in neither free choice nor the queue, so the facts the guards see are the same for every family of the run.
        var queue = new Lifecycle.QueueKey(region, window.GroupYear);
        var freeSeats = await LifecycleFacts.FreeSeatsAsync(db, [queue], cancellationToken);
        var seatOf = new Guid?[families.Count];
        for (var position = 0; position < families.Count; position++)
            seatOf[position] = placement.Kindergarten[position] is var given && given != Placement.Unplaced ? seatQueues[given].Dequeue() : null;

        // A page at a time, a few statements a page (no round trip per family): the page's seats claimed at once, its families'
        // languages read at once, its placed families' Allocate fired in bulk through the lifecycle (their timers cancelled in
        // one statement), then one save.
        var allocated = new TransitionRequest(Actor.System, Allocated: true);
        Array.Clear(_pageTimes);
        for (var first = 0; first < families.Count; first += pageSize)
        {
            var page = Enumerable.Range(first, Math.Min(pageSize, families.Count - first)).ToList();
            await WritePageAsync(run, page, families, placement, seatOf, kindergartenIds, kindergartens, reasons, freeSeats, allocated, policy, now, cancellationToken);
            db.DiscardChanges();
        }

        await db.SaveChangesAsync(cancellationToken);
        // Seats nobody got stay free: as free choice, like any free seat today. Those given were published to the queue.
        await WindowSeats(region, window.GroupYear).ExecuteUpdateAsync(s => s.SetProperty(p => p.Mode, PlaceMode.FreeChoice), cancellationToken);
        await db.Places.Where(p => p.RegionCode == region && p.GroupYear == window.GroupYear && p.Mode == PlaceMode.Window && p.TakenByApplicationId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Mode, PlaceMode.Queue), cancellationToken);
        LogPages(logger, window.Id, _pageTimes[0], _pageTimes[1], _pageTimes[2], _pageTimes[3], _pageTimes[4]);
        LogClosed(logger, window.Id, region, window.GroupYear, families.Count, seats.Count, run.Placed, marketTime.TotalMilliseconds, runTime.TotalMilliseconds,
            (timing.Elapsed - marketTime - runTime).TotalMilliseconds);
        return run;
    }

    /// <summary>
    /// Writes one page of a close and saves it: claims its seats (one statement reads them, the save takes them), reads its
    /// families' languages (one statement), fires its placed families' <c>Allocate</c> in bulk with the seats claimed
    /// (<see cref="ApplicationLifecycle.FireManyAsync"/>: one statement cancels their state timers), tells the others why, and
    /// saves every outcome, seat, application, direction, document, history entry, timer and outbox row at once.
    /// </summary>
    private async Task WritePageAsync(AllocationRun run, List<int> page, List<Application> families, Placement placement,
        Guid?[] seatOf, List<Guid> kindergartenIds, Dictionary<Guid, Kindergarten> kindergartens,
        Func<int, IReadOnlyList<StoredReason>> reasons, IReadOnlyDictionary<Lifecycle.QueueKey, FreeSeats> freeSeats, TransitionRequest allocated,
        RegionPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var pageSeats = page.Where(p => seatOf[p] is not null).ToDictionary(p => seatOf[p]!.Value, p => families[p].Id);
        var seatIds = pageSeats.Keys.ToList();
        var claimed = seatIds.Count == 0
            ? []
            : await db.Places.Where(p => seatIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var seatsOfFamilies = new Dictionary<long, Place>(pageSeats.Count);
        foreach (var (seatId, applicationId) in pageSeats)
        {
            // Only this close takes window seats; one gone or taken meanwhile is a race, and the whole close is tried again.
            if (!claimed.TryGetValue(seatId, out var seat) || seat.Mode != PlaceMode.Window || seat.TakenByApplicationId is not null)
                throw new TransitionRaceException(Error.Of(ErrorCodes.NoFreePlace));
            seat.TakeByAllocation(applicationId);
            seatsOfFamilies[applicationId] = seat;
        }

        _pageTimes[0] += stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        var languages = await Outbox.LanguagesAsync(db, page.Select(p => families[p]), cancellationToken);
        _pageTimes[1] += stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        var reasonsOf = page.ToDictionary(p => p, reasons);
        foreach (var position in page)
        {
            var given = placement.Kindergarten[position];
            db.AllocationOutcomes.Add(new AllocationOutcome(run.Id, families[position].Id, position, given == Placement.Unplaced ? null : kindergartenIds[given],
                given == Placement.Unplaced ? null : placement.Choice[position], ReasonsJson(reasonsOf[position])));
        }

        var placed = page.Where(p => seatOf[p] is not null).Select(p => db.Track(families[p])).ToList();
        // Nothing refuses Allocate from the queue; a refusal is a race, and the whole close is tried again.
        foreach (var (_, fired) in await lifecycle.FireManyAsync(placed, Triggers.Allocate, allocated, cancellationToken, freeSeats, nested: true,
                     claims: new BulkClaims(seatsOfFamilies, kindergartens, languages)))
        {
            if (!fired.IsSuccess)
                throw new TransitionRaceException(fired.Error!);
        }

        _pageTimes[2] += stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        var intake = policy.AllocatesByIntake;
        foreach (var position in page.Where(p => seatOf[p] is null))
        {
            // Told why; the application itself does not change (nothing to track).
            var texts = new Dictionary<string, string?>();
            foreach (var language in Language.OfMessages)
                texts["allocationReason." + language.Code] = Explain(reasonsOf[position], null, kindergartens, language);
            await Outbox.WriteAsync(db, families[position], [intake ? IntakeUnplacedTemplate : UnplacedTemplate], policy, null, null, now, cancellationToken,
                texts, languages);
        }

        // The append-only rows (outcomes, history, timers, outbox) by COPY on PostgreSQL, the rest by EF's batched statements.
        _pageTimes[3] += stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        await db.SaveInBulkAsync(cancellationToken);
        _pageTimes[4] += stopwatch.Elapsed.TotalMilliseconds;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Window {WindowId}'s market: seats read in {SeatsMs:F0} ms, the queue walked in {WalkMs:F0} ms, rankings read in {RankingsMs:F0} ms")]
    private static partial void LogMarket(ILogger logger, long windowId, double seatsMs, double walkMs, double rankingsMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Window {WindowId}'s pages: seats claimed in {ClaimMs:F0} ms, languages read in {LanguagesMs:F0} ms, "
                                                          + "Allocate fired in {FireMs:F0} ms, the others told in {TellMs:F0} ms, saved in {SaveMs:F0} ms")]
    private static partial void LogPages(ILogger logger, long windowId, double claimMs, double languagesMs, double fireMs, double tellMs, double saveMs);

    /// <summary>Where a close's pages spent their time (claim, languages, fire, tell, save), summed over its pages, for the log.</summary>
    private readonly double[] _pageTimes = new double[5];

    [LoggerMessage(Level = LogLevel.Information, Message = "Window {WindowId} of {Region} {GroupYear} closed: {Families} families, {Seats} seats, {Placed} placed; "
                                                          + "market read in {MarketMs:F0} ms, run (allocation, reasons, extract) {RunMs:F0} ms, written in {WriteMs:F0} ms (before the commit)")]
    private static partial void LogClosed(ILogger logger, long windowId, string region, int groupYear, int families, int seats, int placed, double marketMs,
        double runMs, double writeMs);

    /// <summary>
    /// The outcome in words, in <paramref name="language"/>: where the family was placed (or that it stays in the queue), and
    /// for each kindergarten it ranked higher, the seats and who holds them: by category in a window run, by the criterion
    /// that put each holder first in an intake run.
    /// </summary>
    public string Explain(IReadOnlyList<StoredReason> reasons, (Guid Kindergarten, int Choice)? placed,
        IReadOnlyDictionary<Guid, Kindergarten> kindergartens, Language language, bool transfer = false)
    {
        string Word(string key, params (string Name, string Value)[] values)
        {
            var text = words.Find(WordSection.Messages, key, language) ?? key;
            foreach (var (name, value) in values)
                text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
            return text;
        }

        string Name(Guid id) => kindergartens.TryGetValue(id, out var k) ? k.Name(language) : id.ToString();
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (transfer)
        {
            // A transfer run: moved to a choice, or staying; for each choice above, its free seats and how many children moved in.
            parts.Add(placed is { } moved
                ? Word(SuccessMessages.TransferMoved, ("choice", Number(moved.Choice + 1)), ("kindergarten", Name(moved.Kindergarten)))
                : Word(SuccessMessages.TransferStayed));
            parts.AddRange(reasons.Select(reason => Word(SuccessMessages.TransferReason, ("choice", Number(reason.Choice + 1)),
                ("kindergarten", Name(reason.KindergartenId)), ("seats", Number(reason.Seats)), ("moved", Number(reason.TakenBy.Values.Sum())))));
            return string.Join("; ", parts);
        }

        parts.Add(placed is { } p
            ? Word(SuccessMessages.AllocationPlaced, ("choice", Number(p.Choice + 1)), ("kindergarten", Name(p.Kindergarten)))
            : Word(SuccessMessages.AllocationNotPlaced));
        foreach (var reason in reasons)
        {
            var taken = reason.DecidedBy is { } decided
                ? string.Join(", ", decided.OrderBy(d => DecidedOrder(d.Key)).Select(d => Word("ALLOCATION_DECIDED_" + d.Key, ("count", Number(d.Value)))))
                : string.Join(", ", reason.TakenBy.OrderByDescending(t => Enum.Parse<BenefitCategory>(t.Key))
                    .Select(t => Word("ALLOCATION_TAKEN_" + t.Key, ("count", Number(t.Value)))));
            parts.Add(Word(SuccessMessages.AllocationReason, ("choice", Number(reason.Choice + 1)), ("kindergarten", Name(reason.KindergartenId)),
                ("seats", Number(reason.Seats)), ("taken", taken)));
        }

        return string.Join("; ", parts);
    }

    /// <summary>The criteria in the order the words name them: benefit, sibling, queued-at, then the lottery.</summary>
    private static int DecidedOrder(string key) =>
        IntakePriority.Names.TryGetValue(key, out var criterion) ? (int)criterion : int.MaxValue;

    /// <summary>A window run's reasons as kept with the outcome: kindergartens by id, categories by name.</summary>
    public static IReadOnlyList<StoredReason> Stored(IReadOnlyList<ChoiceReason> reasons, IReadOnlyList<Guid> kindergartenIds) =>
        [.. reasons.Select(r => new StoredReason(r.Choice, kindergartenIds[r.Kindergarten], r.Seats, TakenBy(r.TakenByTag)))];

    /// <summary>An intake run's reasons as kept: also how many holders each criterion (or the lottery) put first.</summary>
    public static IReadOnlyList<StoredReason> Stored(IReadOnlyList<IntakeChoiceReason> reasons, IReadOnlyList<Guid> kindergartenIds) =>
        [.. reasons.Select(r => new StoredReason(r.Choice, kindergartenIds[r.Kindergarten], r.Seats, TakenBy(r.TakenByTag))
        {
            DecidedBy = r.Decided.ToDictionary(d => d.Key, d => d.Value),
        })];

    private static Dictionary<string, int> TakenBy(IReadOnlyDictionary<int, int> byTag) =>
        byTag.ToDictionary(t => ((BenefitCategory)t.Key).ToString(), t => t.Value);

    public static string ReasonsJson(IReadOnlyList<StoredReason> reasons) => JsonSerializer.Serialize(reasons);

    public static IReadOnlyList<StoredReason> ReadReasons(string json) => JsonSerializer.Deserialize<List<StoredReason>>(json) ?? [];

    /// <summary>
    /// One missed choice as kept: the kindergarten, its seats, who holds them by category, and in an intake run how many
    /// holders each criterion put first (<c>benefit</c>, <c>sibling</c>, <c>queuedAt</c>, <c>lottery</c>).
    /// </summary>
    public sealed record StoredReason(int Choice, Guid KindergartenId, int Seats, Dictionary<string, int> TakenBy)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, int>? DecidedBy { get; init; }
    }

    /// <summary>The states a window's run may place from: those the workflow lets <c>Allocate</c> leave.</summary>
    private List<string> AllocatableStates(string region) =>
        lifecycle.WorkflowOf(region).Transitions.Where(t => t.Trigger == Triggers.Allocate).Select(t => t.From).Distinct().ToList();

    private IQueryable<Place> WindowSeats(string region, int groupYear) =>
        db.Places.Where(p => p.RegionCode == region && p.GroupYear == groupYear && p.Mode == PlaceMode.Window && p.TakenByApplicationId == null);
}

public sealed record ExtractKindergarten(Guid Id, int Seats);

/// <summary>
/// One family of the extract: its turn, its category, its lottery number, its ranking (kindergarten ids, best first). In an
/// intake run also its queued-at rank among the run's families (0 earliest; equal times share one) and the kindergartens
/// where a sibling already is. Siblings of one applicant in the same intake run apply jointly: they carry the same lottery
/// number and queued-at rank (the lowest of theirs), so that every kindergarten ranks them side by side.
/// </summary>
public sealed record ExtractFamily(int Position, string Category, long Lottery, Guid[] Ranking)
{
    public long? QueuedAt { get; init; }

    public Guid[]? Siblings { get; init; }
}

/// <summary>
/// The public anonymised inputs of a run: no application numbers, IINs or names. Its canonical JSON (this record as
/// System.Text.Json writes it) is what <see cref="AllocationRun.InputsHash"/> hashes. Anyone recomputes the run from it:
/// families in position order, kindergartens by their index in the list; a <c>window</c> run with
/// <see cref="SerialDictatorship"/>; a <c>deferred-acceptance</c> run with <see cref="DeferredAcceptance"/>, each family's
/// priority at a kindergarten composed from <see cref="Priority"/> (<see cref="IntakePriority.At"/>: the category, whether
/// the kindergarten is among its <c>siblings</c>, its <c>queuedAt</c> rank, in the region's order), ties by the lottery number
/// and then the position. <see cref="Market"/> and <see cref="Allocate"/> do exactly that.
/// </summary>
public sealed record AllocationExtract(Guid RunId, string Region, int GroupYear, string Mode, string RuleSet, int RuleSetVersion, string Seed,
    IReadOnlyList<ExtractKindergarten> Kindergartens, IReadOnlyList<ExtractFamily> Families)
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>An intake run's criteria, first decides first (the rule value <c>intakePriority</c>); null for a window run.</summary>
    public IReadOnlyList<string>? Priority { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Canonical);

    public static AllocationExtract? FromJson(string json) => JsonSerializer.Deserialize<AllocationExtract>(json, Canonical);

    public static string Hash(string json) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant();

    private Dictionary<Guid, int> Index() => Kindergartens.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);

    private IEnumerable<ExtractFamily> InOrder => Families.OrderBy(f => f.Position);

    public Market Market()
    {
        var index = Index();
        var seats = Kindergartens.Select(k => k.Seats).ToList();
        if (Priority is null)
            return new Market(seats, [.. InOrder.Select(f => new Family([.. f.Ranking.Select(id => index[id])], new long[f.Ranking.Length], f.Lottery, Tag(f)))]);
        var standings = Standings();
        return IntakePriority.Of(Priority).Market(seats, [.. InOrder.Select((f, i) =>
            (f.Ranking.Select(id => index[id]).ToArray(), standings[i], f.Lottery, Tag(f)))]);
    }

    /// <summary>What an intake run's priority reads of each family, in position order.</summary>
    public IReadOnlyList<IntakeStanding> Standings()
    {
        var index = Index();
        return [.. InOrder.Select(f => new IntakeStanding(2 - Tag(f), f.QueuedAt ?? 0, (f.Siblings ?? []).Where(index.ContainsKey).Select(id => index[id]).ToHashSet()))];
    }

    /// <summary>The run's own algorithm over the market: deferred acceptance for an intake run, serial dictatorship for a window.</summary>
    public Placement Allocate(Market market) =>
        Priority is null ? SerialDictatorship.Allocate(market) : DeferredAcceptance.Allocate(market);

    /// <summary>Each family's reasons as kept with its outcome.</summary>
    public Func<int, IReadOnlyList<ReleaseWindows.StoredReason>> Reasons(Market market, Placement placement)
    {
        var ids = Kindergartens.Select(k => k.Id).ToList();
        if (Priority is null)
        {
            var byTag = new Reasons(market, placement);
            return family => ReleaseWindows.Stored(byTag.For(family), ids);
        }

        var intake = new IntakeReasons(market, placement, Standings(), IntakePriority.Of(Priority));
        return family => ReleaseWindows.Stored(intake.For(family), ids);
    }

    private static int Tag(ExtractFamily family) => (int)Enum.Parse<BenefitCategory>(family.Category);
}
