using CsCheck;
using Kezek.Core.Forecast;
using Kezek.UnitTests.Fuzzing;

namespace Kezek.UnitTests.Allocation;

public sealed class WaitingForecastTests
{
    private static MonthOfTurns[] TwoYears(Func<int, int> turnsInMonth) =>
        [.. Enumerable.Range(0, 24).Select(index => new MonthOfTurns(2024 + index / 12, index % 12 + 1, turnsInMonth(index % 12 + 1)))];

    [Fact]
    public void A_steady_queue_gives_an_exact_interval()
    {
        var forecast = WaitingForecast.Estimate(ahead: 35, TwoYears(_ => 10), month: 1);
        Assert.Equal(new MonthsUntilTurn(4, 4, 4, 24), forecast);
    }

    [Fact]
    public void Turns_that_come_each_august_put_the_child_in_an_august()
    {
        // 100 turns every August, none otherwise; in January, 150 ahead: this August covers 100, the next one the rest.
        var forecast = WaitingForecast.Estimate(ahead: 150, TwoYears(month => month == 8 ? 100 : 0), month: 1)!;
        Assert.Equal(19, forecast.Likely);
        Assert.Equal(19, forecast.Earliest);
        Assert.Equal(19, forecast.Latest);
    }

    [Fact]
    public void No_history_gives_no_forecast_and_a_queue_too_slow_gives_an_open_end()
    {
        Assert.Null(WaitingForecast.Estimate(5, [], 1));
        Assert.Null(WaitingForecast.Estimate(5, TwoYears(_ => 0), 1));
        var slow = WaitingForecast.Estimate(10_000, TwoYears(_ => 1), 1)!;
        Assert.Null(slow.Latest);
        Assert.Equal(WaitingForecast.HorizonMonths, slow.Likely);
    }

    [Fact]
    public void More_children_ahead_never_means_an_earlier_turn_and_the_interval_is_ordered() =>
        Gen.Select(Gen.Int[0, 40].Array[24], Gen.Int[0, 400], Gen.Int[0, 400], Gen.Int[1, 12]).Sample((turns, a, b, month) =>
        {
            var history = turns.Select((count, index) => new MonthOfTurns(2024 + index / 12, index % 12 + 1, count)).ToArray();
            var (fewer, more) = (Math.Min(a, b), Math.Max(a, b));
            var near = WaitingForecast.Estimate(fewer, history, month, seed: 7);
            var far = WaitingForecast.Estimate(more, history, month, seed: 7);
            if (near is null || far is null)
            {
                Assert.True(turns.All(count => count == 0));
                return;
            }
            Assert.True(near.Earliest <= near.Likely && near.Likely <= (near.Latest ?? int.MaxValue));
            Assert.True(near.Likely <= far.Likely && near.Earliest <= far.Earliest);
            Assert.Equal(near, WaitingForecast.Estimate(fewer, history, month, seed: 7));
        }, iter: Fuzz.Cases(100), seed: Fuzz.Seed);
}
