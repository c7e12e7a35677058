using System.Text.Json;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// The voucher workflow (Astana): the turn offers a voucher to confirm within 2 working days, else the application
/// is inactive and may be restored once within 28 calendar days; a confirmed voucher leads to the choice and the
/// contract within 5 working days; refusing removes the application. Clock: Tuesday 2026-09-01 09:00 Almaty time.
/// </summary>
public abstract class VoucherLifecycleTests(KezekFactory kezek) : KezekTest(kezek)
{
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    private static Task<GraphQLResponse> Voucher(Queues queue, string mutation, string inputType, string number, string? reason = null)
    {
        var input = new Dictionary<string, string> { ["applicationNumber"] = number };
        if (reason is not null)
            input["reason"] = reason;
        return queue.ActAsync(mutation, inputType, input, "application { number status state deadline }");
    }

    private static Dictionary<string, JsonElement> Actions(JsonElement application) =>
        application.GetProperty("availableActions").EnumerateArray().ToDictionary(a => a.GetProperty("action").GetString()!);

    [Fact]
    public async Task A_voucher_is_confirmed_refused_or_missed_and_an_inactive_application_is_restored_once()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(4, region: "astana");
        var n = queue.Numbers;
        Assert.Equal(3, (await queue.PublishAsync(3)).GetProperty("notified").GetInt32());

        var offered = await queue.ApplicationAsync(n[0]);
        Assert.Equal("NOTIFIED", offered.GetProperty("status").GetString());
        Assert.Equal("VoucherOffered", offered.GetProperty("state").GetString());
        Assert.Equal("2026-09-04T00:00:00+05:00", offered.GetProperty("deadline").GetString());
        var actions = Actions(offered);
        Assert.True(actions["confirmVoucher"].GetProperty("allowed").GetBoolean());
        Assert.True(actions["refuseVoucher"].GetProperty("allowed").GetBoolean());
        Assert.Equal("ACTION_NOT_AVAILABLE", actions["chooseKindergarten"].GetProperty("code").GetString());
        Assert.False(actions.ContainsKey("extendDirection") && actions["extendDirection"].GetProperty("allowed").GetBoolean());

        // Confirmed: five working days to choose and sign the contract.
        var confirmed = (await Voucher(queue, "confirmVoucher", "ConfirmVoucherInput", n[0])).Ok().GetProperty("confirmVoucher").GetProperty("application");
        Assert.Equal("VoucherConfirmed", confirmed.GetProperty("state").GetString());
        Assert.Equal("2026-09-09T00:00:00+05:00", confirmed.GetProperty("deadline").GetString());
        var direction = (await queue.ChooseAsync(n[0], await queue.FreePlaceIdAsync("astana"))).Ok().GetProperty("chooseKindergarten");
        Assert.Equal("DIRECTION_ISSUED", direction.GetProperty("application").GetProperty("status").GetString());
        (await queue.EnrollAsync(direction.GetProperty("direction").GetProperty("id").GetString()!)).Ok();

        // Refused: the application leaves the queue, with the reason in its history.
        Assert.Equal("REASON_REQUIRED", (await Voucher(queue, "refuseVoucher", "RefuseVoucherInput", n[1], reason: "")).ErrorCode);
        var refused = (await Voucher(queue, "refuseVoucher", "RefuseVoucherInput", n[1], reason: "Остаёмся дома")).Ok()
            .GetProperty("refuseVoucher").GetProperty("application");
        Assert.Equal("REMOVED", refused.GetProperty("status").GetString());

        // Missed: inactive, restorable until the end of the 28th calendar day.
        await queue.MoveClockAsync(new DateTimeOffset(2026, 9, 4, 0, 1, 0, Almaty));
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        var inactive = await queue.ApplicationAsync(n[2]);
        Assert.Equal("INACTIVE", inactive.GetProperty("status").GetString());
        Assert.Equal("2026-10-03T00:00:00+05:00", inactive.GetProperty("deadline").GetString());
        Assert.Equal(JsonValueKind.Null, inactive.GetProperty("queueNumber").ValueKind);
        var restored = (await Voucher(queue, "restoreApplication", "RestoreApplicationInput", n[2])).Ok()
            .GetProperty("restoreApplication").GetProperty("application");
        Assert.Equal("QUEUED", restored.GetProperty("status").GetString());

