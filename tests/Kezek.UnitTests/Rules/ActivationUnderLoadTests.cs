using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Kezek.Rules.Calendar;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;

namespace Kezek.UnitTests.Rules;

/// <summary>Activating new versions while evaluations run: none fails, each sees one whole version.</summary>
public sealed class ActivationUnderLoadTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(KazakhstanCalendarTests.Folder);

    private static async Task<CompiledRuleSet> AlmatyWithDaysToChooseAsync(int days)
    {
        var json = JsonNode.Parse(RuleSetTests.Read("almaty"))!.AsObject();
        json["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "daysToChoose")!["Expression"] =
            days.ToString(CultureInfo.InvariantCulture);
        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(json.ToJsonString(), "almaty", Calendar);
        return ruleSet ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    [Fact]
    public async Task Evaluations_during_activations_all_succeed_on_the_old_or_the_new_version()
    {
        var catalog = new RuleSetCatalog();
        catalog.Activate(new ActiveRuleSet("almaty", 1, await AlmatyWithDaysToChooseAsync(3)));
        // Notified on Thursday 20 March 2025: three working days end on 28 March, five on 1 April.
        var facts = RuleFacts.At(new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromHours(5)));
        var three = new DateTimeOffset(2025, 3, 29, 0, 0, 0, TimeSpan.FromHours(5));
        var five = new DateTimeOffset(2025, 4, 2, 0, 0, 0, TimeSpan.FromHours(5));
        var seen = new ConcurrentDictionary<DateTimeOffset, int>();
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();

        var evaluators = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var deadline = await catalog.For("almaty").RuleSet.DeadlineAsync("ChoiceDeadline", facts);
                    seen.AddOrUpdate(deadline, 1, (_, n) => n + 1);
                    await Task.Yield();
                }
                catch (Exception exception) when (exception is RuleEvaluationException or InvalidOperationException)
                {
                    failures.Enqueue(exception);
                }
            }
        })).ToList();

        for (var version = 2; version <= 6; version++)
        {
            // Each activation compiles and warms a new engine while the evaluators run, then swaps it in.
            catalog.Activate(new ActiveRuleSet("almaty", version, await AlmatyWithDaysToChooseAsync(version % 2 == 0 ? 5 : 3)));
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(evaluators);

        Assert.Empty(failures);
        Assert.Equal([three, five], seen.Keys.Order());
        Assert.True(seen.Values.Sum() > 100, $"only {seen.Values.Sum()} evaluations ran");
        Assert.Equal(6, catalog.For("almaty").Version);
        Assert.False(catalog.Activate(new ActiveRuleSet("almaty", 5, await AlmatyWithDaysToChooseAsync(3))), "an older version never replaces a newer one");
    }
}
