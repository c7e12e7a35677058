using Kezek.Core.Applications;
using Kezek.Core.Lifecycle;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// The invariants under contention: a seat is never given twice and counts stay whole when hundreds of parents
/// press "choose" at once; a parent pressing twice gets one direction; sweeps running at once fire each timer once.
/// </summary>
public abstract class ConcurrencyTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Choose = "mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }";

    [Fact]
    public async Task Three_hundred_parents_choosing_fifty_seats_at_once_get_exactly_fifty_directions()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(300, oneMinuteApart: false);
        await queue.PublishAsync(50, mode: "FREE_CHOICE");
        var place = await queue.FreePlaceIdAsync();

        var requests = new List<(Dictionary<string, string> Input, string Signed)>();
        foreach (var number in queue.Numbers)
        {
            var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
            requests.Add((input, GraphQLClient.Sign(People.Mother, "chooseKindergarten", await queue.Api.NonceAsync(queue.Mother), input)));
        }

        var answers = await Task.WhenAll(requests.Select(r => Task.Run(() => Kezek.Api().PostAsync(Choose, new { input = r.Input, x = r.Signed }, queue.Mother))));

        Assert.Equal(50, answers.Count(a => !a.HasErrors));
        var refusals = answers.Where(a => a.HasErrors).Select(a => a.ErrorCode).ToList();
        Assert.Equal(250, refusals.Count);
        // Each refusal says the true reason: the seats ran out (not that the turn has not come).
        Assert.All(refusals, code => Assert.Equal("NO_FREE_PLACE", code));
        await AssertSeatsAddUpAsync(expectedDirections: 50, seats: 50);
    }

    [Fact]
    public async Task A_refusal_says_the_true_reason_turn_not_come_while_seats_remain_no_free_place_once_all_are_taken()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(4);
        Assert.Equal(2, (await queue.PublishAsync(2)).GetProperty("notified").GetInt32());
        var place = await queue.FreePlaceIdAsync();
        Assert.Equal("NOTIFIED", (await queue.ApplicationAsync(queue.Numbers[1])).GetProperty("status").GetString());

        // A queue seat remains for the second notified family: the third's turn has not come.
        Assert.Equal("TURN_NOT_COME", (await queue.ChooseAsync(queue.Numbers[2], place)).ErrorCode);
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], place));
        // The last seat goes to free choice (as a missed turn's does) and is taken by the third family.
        await Kezek.WithDbAsync(db => db.Places.Where(p => p.TakenByApplicationId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Mode, Core.Places.PlaceMode.FreeChoice)));
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[2], place));

        // Every seat is taken: the notified family that came late and the family whose turn never came hear why.
        Assert.Equal("NO_FREE_PLACE", (await queue.ChooseAsync(queue.Numbers[1], place)).ErrorCode);
        Assert.Equal("NO_FREE_PLACE", (await queue.ChooseAsync(queue.Numbers[3], place)).ErrorCode);
        Assert.Equal("NOTIFIED", (await queue.ApplicationAsync(queue.Numbers[1])).GetProperty("status").GetString());
        await AssertSeatsAddUpAsync(expectedDirections: 2, seats: 2);
    }

    [Fact]
    public async Task Publishing_a_page_of_turns_at_once_still_cancels_a_timer_left_pending_and_gives_each_family_its_language()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(150, oneMinuteApart: false);
        var applications = await Kezek.WithDbAsync(db => db.Applications.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        // A timer of a state left pending (a workflow version took a state's timer away), on two applications of the first page and one of the second.
        var stale = new[] { applications[3], applications[60], applications[120] };
        await Kezek.WithDbAsync(async db =>
        {
            foreach (var id in stale)
                db.WorkflowTimers.Add(new WorkflowTimer(id, "Queued", "ChoiceMissed", Kezek.Clock.GetUtcNow().UtcDateTime.AddDays(30), Kezek.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(150, (await queue.PublishAsync(150)).GetProperty("notified").GetInt32());

        await Kezek.WithDbAsync(async db =>
        {
            Assert.Equal(3, await db.WorkflowTimers.CountAsync(t => stale.Contains(t.ApplicationId) && t.State == "Queued" && t.Status == TimerStatus.Cancelled));
            // One pending timer each: the turn's deadline.
            var pending = await db.WorkflowTimers.Where(t => t.Status == TimerStatus.Pending).GroupBy(t => t.ApplicationId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(150, pending.Count);
            Assert.All(pending, count => Assert.Equal(1, count));
            Assert.Equal(150, await db.Notifications.Where(n => n.Template == "turn-came" && n.Channel == Core.Notifications.Channel.Cabinet)
                .Select(n => n.ApplicationId).Distinct().CountAsync());
            return 0;
        });
    }

    [Fact]
    public async Task A_parent_pressing_choose_twice_at_once_gets_one_direction()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(10, oneMinuteApart: false);
        await queue.PublishAsync(20, mode: "FREE_CHOICE");
        var place = await queue.FreePlaceIdAsync();
        var requests = new List<(Dictionary<string, string> Input, string Signed)>();
        foreach (var number in queue.Numbers)
        {
            var input = new Dictionary<string, string> { ["applicationNumber"] = number, ["placeId"] = place };
            for (var press = 0; press < 2; press++)
                requests.Add((input, GraphQLClient.Sign(People.Mother, "chooseKindergarten", await queue.Api.NonceAsync(queue.Mother), input)));
        }

        var answers = await Task.WhenAll(requests.Select(r => Task.Run(() => Kezek.Api().PostAsync(Choose, new { input = r.Input, x = r.Signed }, queue.Mother))));

        Assert.Equal(10, answers.Count(a => !a.HasErrors));
        Assert.All(answers.Where(a => a.HasErrors), a => Assert.Contains(a.ErrorCode, new[] { "ACTION_NOT_AVAILABLE", "CONCURRENT_CHANGE" }));
        await AssertSeatsAddUpAsync(expectedDirections: 10, seats: 20);
    }

    [Fact]
    public async Task Four_sweeps_at_once_fire_every_due_timer_exactly_once()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(60, oneMinuteApart: false);
        Assert.Equal(60, (await queue.PublishAsync(60)).GetProperty("notified").GetInt32());
        Kezek.Clock.Advance(TimeSpan.FromDays(10));

        var sweeps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = Kezek.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DueTimers>().SweepAsync(CancellationToken.None, batchSize: 7);
        })));

        Assert.Equal(60, sweeps.Sum(s => s.Fired));
        Assert.Equal(0, sweeps.Sum(s => s.Discarded));
        await Kezek.WithDbAsync(async db =>
        {
            Assert.Equal(60, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired));
            Assert.Equal(0, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Pending));
            var missed = await db.HistoryEntries.Where(h => h.Action == "ChoiceMissed").GroupBy(h => h.ApplicationId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(60, missed.Count);
            Assert.All(missed, count => Assert.Equal(1, count));
            Assert.Equal(60, await db.Places.CountAsync(p => p.Mode == Core.Places.PlaceMode.FreeChoice && p.TakenByApplicationId == null));
            Assert.Equal(60, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Queued));
            Assert.Equal(60 * 3, await db.Notifications.CountAsync(n => n.Template == "choice-missed"));
            return 0;
        });
    }

    [Fact]
    public async Task A_transition_that_fails_mid_way_rolls_back_whole_and_fires_once_when_it_can()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2, oneMinuteApart: false);
        await queue.PublishAsync(2);
        var place = await queue.FreePlaceIdAsync();
        var broken = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], place));
        Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[1], place));
        // The seat of the first direction no longer shows as held: releasing it on expiry fails after the timer was claimed.
        var seat = await Kezek.WithDbAsync(db => db.Directions.Where(d => d.Id == Guid.Parse(broken)).Select(d => d.PlaceId).SingleAsync());
        var holder = await Kezek.WithDbAsync(db => db.Places.Where(p => p.Id == seat).Select(p => p.TakenByApplicationId).SingleAsync());
        await Kezek.WithDbAsync(db => db.Places.Where(p => p.Id == seat).ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, (long?)null)));
        await queue.MoveClockAsync(Kezek.Clock.GetUtcNow().AddDays(14));

        var first = await queue.SweepAsync();
        Assert.Equal(1, first.Fired);
        var timer = await Kezek.WithDbAsync(db => db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.Status == TimerStatus.Pending && t.Trigger == "Expire"));
        Assert.Equal(1, timer.Failures);
        Assert.StartsWith("FAILED: InvalidOperationException", timer.Outcome, StringComparison.Ordinal);
        var untouched = await queue.ApplicationAsync(queue.Numbers[0]);
        Assert.Equal("DIRECTION_ISSUED", untouched.GetProperty("status").GetString());
        Assert.DoesNotContain(untouched.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "Expire");

        // It is not tried again at once (backing off), nor ever dropped; repaired, the sweep after the pause fires it, once.
        Assert.Equal(0, (await queue.SweepAsync()).Total);
        await Kezek.WithDbAsync(db => db.Places.Where(p => p.Id == seat).ExecuteUpdateAsync(s => s.SetProperty(p => p.TakenByApplicationId, holder)));
        await queue.AdvanceClockAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        Assert.Equal(0, (await queue.SweepAsync()).Total);
        var expired = await queue.ApplicationAsync(queue.Numbers[0]);
        Assert.Single(expired.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "Expire");
        Assert.Equal("StopListed", expired.GetProperty("state").GetString());
    }

    /// <summary>Exactly this many issued directions, each on its own seat, each seat held by its direction's application.</summary>
    private async Task AssertSeatsAddUpAsync(int expectedDirections, int seats) =>
        await Kezek.WithDbAsync(async db =>
        {
            var directions = await db.Directions.AsNoTracking().Where(d => d.Status == DirectionStatus.Issued).ToListAsync();
            var places = await db.Places.AsNoTracking().ToListAsync();
            Assert.Equal(expectedDirections, directions.Count);
            Assert.Equal(expectedDirections, directions.Select(d => d.PlaceId).Distinct().Count());
            Assert.Equal(expectedDirections, directions.Select(d => d.ApplicationId).Distinct().Count());
            Assert.Equal(seats, places.Count);
            Assert.Equal(expectedDirections, places.Count(p => p.TakenByApplicationId is not null));
            foreach (var direction in directions)
                Assert.Equal(direction.ApplicationId, places.Single(p => p.Id == direction.PlaceId).TakenByApplicationId);
            Assert.Equal(expectedDirections, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.DirectionIssued));
            return 0;
        });
}

[Collection(SqliteCollection.Name)]
public sealed class ConcurrencyOnSqlite(SqliteKezek kezek) : ConcurrencyTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyOnPostgres(PostgresKezek kezek) : ConcurrencyTests(kezek);