        // Its turn comes again (it stands before the fourth), is missed again, and a second restoration is refused.
        Assert.Equal(1, (await queue.PublishAsync(1)).GetProperty("notified").GetInt32());
        Assert.Equal("VoucherOffered", (await queue.ApplicationAsync(n[2])).GetProperty("state").GetString());
        Assert.Equal("QUEUED", (await queue.ApplicationAsync(n[3])).GetProperty("status").GetString());
        await queue.MoveClockAsync(new DateTimeOffset(2026, 9, 9, 0, 1, 0, Almaty));
        Assert.Equal(1, (await queue.SweepAsync()).Fired);
        Assert.Equal("RESTORE_USED", (await Voucher(queue, "restoreApplication", "RestoreApplicationInput", n[2])).ErrorCode);

        // Nobody restores it: 28 days later it leaves the queue.
        await queue.MoveClockAsync(new DateTimeOffset(2026, 10, 8, 0, 1, 0, Almaty));
        var swept = await queue.SweepAsync();
        Assert.True(swept.Fired >= 1);
        Assert.Equal("REMOVED", (await queue.ApplicationAsync(n[2])).GetProperty("status").GetString());
        var history = (await queue.ApplicationAsync(n[2])).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["Registered", "TurnCame", "ConfirmMissed", "Restore", "TurnCame", "ConfirmMissed", "RestoreExpired"], history);
    }

    [Fact]
    public async Task A_kindergarten_without_a_free_seat_puts_the_child_on_its_waiting_list_and_the_next_free_seat_is_theirs()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(3, region: "astana");
        var n = queue.Numbers;
        await queue.PublishAsync(1);
        await queue.PublishAsync(1, kindergarten: Queues.OtherKindergartenId);
        foreach (var number in n.Take(2))
            (await Voucher(queue, "confirmVoucher", "ConfirmVoucherInput", number)).Ok();
        Assert.Equal("QUEUED", (await queue.ApplicationAsync(n[2])).GetProperty("status").GetString());

        // Both choose «Балапан», which has one seat: the first gets it, the second goes on its waiting list.
        var balapan = await queue.FreePlaceIdAsync("astana", kindergarten: Queues.KindergartenId);
        var first = Queues.DirectionId(await queue.ChooseAsync(n[0], balapan));
        var waiting = (await queue.ChooseAsync(n[1], balapan)).Ok().GetProperty("chooseKindergarten");
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("direction").ValueKind);
        Assert.Equal("WaitingList", waiting.GetProperty("application").GetProperty("state").GetString());
        Assert.Equal("QUEUED", waiting.GetProperty("application").GetProperty("status").GetString());
        // Its turn's seat (in the other kindergarten) goes to the next in line.
        Assert.Equal("VoucherOffered", (await queue.ApplicationAsync(n[2])).GetProperty("state").GetString());

        // The first family revokes: the seat in «Балапан» goes to the head of its waiting list at once.
        (await queue.RevokeAsync(first)).Ok();
        var served = await queue.ApplicationAsync(n[1]);
        Assert.Equal("DIRECTION_ISSUED", served.GetProperty("status").GetString());
        Assert.Equal(["Registered", "TurnCame", "ConfirmVoucher", "WaitForPlace", "PlaceFreed"],
            served.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Contains(served.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "DIRECTION");
        var seat = await Kezek.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Directions.Where(d => d.Status == Core.Applications.DirectionStatus.Issued)));
        Assert.Equal(Queues.KindergartenId, seat.KindergartenId);
    }

    [Fact]
    public async Task The_workflow_of_each_region_is_public_with_its_diagram()
    {
        var api = Kezek.Api();
        var astana = (await api.PostAsync("{ workflow(region: \"astana\") { name states { name status timerTrigger timerAt } mermaid } }")).Ok().GetProperty("workflow");
        Assert.Equal("voucher", astana.GetProperty("name").GetString());
        Assert.Contains("VoucherOffered --> VoucherConfirmed : ConfirmVoucher", astana.GetProperty("mermaid").GetString(), StringComparison.Ordinal);
        var almaty = (await api.PostAsync("{ workflow(region: \"almaty\") { name mermaid } }")).Ok().GetProperty("workflow");
        Assert.Equal("direction", almaty.GetProperty("name").GetString());
        Assert.StartsWith("stateDiagram-v2", almaty.GetProperty("mermaid").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNKNOWN_REGION", (await api.PostAsync("{ workflow(region: \"mars\") { name } }")).ErrorCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class VoucherLifecycleOnSqlite(SqliteKezek kezek) : VoucherLifecycleTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class VoucherLifecycleOnPostgres(PostgresKezek kezek) : VoucherLifecycleTests(kezek);
