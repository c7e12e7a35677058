using System.Text.Json;
using Kezek.Core.Notifications;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// The direction workflow (seeds 000, 001, 004) over GraphQL with real signatures and a moving clock: seats are
/// published, the first in line are notified, one chooses, one misses the deadline, one revokes, one is enrolled,
/// one expires twice and is removed. Clock: 2026-09-01 09:00 Almaty time, a Tuesday; September has no holiday.
/// </summary>
public abstract class DirectionLifecycleTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    private static Task MoveTo(Queues queue, int month, int day) => queue.MoveClockAsync(new DateTimeOffset(2026, month, day, 0, 1, 0, Almaty));

    [Fact]
    public async Task A_child_back_from_the_stop_list_is_offered_the_queue_seat_nobody_could_take()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        var number = queue.Numbers[0];
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        Queues.DirectionId(await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        await MoveTo(queue, 9, 12);
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        Assert.Equal("StopListed", (await queue.ApplicationAsync(number)).GetProperty("state").GetString());

        // A queue seat published while the only child in line is stop-listed: nobody may take it yet.
        Assert.Equal(0, (await queue.PublishAsync(1)).GetProperty("notified").GetInt32());

        // The stop-list ends: the child is back in line, and in the same transition its turn comes for that seat.
        await MoveTo(queue, 9, 26);
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var back = await queue.ApplicationAsync(number);
        Assert.Equal("NOTIFIED", back.GetProperty("status").GetString());
        Assert.Equal(["Registered", "Choose", "Expire", "StopListEnded", "TurnCame"],
            back.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!));
    }

    [Fact]
    public async Task Published_seats_notify_in_order_and_each_path_of_the_workflow_ends_where_the_seeds_say()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(6);
        var n = queue.Numbers;
        var queuedAtBefore = (await queue.ApplicationAsync(n[2])).GetProperty("queuedAt").GetString();

        // Three seats to the queue: the first three are notified, with the deadline at the end of the 3rd working day.
        var published = await queue.PublishAsync(3);
        Assert.Equal(3, published.GetProperty("notified").GetInt32());
        foreach (var number in n.Take(3))
        {
            var notified = await queue.ApplicationAsync(number);
            Assert.Equal("NOTIFIED", notified.GetProperty("status").GetString());
            Assert.Equal("2026-09-05T00:00:00+05:00", notified.GetProperty("deadline").GetString());
        }

        Assert.Equal("QUEUED", (await queue.ApplicationAsync(n[3])).GetProperty("status").GetString());
        var turnCame = await Kezek.WithDbAsync(db => db.Notifications.Where(x => x.Template == "turn-came").ToListAsync());
        Assert.Equal(3 * 3, turnCame.Count);
        Assert.Equal(["cabinet", "email", "sms"], turnCame.Select(x => x.Channel.Code).Distinct().Order());
        Assert.Contains("2026-09-05T00:00:00+05:00", turnCame[0].Data, StringComparison.Ordinal);

        // The first chooses: a direction to attend within 5 working days.
        var place = await queue.FreePlaceIdAsync(mode: "QUEUE");
        var chosen = await queue.ChooseAsync(n[0], place);
        var direction0 = Queues.DirectionId(chosen);
        var issued = chosen.Ok().GetProperty("chooseKindergarten");
        Assert.Equal("ISSUED", issued.GetProperty("direction").GetProperty("status").GetString());
        Assert.Equal("2026-09-09T00:00:00+05:00", issued.GetProperty("direction").GetProperty("expiresAt").GetString());
        Assert.Equal("DIRECTION_ISSUED", issued.GetProperty("application").GetProperty("status").GetString());

        // The third chooses and revokes an hour later: back to the queue at the original position, the seat free again.
        var direction2 = Queues.DirectionId(await queue.ChooseAsync(n[2], place));
        await queue.AdvanceClockAsync(TimeSpan.FromHours(1));
        var revoked = (await queue.RevokeAsync(direction2)).Ok().GetProperty("revokeDirection");
        Assert.Equal("REVOKED", revoked.GetProperty("direction").GetProperty("status").GetString());
        var third = await queue.ApplicationAsync(n[2]);
        Assert.Equal("QUEUED", third.GetProperty("status").GetString());
        Assert.Equal(queuedAtBefore, third.GetProperty("queuedAt").GetString());
        Assert.Equal(2, third.GetProperty("queueNumber").GetInt32()); // behind the second, who is still notified

        // The second lets the deadline pass: back to the queue with the same place in it, the seat goes to free choice.
        await MoveTo(queue, 9, 5);
        var swept = await queue.SweepAsync();
        Assert.Equal(1, swept.Fired);
        var second = await queue.ApplicationAsync(n[1]);
        Assert.Equal("QUEUED", second.GetProperty("status").GetString());
        Assert.Equal(1, second.GetProperty("queueNumber").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("deadline").ValueKind);
        var free = (await queue.Api.PostAsync("{ freePlaces(region: \"almaty\") { mode count } }")).Ok().GetProperty("freePlaces");
        Assert.Equal(2, free.EnumerateArray().Where(p => p.GetProperty("mode").GetString() == "FREE_CHOICE").Sum(p => p.GetProperty("count").GetInt32()));
        Assert.DoesNotContain(free.EnumerateArray(), p => p.GetProperty("mode").GetString() == "QUEUE");

        // The first is enrolled by the region's operator.
        var enrolled = (await queue.EnrollAsync(direction0)).Ok().GetProperty("enrollChild");
        Assert.Equal("ENROLLED", enrolled.GetProperty("direction").GetProperty("status").GetString());
        Assert.Equal("ENROLLED", enrolled.GetProperty("application").GetProperty("status").GetString());

        // The fourth takes a free-choice seat (Saturday 5 Sep) and lets it expire: stop-list for 10 working days.
        var direction3 = Queues.DirectionId(await queue.ChooseAsync(n[3], await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        await MoveTo(queue, 9, 12);
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var fourth = await queue.ApplicationAsync(n[3]);
        Assert.Equal("QUEUED", fourth.GetProperty("status").GetString());
        Assert.Equal("StopListed", fourth.GetProperty("state").GetString());
        Assert.Equal(1, fourth.GetProperty("expirations").GetInt32());
        Assert.Equal("2026-09-26T00:00:00+05:00", fourth.GetProperty("stopListedUntil").GetString());
        Assert.Equal("EXPIRED", fourth.GetProperty("directions")[0].GetProperty("status").GetString());
        var choose = fourth.GetProperty("availableActions").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "chooseKindergarten");
        Assert.False(choose.GetProperty("allowed").GetBoolean());
        Assert.Equal("STOP_LISTED", choose.GetProperty("code").GetString());
        Assert.Equal("STOP_LISTED", (await queue.ChooseAsync(n[3], await queue.FreePlaceIdAsync(mode: "FREE_CHOICE"))).ErrorCode);
        _ = direction3;

        // The stop-list ends; the next direction expires too: the second expiry removes the application.
        await MoveTo(queue, 9, 26);
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        Assert.Equal("Queued", (await queue.ApplicationAsync(n[3])).GetProperty("state").GetString());
        Queues.DirectionId(await queue.ChooseAsync(n[3], await queue.FreePlaceIdAsync(mode: "FREE_CHOICE")));
        await MoveTo(queue, 10, 3);
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var removed = await queue.ApplicationAsync(n[3]);
        Assert.Equal("REMOVED", removed.GetProperty("status").GetString());
        Assert.Equal(2, removed.GetProperty("expirations").GetInt32());
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("queueNumber").ValueKind);

        // Every step is in the history, with who did it and the signed XML of the parent's actions.
        string[] Actions(JsonElement application) => [.. application.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!)];
        Assert.Equal(["Registered", "TurnCame", "Choose", "Enroll"], Actions(await queue.ApplicationAsync(n[0])));
        Assert.Equal(["Registered", "TurnCame", "ChoiceMissed"], Actions(await queue.ApplicationAsync(n[1])));
        Assert.Equal(["Registered", "TurnCame", "Choose", "Revoke"], Actions(await queue.ApplicationAsync(n[2])));
        Assert.Equal(["Registered", "Choose", "Expire", "StopListEnded", "Choose", "Expire"], Actions(removed));
        var revokeEntry = (await queue.ApplicationAsync(n[2])).GetProperty("history")[3];
        Assert.Equal("Переезд в другой район", revokeEntry.GetProperty("reason").GetString());
        Assert.Contains("<name>revokeDirection</name>", revokeEntry.GetProperty("signedXml").GetString(), StringComparison.Ordinal);
        Assert.Equal("System", (await queue.ApplicationAsync(n[1])).GetProperty("history")[2].GetProperty("actorRole").GetString());

        // The documents of the seeds' table: four at registration, the direction when it was issued, its facts frozen.
        var documents = (await queue.ApplicationAsync(n[0])).GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["REGISTRATION_NOTIFICATION", "DOCUMENTS_RECEIPT", "REGISTER_BOOK_ENTRY", "CHILD_CARD", "DIRECTION"],
            documents.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal("Направление в ДДО", documents[4].GetProperty("title").GetString());
        Assert.Equal(5, documents.Select(d => d.GetProperty("verificationCode").GetString()).Distinct().Count());
        var directionFacts = await Kezek.WithDbAsync(db => db.Documents.AsNoTracking().Where(d => d.Kind == Core.Documents.DocumentKind.Direction)
            .OrderBy(d => d.IssuedAt).Select(d => d.Facts).FirstAsync());
        Assert.Contains("\"kindergartenNameRu\":\"Ясли-сад № 1 «Балапан»\"", directionFacts, StringComparison.Ordinal);
        Assert.Contains("\"directionExpiresAt\":\"2026-09-09T00:00:00+05:00\"", directionFacts, StringComparison.Ordinal);
        Assert.Equal(3, (await queue.ApplicationAsync(n[3])).GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "DIRECTION") + 1);

        // Seats add up: one enrolled holds its seat, every other seat is free again.
        var seats = await Kezek.WithDbAsync(db => db.Places.AsNoTracking().ToListAsync());
        Assert.Equal(3, seats.Count);
        Assert.Single(seats, s => s.TakenByApplicationId is not null);
    }

    [Fact]
    public async Task Revoke_is_allowed_at_23h59m_and_refused_at_24h01m()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        await queue.PublishAsync(2);
        var place = await queue.FreePlaceIdAsync();
        var first = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], place));
        var second = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[1], place));
        var buttons = (await queue.ApplicationAsync(queue.Numbers[1])).GetProperty("availableActions").EnumerateArray()
            .ToDictionary(a => a.GetProperty("action").GetString()!, a => a.GetProperty("allowed").GetBoolean());
        Assert.Equal(new Dictionary<string, bool>
        {
            ["chooseKindergarten"] = false, ["extendDirection"] = true, ["revokeDirection"] = true, ["withdrawApplication"] = true,
        }, buttons);

        await queue.AdvanceClockAsync(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        (await queue.RevokeAsync(first)).Ok();
        await queue.AdvanceClockAsync(TimeSpan.FromMinutes(2));
        var late = await queue.RevokeAsync(second);
        Assert.Equal("REVOKE_WINDOW_PASSED", late.ErrorCode);
        Assert.Equal("DIRECTION_ISSUED", (await queue.ApplicationAsync(queue.Numbers[1])).GetProperty("status").GetString());
        Assert.Equal("REASON_REQUIRED", (await queue.RevokeAsync(second, reason: "  ")).ErrorCode);
    }

    [Fact]
    public async Task A_direction_is_extended_once_within_30_days_and_its_expiry_timer_moves()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        var direction = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        // Issued Tue 1 Sep: expires at the end of Tue 8 Sep; 30 calendar days later is 8 Oct.
        var tooLong = await queue.ExtendAsync(direction, "2026-10-09");
        Assert.Equal("EXTENSION_TOO_LONG", tooLong.ErrorCode);
        Assert.Contains("08.10.2026", tooLong.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("EXTENSION_NOT_LATER", (await queue.ExtendAsync(direction, "2026-09-08")).ErrorCode);

        var extended = (await queue.ExtendAsync(direction, "2026-10-08")).Ok().GetProperty("extendDirection");
        Assert.Equal("2026-10-09T00:00:00+05:00", extended.GetProperty("direction").GetProperty("expiresAt").GetString());
        Assert.Equal(1, extended.GetProperty("direction").GetProperty("extensions").GetInt32());
        Assert.Equal("EXTENSION_USED", (await queue.ExtendAsync(direction, "2026-10-07")).ErrorCode);

        // The old expiry passes without effect; the new one expires the direction.
        await MoveTo(queue, 9, 9);
        Assert.Equal(0, (await queue.SweepAsync()).Total);
        await MoveTo(queue, 10, 9);
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        Assert.Equal("StopListed", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("state").GetString());
    }

    [Fact]
    public async Task After_the_deadline_a_choice_is_refused_even_before_the_sweep_moves_the_application()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        var place = await queue.FreePlaceIdAsync();
        await MoveTo(queue, 9, 5); // the deadline was the end of Friday 4 September; no sweep has run
        Assert.Equal("DEADLINE_PASSED", (await queue.ChooseAsync(queue.Numbers[0], place)).ErrorCode);
        var buttons = (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("availableActions").EnumerateArray()
            .ToDictionary(a => a.GetProperty("action").GetString()!, a => a.GetProperty("code").GetString());
        Assert.Equal("DEADLINE_PASSED", buttons["chooseKindergarten"]);
        Assert.Null(buttons["withdrawApplication"]);
    }

    [Fact]
    public async Task Seats_nobody_could_take_go_to_the_first_who_can_once_a_child_grows_into_the_group()
    {
        // 1 September 2026: a child born on 15 October 2025 is 10 months old, below the 12 months of the group.
        var queue = await new Queues(Kezek).WithChildrenAsync(1, firstBorn: new DateOnly(2025, 10, 15));
        Assert.Equal(0, (await queue.PublishAsync(1, groupYear: 2025)).GetProperty("notified").GetInt32());
        Assert.Equal("QUEUED", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("status").GetString());
        using (var scope = Kezek.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Places.Turns>().OfferOwedAsync(CancellationToken.None));

        // She turns one on 15 October 2026; the sweep offers the seat that waited for her.
        await queue.MoveClockAsync(new DateTimeOffset(2026, 10, 15, 10, 0, 0, Almaty));
        using (var scope = Kezek.Services.CreateScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Kezek.Workflows.Places.Turns>().OfferOwedAsync(CancellationToken.None));
        Assert.Equal("NOTIFIED", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_third_working_day_skips_a_holiday_weekend()
    {
        // Friday 23 October 2026; Monday 26 October is the Republic Day holiday moved from Sunday.
        Kezek.Clock.Set(new DateTimeOffset(2026, 10, 23, 10, 0, 0, Almaty));
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        Assert.Equal("2026-10-30T00:00:00+05:00", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Withdrawing_while_notified_gives_the_seat_to_free_choice_and_only_the_family_may_act()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        await queue.PublishAsync(1);
        var withdrawn = (await queue.WithdrawAsync(queue.Numbers[0])).Ok().GetProperty("withdrawApplication").GetProperty("application");
        Assert.Equal("WITHDRAWN", withdrawn.GetProperty("status").GetString());
        var free = (await queue.Api.PostAsync("{ freePlaces(region: \"almaty\", groupYear: 2022) { mode count } }")).Ok().GetProperty("freePlaces");
        Assert.Equal("FREE_CHOICE", free[0].GetProperty("mode").GetString());

        // A stranger's signed choice of the mother's application is answered as if it did not exist.
        var stranger = await queue.Api.SignInAsync(People.Stranger);
        var input = new Dictionary<string, string> { ["applicationNumber"] = queue.Numbers[1], ["placeId"] = await queue.FreePlaceIdAsync() };
        var signed = GraphQLClient.Sign(People.Stranger, "chooseKindergarten", await queue.Api.NonceAsync(stranger), input);
        var refused = await queue.Api.PostAsync("mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }",
            new { input, x = signed }, stranger);
        Assert.Equal("APPLICATION_NOT_FOUND", refused.ErrorCode);

        // Staff of another kindergarten cannot enrol, and a parent cannot publish seats.
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync("mutation { publishPlaces(input: {kindergartenId: \"" + Queues.KindergartenId +
            "\", groupYear: 2022, language: KK, count: 1, mode: QUEUE}) { published } }", token: queue.Mother)).ErrorCode);
    }

    [Fact]
    public async Task A_replayed_or_refused_signed_action_changes_nothing_and_a_refusal_leaves_the_nonce_usable()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1, mode: "FREE_CHOICE");
        var place = await queue.FreePlaceIdAsync();
        var nonce = await queue.Api.NonceAsync(queue.Mother);
        var wrong = new Dictionary<string, string> { ["applicationNumber"] = queue.Numbers[0], ["placeId"] = Guid.NewGuid().ToString() };
        var refused = await queue.Api.PostAsync("mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }",
            new { input = wrong, x = GraphQLClient.Sign(People.Mother, "chooseKindergarten", nonce, wrong) }, queue.Mother);
        Assert.Equal("PLACE_NOT_FOUND", refused.ErrorCode);

        var right = new Dictionary<string, string> { ["applicationNumber"] = queue.Numbers[0], ["placeId"] = place };
        var signed = GraphQLClient.Sign(People.Mother, "chooseKindergarten", nonce, right);
        const string choose = "mutation($input: ChooseKindergartenInput!, $x: String!) { chooseKindergarten(input: $input, signedXml: $x) { direction { id } } }";
        (await queue.Api.PostAsync(choose, new { input = right, x = signed }, queue.Mother)).Ok();
        Assert.Equal("NONCE_INVALID", (await queue.Api.PostAsync(choose, new { input = right, x = signed }, queue.Mother)).ErrorCode);
        Assert.Equal(1, await Kezek.WithDbAsync(db => db.Directions.CountAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DirectionLifecycleOnSqlite(SqliteKezek kezek) : DirectionLifecycleTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class DirectionLifecycleOnPostgres(PostgresKezek kezek) : DirectionLifecycleTests(kezek);
