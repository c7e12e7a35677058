using System.Globalization;
using System.Text.Json;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Allocation;

/// <summary>
/// The waiting-time forecast over GraphQL: directions issued at controlled months (the clock moved) make the queue's
/// monthly turns, counted in the region's time (UTC+5); the answer is an interval in months and in the region's days, for
/// a child joining now (public, counts only) and for a family's queued application.
/// </summary>
public abstract class WaitingForecastTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Selection = "ahead earliestMonths likelyMonths latestMonths earliestFrom likelyFrom latestUntil monthsOfHistory";

    private static Task<GraphQLResponse> ForecastAsync(Queues queue, string region = "almaty", int groupYear = 2022, string? kindergartenId = null,
        string? token = null) =>
        queue.Api.PostAsync($"query($r: String!, $y: Int!, $k: ID) {{ waitingForecast(region: $r, groupYear: $y, kindergartenId: $k) {{ {Selection} }} }}",
            new { r = region, y = groupYear, k = kindergartenId }, token);

    private static async Task IssueAsync(Queues queue, string number, DateTimeOffset at, Guid kindergarten)
    {
        await queue.MoveClockAsync(at);
        await queue.PublishAsync(1, kindergarten: kindergarten);
        (await queue.ChooseAsync(number, await queue.FreePlaceIdAsync(mode: "QUEUE", kindergarten: kindergarten))).Ok();
    }

    private static DateOnly Date(JsonElement forecast, string field) =>
        DateOnly.ParseExact(forecast.GetProperty(field).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The dates are the months' first and last days, counted from March 2027 (the clock's month).</summary>
    private static void AssertDatesMatchMonths(JsonElement forecast)
    {
        var march = new DateOnly(2027, 3, 1);
        var (earliest, likely) = (forecast.GetProperty("earliestMonths").GetInt32(), forecast.GetProperty("likelyMonths").GetInt32());
        Assert.True(earliest <= likely);
        Assert.Equal(march.AddMonths(earliest), Date(forecast, "earliestFrom"));
        Assert.Equal(march.AddMonths(likely), Date(forecast, "likelyFrom"));
        var latest = forecast.GetProperty("latestMonths").GetInt32();
        Assert.True(likely <= latest);
        Assert.Equal(march.AddMonths(latest + 1).AddDays(-1), Date(forecast, "latestUntil"));
    }

    [Fact]
    public async Task The_forecast_is_drawn_from_directions_issued_by_month_in_the_regions_time_for_newcomers_and_queued_families()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(5);
        var anonymous = (await ForecastAsync(queue)).Ok();
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("waitingForecast").ValueKind); // no history yet

        // 20:00 UTC on the last day of a month is 01:00 of the next in Almaty: October and November, then January elsewhere.
        await IssueAsync(queue, queue.Numbers[0], new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero), Queues.KindergartenId);
        await IssueAsync(queue, queue.Numbers[1], new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.Zero), Queues.KindergartenId);
        await IssueAsync(queue, queue.Numbers[2], new DateTimeOffset(2027, 1, 15, 6, 0, 0, TimeSpan.Zero), Queues.OtherKindergartenId);
        await queue.MoveClockAsync(new DateTimeOffset(2027, 3, 5, 6, 0, 0, TimeSpan.Zero));

        // A newcomer, anonymously: the two still queued stand ahead; October to February is five months of history, turns
        // 1, 1, 0, 1, 0 — at most one a month, so never sooner than two months.
        var response = await ForecastAsync(queue);
        var newcomer = response.Ok().GetProperty("waitingForecast");
        Assert.Equal(2, newcomer.GetProperty("ahead").GetInt32());
        Assert.Equal(5, newcomer.GetProperty("monthsOfHistory").GetInt32());
        Assert.True(newcomer.GetProperty("earliestMonths").GetInt32() >= 2);
        AssertDatesMatchMonths(newcomer);
        // Counts only: nothing of the children or the applications.
        Assert.DoesNotContain("ҚОҢЫРБАЕВА", response.Text, StringComparison.Ordinal);
        Assert.All(queue.Numbers, number => Assert.DoesNotContain(number, response.Text, StringComparison.Ordinal));
        // The same answer signed in; the same futures give the same interval.
        Assert.Equal(newcomer.ToString(), (await ForecastAsync(queue, token: queue.Mother)).Ok().GetProperty("waitingForecast").ToString());

        // One kindergarten: its share of the turns (2 of 3 for «Балапан», 1 of 3 for № 27) of those ahead, from its own months.
        var balapan = (await ForecastAsync(queue, kindergartenId: Queues.KindergartenId.ToString())).Ok().GetProperty("waitingForecast");
        Assert.Equal(2, balapan.GetProperty("ahead").GetInt32());
        Assert.Equal(5, balapan.GetProperty("monthsOfHistory").GetInt32());
        var other = (await ForecastAsync(queue, kindergartenId: Queues.OtherKindergartenId.ToString())).Ok().GetProperty("waitingForecast");
        Assert.Equal(1, other.GetProperty("ahead").GetInt32());
        Assert.Equal(2, other.GetProperty("monthsOfHistory").GetInt32());
        AssertDatesMatchMonths(other);

        // Another group year has no history.
        Assert.Equal(JsonValueKind.Null, (await ForecastAsync(queue, groupYear: 2023)).Ok().GetProperty("waitingForecast").ValueKind);

        // The family's applications: the first queued has nobody ahead (this month), the next one; one with a direction has none.
        var family = (await queue.Api.PostAsync($$"""
            query { applications { nodes { number waitingForecast { {{Selection}} } } } }
            """, token: queue.Mother)).Ok().GetProperty("applications").GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("number").GetString()!, n => n.GetProperty("waitingForecast"));
        Assert.Equal(JsonValueKind.Null, family[queue.Numbers[0]].ValueKind);
        var first = family[queue.Numbers[3]];
        Assert.Equal((0, 0, 0, 5), (first.GetProperty("ahead").GetInt32(), first.GetProperty("earliestMonths").GetInt32(),
            first.GetProperty("latestMonths").GetInt32(), first.GetProperty("monthsOfHistory").GetInt32()));
        Assert.Equal(("2027-03-01", "2027-03-31"), (first.GetProperty("earliestFrom").GetString(), first.GetProperty("latestUntil").GetString()));
        var second = family[queue.Numbers[4]];
        Assert.Equal(1, second.GetProperty("ahead").GetInt32());
        Assert.True(second.GetProperty("earliestMonths").GetInt32() >= 1);
        AssertDatesMatchMonths(second);
        Assert.True(second.GetProperty("likelyMonths").GetInt32() <= newcomer.GetProperty("likelyMonths").GetInt32());
    }

    [Fact]
    public async Task Bad_input_answers_a_clear_error()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        Assert.Equal("UNKNOWN_REGION", (await ForecastAsync(queue, region: "atlantis")).ErrorCode);
        Assert.Equal("INVALID_GROUP_YEAR", (await ForecastAsync(queue, groupYear: 2031)).ErrorCode);
        Assert.Equal("INVALID_GROUP_YEAR", (await ForecastAsync(queue, groupYear: 1990)).ErrorCode);
        Assert.Equal("INVALID_INPUT", (await ForecastAsync(queue, kindergartenId: "not-an-id")).ErrorCode);
        Assert.Equal("KINDERGARTEN_NOT_IN_REGION", (await ForecastAsync(queue, kindergartenId: Guid.NewGuid().ToString())).ErrorCode);
        Assert.Equal("KINDERGARTEN_NOT_IN_REGION", (await ForecastAsync(queue, region: "astana", kindergartenId: Queues.KindergartenId.ToString())).ErrorCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WaitingForecastOnSqlite(SqliteKezek kezek) : WaitingForecastTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class WaitingForecastOnPostgres(PostgresKezek kezek) : WaitingForecastTests(kezek);
